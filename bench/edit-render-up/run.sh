#!/usr/bin/env bash
# bench/edit-render-up/run.sh - the README's flow on a real app, offline: after 'devops init' (and any
# devops.yaml edits followed by a plain 'devops render'), build the app with its dependencies seeded
# into a PRIVATE builder image, fill .env with generated secrets, 'devops up -d --wait', check HTTP, go down.
#
# Usage: run.sh DIR PROJECT URL [EXPECT]
#   DIR      the app's clone, with devops.yaml and the files devops rendered (one app, at the root)
#   PROJECT  a unique compose project name (-p)
#   URL      an address on the host that must answer 2xx (a page that reads the database)
#   EXPECT   optional: a string the answer must contain
# Env: POST_JSON  a JSON body POSTed to URL first (so the GET reads back a row written to the database)
# Exit: 0 up and answering; 3 'devops up --wait' failed (its message and the app's last log lines are
# printed); 1 the HTTP check failed.
#
# Seeding: like scripts/seed-builders.sh (dependencies resolved on the host, which reaches Maven Central
# and npm; builds run with --network none), but into render-seeded/* images that only this run uses:
# the shared builder tags (maven:3.9-eclipse-temurin-17, node:*-bookworm-slim) are left alone. The app's
# generated Dockerfile is built unchanged except for the FROM of its dependency stage, tagged as the image
# 'devops up' builds (PROJECT-APP), so 'up' uses it instead of building.
set -euo pipefail
dir=$(cd "$1" && pwd); project=$2; url=$3; expect=${4:-}
devops=$(cd "$(dirname "$0")/../.." && pwd)/bin/devops
work=$(mktemp -d /tmp/edit-render-up.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$dir"
app=$(awk '/^apps:/{a=1;next} a&&/^  [A-Za-z0-9_-]+:/{sub(/:.*/,"");sub(/^  /,"");print;exit}' devops.yaml)
[ -n "$app" ] || { echo "no app in $dir/devops.yaml" >&2; exit 2; }
"$devops" render --check . >/dev/null || { echo "the generated files drifted: run 'devops render' first" >&2; exit 2; }

builder=$(sed -n 's/^FROM \([^ ]*\) AS \(build\|deps\)$/\1/p' Dockerfile | head -1)
seed=render-seeded/$project-builder
if [ -f pom.xml ]; then
  mkdir -p "$work/src" "$work/ctx"; git archive HEAD | tar -xf - -C "$work/src" 2>/dev/null || cp -a . "$work/src"
  (cd "$work/src" && for g in dependency:go-offline "-DskipTests package"; do
     # shellcheck disable=SC2086
     mvn -B -ntp -q -Dmaven.repo.local="$work/ctx/repository" $g >"$work/mvn.log" 2>&1 || { tail -30 "$work/mvn.log"; exit 2; }
   done)
  find "$work/ctx/repository" \( -name '*.lastUpdated' -o -name _remote.repositories -o -name resolver-status.properties \) -delete
  printf '%s\n' '<settings><localRepository>/root/.m2/repository</localRepository><offline>true</offline></settings>' >"$work/ctx/settings.xml"
  printf 'FROM %s\nCOPY repository /root/.m2/repository\nCOPY settings.xml /root/.m2/settings.xml\n' "$builder" >"$work/ctx/Dockerfile"
elif [ -f package-lock.json ]; then
  mkdir -p "$work/w" "$work/ctx"; cp package.json package-lock.json "$work/w/"
  (cd "$work/w" && npm ci --ignore-scripts --no-audit --no-fund --cache "$work/ctx/cache" >"$work/npm.log" 2>&1) || { tail -30 "$work/npm.log"; exit 2; }
  printf 'FROM %s\nCOPY cache /npm-cache\nENV npm_config_cache=/npm-cache npm_config_offline=true\n' "$builder" >"$work/ctx/Dockerfile"
else
  echo "only Maven and npm (with package-lock.json) apps are seeded here" >&2; exit 2
fi
DOCKER_BUILDKIT=0 docker build -q --network none -t "$seed" "$work/ctx" >/dev/null 2>&1
sed "0,/^FROM $builder AS \(build\|deps\)\$/s||FROM $seed AS \1|" Dockerfile >"$work/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q --network none -f "$work/Dockerfile" -t "$project-$app" . >"$work/build.log" 2>&1 ||
  { tail -30 "$work/build.log"; exit 2; }

# .env as the README says: copy the example, fill every empty secret with a generated value
cp .env.example .env
while IFS= read -r key; do
  sed -i "s|^$key=\$|$key=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')|" .env
done < <(grep -B1 -E '^[A-Z0-9_]+=$' .env.example | grep -A1 '^# secret' | sed -n 's/^\([A-Z0-9_]*\)=$/\1/p')

rc=0
start=$(date +%s)
"$devops" up -d --wait --wait-timeout 240 -p "$project" >"$work/up.log" 2>&1 || rc=$?
echo "up --wait: exit $rc after $(( $(date +%s) - start )) s"
grep '^devops:' "$work/up.log" || true
if [ "$rc" = 0 ]; then
  if [ -n "${POST_JSON:-}" ]; then
    curl -fsS -m 10 -H 'Content-Type: application/json' -d "$POST_JSON" "$url" >/dev/null || rc=1
  fi
  body=$(curl -fsS -m 10 "$url") || rc=1
  [ -z "$expect" ] || [[ $body == *"$expect"* ]] || rc=1
  echo "GET $url: ${body:0:200}"
else
  tail -5 "$work/up.log"
fi
"$devops" down -v -p "$project" >/dev/null 2>&1 || true
docker rmi "$project-$app" "$seed" >/dev/null 2>&1 || true
exit "$rc"
