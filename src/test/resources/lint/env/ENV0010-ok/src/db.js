const pw = process.env.MYSQL_PASSWORD;
