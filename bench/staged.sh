#!/usr/bin/env bash
# bench/staged.sh - `devops lint --staged` on a one-file change, as a pre-commit hook runs it: median
# wall time with process start (hyperfine), on a copy of examples/node-express in a fresh git
# repository (devops.yaml, Dockerfile, compose file, .env.example: every check has work) with one
# staged edit. Variants: every check (the hook's default), secrets only, the same through Debian's
# pre-commit with the project's .pre-commit-hooks.yaml, and `git diff --cached` (the floor).
# Prints a markdown table and writes it to target/bench/staged.md.
# Usage: bench/staged.sh [RUNS]   (default 20; 3 warm-up runs each). Needs hyperfine (apt-get install hyperfine).
# BASELINE=DIR: also time DIR's bin/devops (another checkout, e.g. `git archive main | tar -x -C DIR`) in the same
# run, so the two are compared under the same load.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
bin/devops --version >/dev/null   # builds the jar and the AppCDS archive when needed
root=$PWD
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
repo=$work/repo
cp -r examples/node-express "$repo"
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=bench -c user.email=bench@example.com add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m init
echo "// a staged edit" >>"$repo/src/server.js"
git -C "$repo" add src/server.js
mkdir -p "$work/hooks" && cp .pre-commit-hooks.yaml "$work/hooks/"
git -C "$work/hooks" init -q -b main && git -C "$work/hooks" add -A
git -C "$work/hooks" -c user.name=bench -c user.email=bench@example.com commit -q -m hooks
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: devops-lint\n' "$work/hooks" \
  "$(git -C "$work/hooks" rev-parse HEAD)" >"$work/pre-commit.yaml"
mkdir -p "$work/bin" && ln -s "$root/bin/devops" "$work/bin/devops"
export PATH=$work/bin:$PATH PRE_COMMIT_HOME=$work/pre-commit-home
cmds=("devops lint --staged" "devops lint --staged --only secrets" "devops lint src/server.js" "git diff --cached -U0")
if [ -n "${BASELINE:-}" ]; then
  "$BASELINE/bin/devops" --version >/dev/null
  mkdir -p "$work/base" && ln -s "$(cd "$BASELINE" && pwd)/bin/devops" "$work/base/devops"
  b=$work/base/devops
  cmds+=("$b lint --staged" "$b lint --staged --only secrets" "$b lint src/server.js")
fi
command -v pre-commit >/dev/null && cmds+=("pre-commit run devops-lint -c $work/pre-commit.yaml")
out=target/bench; mkdir -p "$out"
(cd "$repo" && hyperfine -N -i --style none --warmup 3 --runs "$RUNS" --export-csv "$root/$out/staged.csv" "${cmds[@]}" >/dev/null)
{
  echo "| one staged file ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) | median wall | user + sys |"
  echo "|---|---:|---:|"
  awk -F, -v w="$work/" 'NR > 1 { gsub(w, "", $1); printf "| `%s` | %.3f s | %.2f s |\n", $1, $4, $5 + $6 }' "$out/staged.csv"
} | tee "$out/staged.md"
