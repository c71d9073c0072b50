export const base = import.meta.env.BASE_URL;
// expect: ENV0001
export const api = import.meta.env.VITE_API_URL;
