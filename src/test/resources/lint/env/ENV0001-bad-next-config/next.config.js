// only: ENV0001
module.exports = {
  env: {
    // passed through from the build environment: still a variable to document
    PASS_THROUGH: process.env.PASS_THROUGH,
  },
};
