const p = process.env.PORT;
const l = process.env.LOG_LEVEL;
