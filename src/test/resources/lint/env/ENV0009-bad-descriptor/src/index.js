const t = process.env.API_TOKEN;
const p = process.env.PORT;
