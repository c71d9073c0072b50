// a repository's scripts/ directory: tooling run by hand or by CI
const out = process.env.STRUCTURED_OUTPUT_PATH;
console.log(out);
