// only: ENV0001
export default function Home() {
  // expect: ENV0001
  return process.env.PASS_THROUGH + process.env.BACKEND_URL;
}
