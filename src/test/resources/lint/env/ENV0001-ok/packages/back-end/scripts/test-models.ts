// an operator's script in a package's scripts/ directory reads its own knobs: not app configuration
const model = process.env.AUDIT_MODEL_NAME;
console.log(model);
