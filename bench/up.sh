#!/usr/bin/env bash
# bench/up.sh - `devops up -d --wait` + `down -v` against Debian's docker-compose 1.29.2 on the same
# 3-service stack (bench/stack), measured side by side in one run, alternating the two tools.
#   devops:          devops up -d --wait            ... devops down -v
#   docker-compose:  docker-compose up -d, then poll until all three containers are healthy ... down -v
# `devops up --wait` returns when the engine reports every service healthy. By default devops starts
# the app as soon as db and cache pass their healthchecks, run by devops itself (its health probe);
# `devops up --wait --no-health-probe` (start order by the engine's status alone) is measured too.
# Also: a second `devops up -d --wait` with nothing changed (the no-op), and the same for compose; `ps` of the
# running stack with each tool; and the sum up + down -v per round (the issue's "up --wait + down -v" figure).
# The app image is built once by each tool before timing (builds are not what is compared).
# Needs a Docker engine and the stand-in images (scripts/test.sh sets both up).
# Usage: bench/up.sh [ROUNDS]   (default 5). Prints a markdown table; writes target/bench/up.md.
# BENCH_HEALTH_INTERVAL (default 1s) sets the healthcheck interval of all three services, e.g. 5s.
# BENCH_BASELINE=DIR also times DIR/bin/devops (another checkout, e.g. `git worktree add /tmp/base main`) in the
# same rounds: its up until healthy + down -v are extra rows, so a change is measured before/after side by side
# with docker-compose under the same load.
set -euo pipefail
trap 'echo "bench: failed (line $LINENO): $BASH_COMMAND; is port 18090 taken by another stack?" >&2' ERR
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
STACK=bench/stack/docker-compose.yml
command -v docker-compose >/dev/null || { echo "bench: docker-compose is missing (apt-get install docker-compose)" >&2; exit 2; }
bin/devops --version >/dev/null
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
healthy3() { # project -> 0 when its three containers are healthy
  local n
  n=$(docker ps --filter "label=com.docker.compose.project=$1" --filter health=healthy -q | wc -l)
  [ "$n" -eq 3 ]
}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

dv=${BENCH_PROJECT:-bench}dv; dc=${BENCH_PROJECT:-bench}dc   # BENCH_PROJECT: project-name prefix
db=${BENCH_PROJECT:-bench}db; BASE=${BENCH_BASELINE:-}
if [ -n "$BASE" ]; then
  [ -x "$BASE/bin/devops" ] || { echo "bench: BENCH_BASELINE=$BASE has no bin/devops" >&2; exit 2; }
  BASE=$(cd "$BASE" && pwd -P)
  "$BASE/bin/devops" --version >/dev/null
  "$BASE/bin/devops" down -v -f "$STACK" -p "$db" >/dev/null 2>&1 || true
  "$BASE/bin/devops" up -d --wait -f "$STACK" -p "$db" >/dev/null 2>&1 && "$BASE/bin/devops" down -v -f "$STACK" -p "$db" >/dev/null 2>&1
fi
bin/devops down -v -f "$STACK" -p "$dv" >/dev/null 2>&1 || true
docker-compose -f "$STACK" -p "$dc" down -v >/dev/null 2>&1 || true
bin/devops up -d --wait -f "$STACK" -p "$dv" >/dev/null 2>&1 && bin/devops down -v -f "$STACK" -p "$dv" >/dev/null 2>&1
docker-compose -f "$STACK" -p "$dc" build -q >/dev/null 2>&1

