// only: ENV0001
export default function Home() {
  return process.env.PASS_THROUGH + process.env.BACKEND_URL;
}
