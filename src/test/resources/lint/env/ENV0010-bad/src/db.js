// expect: ENV0010
const pw = process.env.MYSQL_PASS;
// expect: ENV0010
const u = process.env.DATABSE_URL;
