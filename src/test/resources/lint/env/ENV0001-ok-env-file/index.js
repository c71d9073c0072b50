const p = process.env.PORT;
const f = process.env.FEATURE_FLAGS;
