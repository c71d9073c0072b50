const port = process.env.PORT || 3000;
const url = process.env.DATABASE_URL;
const mode = process.env.NODE_ENV;
const role = process.env.APP_ROLE;
module.exports = { port, url, mode, role };