declare -a D_UP D_UPNP D_NOOP D_DOWN D_PS D_SUM C_UP C_NOOP C_DOWN C_PS C_SUM B_UP B_DOWN B_SUM
load0=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 1; i <= ROUNDS; i++)); do
  t=$(now); bin/devops up -d --wait -f "$STACK" -p "$dv" >/dev/null 2>&1; D_UP+=("$(since "$t")")
  healthy3 "$dv" || { echo "bench: devops up --wait returned before the engine reported 3 healthy" >&2; exit 1; }
  t=$(now); bin/devops up -d --wait -f "$STACK" -p "$dv" >/dev/null 2>&1; D_NOOP+=("$(since "$t")")
  t=$(now); bin/devops ps -f "$STACK" -p "$dv" >/dev/null 2>&1; D_PS+=("$(since "$t")")
  t=$(now); bin/devops down -v -f "$STACK" -p "$dv" >/dev/null 2>&1; D_DOWN+=("$(since "$t")")
  D_SUM+=("$(awk -v a="${D_UP[-1]}" -v b="${D_DOWN[-1]}" 'BEGIN { printf "%.2f", a + b }')")
  t=$(now); bin/devops up -d --wait --no-health-probe -f "$STACK" -p "$dv" >/dev/null 2>&1; D_UPNP+=("$(since "$t")")
  bin/devops down -v -f "$STACK" -p "$dv" >/dev/null 2>&1

  if [ -n "$BASE" ]; then
    t=$(now); "$BASE/bin/devops" up -d --wait -f "$STACK" -p "$db" >/dev/null 2>&1; B_UP+=("$(since "$t")")
    t=$(now); "$BASE/bin/devops" down -v -f "$STACK" -p "$db" >/dev/null 2>&1; B_DOWN+=("$(since "$t")")
    B_SUM+=("$(awk -v a="${B_UP[-1]}" -v b="${B_DOWN[-1]}" 'BEGIN { printf "%.2f", a + b }')")
  fi

  t=$(now); docker-compose -f "$STACK" -p "$dc" up -d >/dev/null 2>&1
  until healthy3 "$dc"; do sleep 0.1; done; C_UP+=("$(since "$t")")
  t=$(now); docker-compose -f "$STACK" -p "$dc" up -d >/dev/null 2>&1
  until healthy3 "$dc"; do sleep 0.1; done; C_NOOP+=("$(since "$t")")
  t=$(now); docker-compose -f "$STACK" -p "$dc" ps >/dev/null 2>&1; C_PS+=("$(since "$t")")
  t=$(now); docker-compose -f "$STACK" -p "$dc" down -v >/dev/null 2>&1; C_DOWN+=("$(since "$t")")
  C_SUM+=("$(awk -v a="${C_UP[-1]}" -v b="${C_DOWN[-1]}" 'BEGIN { printf "%.2f", a + b }')")
  echo "round $i: devops up ${D_UP[-1]} s (--no-health-probe ${D_UPNP[-1]} s), no-op ${D_NOOP[-1]} s, ps ${D_PS[-1]} s, down ${D_DOWN[-1]} s | docker-compose up ${C_UP[-1]} s, no-op ${C_NOOP[-1]} s, ps ${C_PS[-1]} s, down ${C_DOWN[-1]} s${BASE:+ | baseline up ${B_UP[-1]} s, down ${B_DOWN[-1]} s} | load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
row() { # label devops-array compose-array
  local d c
  d=$(printf '%s\n' "${!2}" | median); c=$(printf '%s\n' "${!3}" | median)
  printf '| %s | %s s | %s s | %s |\n' "$1" "$d" "$c" "$(awk -v a="$d" -v b="$c" 'BEGIN { printf "%.2f", a / b }')"
}
mkdir -p target/bench
{
  echo "| median of $ROUNDS rounds, healthcheck interval ${BENCH_HEALTH_INTERVAL:-1s} | devops | docker-compose 1.29.2 | ratio |"
  echo "|---|---:|---:|---:|"
  row "up until 3 healthy" 'D_UP[@]' 'C_UP[@]'
  row "up until 3 healthy, devops --no-health-probe" 'D_UPNP[@]' 'C_UP[@]'
  row "second up, nothing changed (target <= 0.5 s)" 'D_NOOP[@]' 'C_NOOP[@]'
  row "down -v" 'D_DOWN[@]' 'C_DOWN[@]'
  row "up until 3 healthy + down -v (target <= 0.80)" 'D_SUM[@]' 'C_SUM[@]'
  row "ps of the running stack (target <= 0.4 s)" 'D_PS[@]' 'C_PS[@]'
  if [ -n "$BASE" ]; then
    row "baseline ($(git -C "$BASE" rev-parse --short HEAD 2>/dev/null || echo "$BASE")): up until 3 healthy" 'B_UP[@]' 'C_UP[@]'
    row "baseline: down -v" 'B_DOWN[@]' 'C_DOWN[@]'
    row "baseline: up until 3 healthy + down -v" 'B_SUM[@]' 'C_SUM[@]'
  fi
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at the start $load0, at the end $(cut -d' ' -f1-3 /proc/loadavg);" \
       "$(bin/devops --version 2>/dev/null | tail -1), ${JAVA_HOME:+JAVA_HOME=$JAVA_HOME, }$(docker-compose version --short 2>/dev/null || echo docker-compose)."
} | tee target/bench/up.md
