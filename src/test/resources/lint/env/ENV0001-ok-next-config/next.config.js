// only: ENV0001
module.exports = {
  env: {
    customKey: 'my-value',
    API_BASE: process.env.BACKEND_URL,
  },
};
