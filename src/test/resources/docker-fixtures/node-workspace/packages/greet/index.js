// a local package of the workspace: the app can only be built where the workspace's lockfile links it
module.exports = (who) => `ok ${who}`;
