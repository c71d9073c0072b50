// only: ENV0001
export default function Home() {
  return process.env.customKey + process.env.API_BASE;
}
