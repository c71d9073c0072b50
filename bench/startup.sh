#!/usr/bin/env bash
# bench/startup.sh - start-up time of devops commands, measured with hyperfine (median wall time).
# Variants: plain `java -jar target/devops.jar`; the launcher's JVM flags without the AppCDS archive;
# bin/devops itself (flags + AppCDS archive). Commands: --version, --help, and when the commands
# exist, `init --dry-run` and `render --check` on an example (the build-test fixture while
# examples/ is empty). Prints a markdown table and writes it to target/bench/startup.md.
# Usage: bench/startup.sh [RUNS]   (default 30; 3 warm-up runs each). Installs hyperfine from apt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}
if ! command -v hyperfine >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
  apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
fi
bin/devops --version >/dev/null   # builds the jar and the AppCDS archive when needed
jar=target/devops.jar
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr"

example=examples/node-express
[ -d "$example" ] || example=src/test/resources/docker-fixtures/go-hello
cmds=("--version" "--help")
[ -f src/main/java/dev/devops/cli/InitCommand.java ] && cmds+=("init --dry-run $example")
[ -f src/main/java/dev/devops/cli/RenderCommand.java ] && [ -f "$example/devops.yaml" ] && cmds+=("render --check $example")

out=target/bench; mkdir -p "$out"
cell() { # CSV from hyperfine, row $2 (1-based) -> "median wall s (cpu user+sys mean s)"
  awk -F, -v r="$2" 'NR == r + 1 { printf "%.3f s (cpu %.2f)", $4, $5 + $6 }' "$1"
}
{
  echo "| command | java -jar | + launcher flags | bin/devops (flags + AppCDS) |"
  echo "|---|---:|---:|---:|"
} >"$out/startup.md"
for c in "${cmds[@]}"; do
  # shellcheck disable=SC2086
  hyperfine -N -i --style none --warmup 3 --runs "$RUNS" --export-csv "$out/run.csv" \
    "java -jar $jar $c" "java $flags -jar $jar $c" "bin/devops $c" >/dev/null
  echo "| \`devops $c\` | $(cell "$out/run.csv" 1) | $(cell "$out/run.csv" 2) | $(cell "$out/run.csv" 3) |" >>"$out/startup.md"
done
{
  echo
  echo "Median wall time (and mean CPU time, user + system) of $RUNS runs after 3 warm-ups (hyperfine $(hyperfine --version | cut -d' ' -f2)), $(date -u +%Y-%m-%d)."
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, Debian $(cat /etc/debian_version)," \
       "$(java -version 2>&1 | head -2 | tail -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} >>"$out/startup.md"
cat "$out/startup.md"
