// only: ENV0001
const greeting = process.env.API_GREETING;
console.log(greeting);
