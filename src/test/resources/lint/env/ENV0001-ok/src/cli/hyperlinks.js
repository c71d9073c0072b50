// what the terminal says about itself, and BuildKit's platform arguments: set by the platform, not app configuration
const program = process.env.TERM_PROGRAM;
const vte = process.env.VTE_VERSION;
const platform = process.env.TARGETPLATFORM;
module.exports = { program, vte, platform };
