// a scripts/ directory deep in the app's source (a Laravel front end) is the app's code
// expect: ENV0001
export const locale = process.env.APP_FALLBACK_LOCALE;
