// only: ENV0001
const routerBasePath = process.env.ROUTER_BASE_PATH || "";
module.exports = {
  env: {
    serverUrl: process.env.NODE_ENV === "production" ? routerBasePath : "http://localhost:3333",
    chromecastReceiver: "FD1F76C5",
  },
};
