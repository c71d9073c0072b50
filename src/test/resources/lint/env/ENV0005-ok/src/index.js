const p = process.env.PORT;
