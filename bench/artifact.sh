#!/usr/bin/env bash
# bench/artifact.sh - time and size of `devops build` + `push` + `promote` for example apps, beside the
# hand-written CI equivalent (`docker build -t` + `docker push` of the same Dockerfile). Each flow
# pushes to its own fresh docker-registry on 127.0.0.1 (so neither finds the other's layers); the
# build cache is warmed once before either is timed; both build with no network (as the tests do). Prints a markdown table (docs/BENCHMARKS.md).
# Usage: bench/artifact.sh [EXAMPLE...]   (default: go-redis python-flask node-express)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker-registry >/dev/null || { echo "bench: docker-registry is missing (apt-get install docker-registry)" >&2; exit 2; }
examples=("$@"); [ ${#examples[@]} -gt 0 ] || examples=(go-redis python-flask node-express)
bin/devops --version >/dev/null   # builds the jar when needed
work=$(mktemp -d /tmp/devops-bench-artifact.XXXXXX)
cp target/devops.jar "$work/devops.jar"   # a copy: edits to the sources during the run change nothing
devops() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -jar "$work/devops.jar" "$@"; }
cleanup() { [ -f "$work/pids" ] && while read -r p; do kill "$p" 2>/dev/null || true; done <"$work/pids"; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
registry() { # DIR -> starts a registry storing in DIR, prints its host:port
  local port; port=$(free_port); mkdir -p "$1/data"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s/data\nhttp:\n  addr: 127.0.0.1:%s\n' "$1" "$port" >"$1/config.yml"
  docker-registry serve "$1/config.yml" >"$1/log" 2>&1 & echo $! >>"$work/pids"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
  echo "127.0.0.1:$port"
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "| example | image | plain build | plain push | devops build (gate incl.) | devops push | devops promote ×2 | pushed (plain / devops) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for ex in "${examples[@]}"; do
  src=examples/$ex; [ -d "$src" ] || { echo "bench: no $src" >&2; exit 2; }
  dir=$work/$ex; cp -r "$src" "$dir"
  (cd "$dir" && git init -q -b main && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm bench)
  # warm the build cache of both flows (the CLI's context tar and devops's differ in owner names, so each
  # has its own cache entries), from a second clone of the same commit
  git clone -q "$dir" "$dir-warm"
  docker build -q --network none -t "bench-warm-$ex" "$dir-warm" >/dev/null
  (cd "$dir-warm" && devops build --build-network none --no-check -p "bench-warm-$ex" >/dev/null 2>&1)
  r1=$(registry "$work/reg-plain-$ex"); r2=$(registry "$work/reg-devops-$ex")
  sha=$(git -C "$dir" rev-parse --short HEAD)
  t0=$(now); docker build -q --network none -t "$r1/plain/$ex:$sha" "$dir" >/dev/null; t1=$(now)
  docker push -q "$r1/plain/$ex:$sha" >/dev/null; t2=$(now)
  t3=$(now); (cd "$dir" && devops build --build-network none >/dev/null 2>"$work/$ex.build.err") || { cat "$work/$ex.build.err" >&2; exit 1; }; t4=$(now)
  (cd "$dir" && devops push --registry "$r2/bench" >/dev/null 2>&1); t5=$(now)
  (cd "$dir" && devops promote "$sha" --to staging --force --registry "$r2/bench" >/dev/null 2>&1 \
    && devops promote "$sha" --to production --force --registry "$r2/bench" >/dev/null 2>&1); t6=$(now)
  size=$(docker image inspect -f '{{.Size}}' "$r1/plain/$ex:$sha")
  d1=$(du -sb "$work/reg-plain-$ex/data" | cut -f1); d2=$(du -sb "$work/reg-devops-$ex/data" | cut -f1)
  echo "| $ex | $(mib "$size") MiB | $(secs "$t0" "$t1") s | $(secs "$t1" "$t2") s | $(secs "$t3" "$t4") s | $(secs "$t4" "$t5") s | $(secs "$t5" "$t6") s | $(mib "$d1") / $(mib "$d2") MiB |"
  docker rmi -f "bench-warm-$ex" "$r1/plain/$ex:$sha" >/dev/null 2>&1 || true
  # devops's tags: the warm-up's, the build's and the pushed ones (by name: other images are left alone)
  docker images --format '{{.Repository}}:{{.Tag}}' | grep -E "^(bench-warm-$ex-[^:]*:.*|[^/:]*:$sha|$r2/bench/.*)$" \
    | xargs -r docker rmi >/dev/null 2>&1 || true
done
