const port = process.env.PORT || 3000;
// expect: ENV0001
const url = process.env.DATABASE_URL;
const again = process.env.DATABASE_URL;
module.exports = { port, url, again };
