#!/usr/bin/env bash
# bench/up-timeline.sh - one `up --wait` + `down -v` of bench/stack on a timeline: what each tool printed (with
# the time it printed it) beside what the engine did (`docker events --since`: container create/start/
# health_status/kill/die/stop/destroy, network and volume create/destroy), in milliseconds since the command began.
# Shows where a tool waits when the engine is idle (a poll period after a health_status event, a dependency stopped
# only after its dependant was removed, ...). devops runs with --verbose (its lines carry their own seconds too).
# Usage: bench/up-timeline.sh devops|compose [PROJECT]   (the app image is built first, not timed)
set -euo pipefail
cd "$(dirname "$0")/.."
STACK=bench/stack/docker-compose.yml
tool=${1:?usage: bench/up-timeline.sh devops|compose [PROJECT]}
p=${2:-timeline-$tool}
case $tool in
  devops) up() { bin/devops --verbose up -d --wait -f "$STACK" -p "$p"; }
          down() { bin/devops --verbose down -v -f "$STACK" -p "$p"; }
          bin/devops up -d --wait -f "$STACK" -p "$p" >/dev/null 2>&1; bin/devops down -v -f "$STACK" -p "$p" >/dev/null 2>&1 ;;
  compose) up() {
             docker-compose -f "$STACK" -p "$p" up -d
             until [ "$(docker ps --filter "label=com.docker.compose.project=$p" --filter health=healthy -q | wc -l)" -eq 3 ]; do
               sleep 0.1
             done
             echo "all 3 healthy (polled like bench/up.sh)"
           }
           down() { docker-compose -f "$STACK" -p "$p" down -v; }
           docker-compose -f "$STACK" -p "$p" build -q >/dev/null 2>&1 ;;
  *) echo "bench: tool is devops or compose" >&2; exit 2 ;;
esac
stamp() { perl -MTime::HiRes=time -ne 'BEGIN { $| = 1 } printf "%.3f %s", time, $_'; }
out=$(mktemp); trap 'rm -f "$out"' EXIT
t0=$(date +%s.%N)
up 2>&1 | stamp | sed 's/^/up   /' >>"$out"
t1=$(date +%s.%N)
down 2>&1 | stamp | sed 's/^/down /' >>"$out"
t2=$(date +%s.%N)
fmt='{{.TimeNano}} engine {{.Type}} {{.Action}} {{if .Actor.Attributes.name}}{{.Actor.Attributes.name}}{{else}}{{.Actor.ID}}{{end}}'
{
  docker events --since "$t0" --until "$t2" --filter "label=com.docker.compose.project=$p" --format "$fmt" \
    | grep -v ' exec_'
  docker events --since "$t0" --until "$t2" --filter type=network --filter type=volume --format "$fmt" | grep -F "$p"
} | awk '{ $1 = sprintf("%.3f", $1 / 1e9); print }' >>"$out"
awk '{ if ($1 == "up" || $1 == "down") { t = $2; $2 = ""; $1 = "  " $1 } else { t = $1; $1 = "" } printf "%s\n", t " " $0 }' "$out" \
  | sort -n -k1,1 -s | awk -v t0="$t0" '{ ms = ($1 - t0) * 1000; $1 = ""; printf "%7.0f %s\n", ms, $0 }'
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "up --wait %.2f s, down -v %.2f s (%s)\n", b - a, c - b, "'"$tool"'" }'
