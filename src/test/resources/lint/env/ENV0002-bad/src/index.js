// expect: ENV0002
const api = process.env.API_URL;
const again = process.env.OTHER_URL;
