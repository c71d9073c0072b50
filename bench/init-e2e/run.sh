#!/usr/bin/env bash
# bench/init-e2e/run.sh - issue 9 "End to end, for real": the README's flow on fresh clones of public
# repositories, offline. For each repo@commit of a TSV (default: repos.tsv beside this script):
#   1. clone    fresh clone of the fetch mirror (/work/.mirror/OWNER+NAME/repo) at the recorded commit
#   2. init     'devops init .' (nothing edited by hand)
#   3. offline  only where a base image that init chose does not exist on this offline machine (e.g.
#               postgres:17, node:24-bookworm-slim): its version in devops.yaml is set to the stand-in's
#               that does exist (postgres 15, node 20, java 17) and a plain 'devops render' re-renders
#               (this is the edit-render loop of issue 9 class 8, so it is part of what is measured)
#   4. build    the app's dependencies resolved on the HOST (Maven Central / npm are reachable from the
#               host only) into a private seeded builder image, then the generated Dockerfile built
#               unchanged with --network none except for the FROM of its builder stages, tagged as the
#               image 'devops up' builds (PROJECT-APP), so 'up' uses it
#   5. env      cp .env.example .env, every empty value the example marks secret filled with a
#               generated one (nothing else is edited)
#   6. up       'devops up -d --wait' with a unique project name
#   7. http     the TSV's path on the app's published port answers 2xx (after an optional POST of the
#               TSV's JSON to the same path; a path "POST /p" checks the POST's own answer), and contains the
#               TSV's expected string
#   8. down     'devops down -v', the images this run built removed
# Usage: run.sh [-f REPOS.tsv] [NAME_FILTER...]
#   REPOS.tsv columns (tab-separated, '#' comments): repo  commit  stack  path  expect  post_json  init_args
#   ('-' for an empty expect, post_json or init_args; '@GENERATED@' in post_json is a random value per run; init_args: e.g. --force where the repo's own Dockerfile
#   cannot build on this offline machine, so devops's replaces it). Mirrors must exist: fetch them first.
# Output: one row per repository on stdout (repo, commit, result, failing step, seconds, detail) and the
# logs of each step under $OUT (default /tmp/init-e2e.out/NAME/). Exit 0 when every repository passed.
# Env: DEVOPS (default bin/devops of this checkout), OUT, KEEP=1 (keep the clone and the stack up).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
devops=${DEVOPS:-$root/bin/devops}
tsv=$here/repos.tsv
if [ "${1:-}" = -f ]; then tsv=$2; shift 2; fi
OUT=${OUT:-/tmp/init-e2e.out}
mkdir -p "$OUT"
# the stand-in version each offline base image family falls back to (what scripts/base-images.sh makes)
declare -A OFFLINE_RUNTIME=([node]=20 [java]=17)

local_tag() { # NAME: the first local tag of image NAME that starts with a digit ("" if none)
  docker images "$1" --format '{{.Tag}}' | grep -E '^[0-9.]+$' | sort -V | tail -1
}
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# offline_versions DIR LOG: point devops.yaml at images that exist here; prints the substitutions
offline_versions() {
  local dir=$1 log=$2 subs="" img name tag new lang
  # services: image: NAME:TAG lines of the generated compose file
  while read -r img; do
    have_image "$img" && continue
    name=${img%%:*}; tag=${img#*:}; new=$(local_tag "$name")
    [ -n "$new" ] || { subs+="$img(absent) "; continue; }
    # the service's version line in devops.yaml (services: section, 'version: "TAG"')
    awk -v old="$tag" -v new="$new" '/^services:/{s=1} /^[a-z]/&&!/^services:/{s=0}
      s && $1=="version:" && ($2=="\"" old "\"" || $2==old) {sub(/version: .*/, "version: \"" new "\"")} {print}' \
      "$dir/devops.yaml" >"$dir/devops.yaml.tmp" && mv "$dir/devops.yaml.tmp" "$dir/devops.yaml"
    subs+="$img->$name:$new "
  done < <(sed -n 's/^    image: "\{0,1\}\([^" ]*\)"\{0,1\}$/\1/p' "$dir/docker-compose.yml" 2>/dev/null | sort -u)
  # the app's runtime: FROM lines of the generated Dockerfile(s)
  while read -r img; do
    have_image "$img" && continue
    lang=$(awk '$1=="language:"{print $2; exit}' "$dir/devops.yaml")
    new=${OFFLINE_RUNTIME[$lang]:-}
    [ -n "$new" ] || { subs+="$img(absent) "; continue; }
    sed -i -E "/^    runtime:/,/^    [a-z]/ s/^      version: .*/      version: \"$new\"/" "$dir/devops.yaml"
    subs+="$img->$lang $new "
  done < <(grep -h '^FROM ' "$dir"/Dockerfile 2>/dev/null | awk '{print $2}' | grep -v -- '--' | sort -u)
  if [ -n "$subs" ]; then
    (cd "$dir" && "$devops" render . >>"$log" 2>&1) || return 1
    grep -q '^skip ' "$log" && return 1
  fi
  echo "$subs"
}

# seed_and_build DIR IMAGE WORK LOG: build the generated Dockerfile offline with seeded dependencies
seed_and_build() {
  local dir=$1 image=$2 work=$3 log=$4 builder seed=init-e2e-seed/$2
  builder=$(sed -n 's/^FROM \([^ ]*\) AS [A-Za-z0-9_-]*$/\1/p' "$dir/Dockerfile" | head -1)
  [ -n "$builder" ] || { echo "no builder stage in the Dockerfile" >>"$log"; return 1; }
  mkdir -p "$work/ctx" "$work/src"
  (cd "$dir" && tar --exclude=./.git -cf - .) | tar -xf - -C "$work/src"
  case $builder in
    maven:*)
      (cd "$work/src" && for goal in dependency:go-offline "-DskipTests package"; do
         # shellcheck disable=SC2086
         mvn -B -ntp -q -Dmaven.repo.local="$work/ctx/repository" $goal >>"$log" 2>&1 || exit 1
       done) || return 1
      find "$work/ctx/repository" \( -name '*.lastUpdated' -o -name _remote.repositories -o -name resolver-status.properties \) -delete
      printf '%s\n' '<settings><localRepository>/root/.m2/repository</localRepository><offline>true</offline></settings>' >"$work/ctx/settings.xml"
      printf 'FROM %s\nCOPY repository /root/.m2/repository\nCOPY settings.xml /root/.m2/settings.xml\n' "$builder" >"$work/ctx/Dockerfile" ;;
    node:*)
      mkdir -p "$work/w"; cp "$work/src/package.json" "$work/w/"
      if [ -f "$work/src/package-lock.json" ]; then
        cp "$work/src/package-lock.json" "$work/w/"
        (cd "$work/w" && npm ci --ignore-scripts --no-audit --no-fund --cache "$work/ctx/cache" >>"$log" 2>&1) || return 1
      else
        # without a lockfile the image's 'npm install' resolves versions from cached packuments, which npm keys
        # by its own version: resolve with the builder's npm version (run on the host, which reaches npm)
        local v; v=$(docker run --rm --network none "$builder" npm -v 2>/dev/null | tail -1)
        (cd "$work/w" && npx -y "npm@${v:-latest}" install --ignore-scripts --no-audit --no-fund --cache "$work/ctx/cache" >>"$log" 2>&1) || return 1
      fi
      rm -rf "$work/ctx/cache/_logs"; chmod -R a+rwX "$work/ctx/cache"
      printf 'FROM %s\nCOPY --chown=1000:1000 cache /npm-cache\nENV npm_config_cache=/npm-cache npm_config_offline=true npm_config_update_notifier=false\n' "$builder" >"$work/ctx/Dockerfile" ;;
    *) echo "builder $builder is not seeded by this bench (Maven and npm only)" >>"$log"; return 1 ;;
  esac
  DOCKER_BUILDKIT=0 docker build -q --network none -t "$seed" "$work/ctx" >>"$log" 2>&1 || return 1
  sed -E "s|^FROM $builder AS ([A-Za-z0-9_-]+)\$|FROM $seed AS \\1|" "$dir/Dockerfile" >"$work/Dockerfile"
  DOCKER_BUILDKIT=0 docker build --network none -f "$work/Dockerfile" -t "$image" "$dir" >>"$log" 2>&1
}

# fill_env DIR: .env from .env.example, empty secrets generated (a '# secret' comment in the entry's block)
fill_env() {
  local dir=$1
  awk 'BEGIN{srand()} /^#/{c=c $0 "\n"; print; next}
       /^[A-Za-z_][A-Za-z0-9_]*=$/ && c ~ /secret/ { cmd="head -c 18 /dev/urandom | base64 | tr -d \"/+=\""; cmd | getline v; close(cmd); print $0 v; c=""; next }
       {c=""; print}' "$dir/.env.example" >"$dir/.env"
}

run_one() {
  local repo=$1 commit=$2 path=$3 expect=$4 post=$5 initargs=$6
  local name=${repo//\//+} short work dir log step=clone detail="" app port project subs rc t0
  short=$(echo "${repo#*/}" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-' | cut -c1-20 | sed 's/-*$//')
  project=e2e-$short; work=$(mktemp -d /tmp/init-e2e.XXXXXX); dir=$work/$name; log=$OUT/$name; t0=$(date +%s)
  rm -rf "$log"; mkdir -p "$log"
  finish() { # RESULT STEP DETAIL
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$repo" "$commit" "$1" "$2" "$(( $(date +%s) - t0 ))" "$3"
  }
  if ! git clone -q "/work/.mirror/$name/repo" "$dir" 2>"$log/clone.log" || ! git -C "$dir" checkout -q "$commit" 2>>"$log/clone.log"; then
    finish fail clone "mirror missing: fetch github:$repo"; rm -rf "$work"; return 1
  fi
  step=init
  # shellcheck disable=SC2086
  if ! (cd "$dir" && "$devops" init $initargs . >"$log/init.log" 2>&1); then finish fail init "$(tail -1 "$log/init.log")"; rm -rf "$work"; return 1; fi
  [ -f "$dir/devops.yaml" ] && [ -f "$dir/Dockerfile" ] && [ -f "$dir/docker-compose.yml" ] ||
    { finish fail init "init wrote no Dockerfile/compose file"; rm -rf "$work"; return 1; }
  app=$(awk '/^apps:/{a=1;next} a&&/^  [A-Za-z0-9_.-]+:/{sub(/:.*/,"");sub(/^  /,"");print;exit}' "$dir/devops.yaml")
  port=$(awk '/^apps:/{a=1;next} /^[a-z]/{a=0} a&&$1=="port:"{print $2;exit}' "$dir/devops.yaml")
  step=offline
  subs=$(offline_versions "$dir" "$log/render.log") || { finish fail render "$(grep -m1 '^skip\|rror' "$log/render.log")"; rm -rf "$work"; return 1; }
  [ -z "$subs" ] || detail="offline: $subs"
  step=build
  if ! seed_and_build "$dir" "$project-$app" "$work" "$log/build.log"; then
    finish fail build "${detail:+$detail; }$(grep -m1 -E 'ERR|ERROR|error|returned a non-zero' "$log/build.log" | cut -c1-160)"
    docker rmi "init-e2e-seed/$project-$app" >/dev/null 2>&1; rm -rf "$work"; return 1
  fi
  fill_env "$dir"
  if ss -ltn | awk '{print $4}' | grep -q ":$port\$"; then
    finish fail up "port $port is in use on this host"; docker rmi "$project-$app" "init-e2e-seed/$project-$app" >/dev/null 2>&1; rm -rf "$work"; return 1
  fi
  step=up; rc=0
  (cd "$dir" && "$devops" up -d --wait --wait-timeout 300 -p "$project" >"$log/up.log" 2>&1) || rc=$?
  if [ "$rc" = 0 ]; then
    step=http; local method=GET code="" i
    if [[ $path == "POST "* ]]; then method=POST; path=${path#POST }; fi
    local url="http://127.0.0.1:$port$path"
    for i in $(seq 1 20); do
      if [ "$method" = POST ]; then   # the POST's own answer is what is checked
        code=$(curl -s -m 10 -o "$log/http.body" -w '%{http_code}' -H 'Content-Type: application/json' -d "$post" "$url")
      else
        if [ -n "$post" ]; then curl -s -m 10 -o "$log/post.body" -H 'Content-Type: application/json' -d "$post" "$url" >/dev/null; fi
        code=$(curl -s -m 10 -o "$log/http.body" -w '%{http_code}' "$url")
      fi
      [[ $code == 2* ]] && break; sleep 3
    done
    if [[ $code == 2* ]] && { [ -z "$expect" ] || grep -qF -- "$expect" "$log/http.body"; }; then
      step=ok
    else
      detail="${detail:+$detail; }$method $path: HTTP $code $(head -c 120 "$log/http.body" 2>/dev/null | tr '\n\t' '  ')"
    fi
  else
    detail="${detail:+$detail; }up exit $rc: $(grep -m1 '^devops:' "$log/up.log" | cut -c1-200)"
  fi
  (cd "$dir" && timeout 30 "$devops" logs -n 200 --no-color -p "$project" >"$log/logs.log" 2>&1 </dev/null)
  if [ "${KEEP:-0}" != 1 ]; then
    (cd "$dir" && "$devops" down -v -p "$project" >"$log/down.log" 2>&1)
    docker rmi "$project-$app" "init-e2e-seed/$project-$app" >/dev/null 2>&1
    rm -rf "$work"
  else
    detail="${detail:+$detail; }kept: $dir"
  fi
  if [ "$step" = ok ]; then finish pass - "${detail:--}"; else finish fail "$step" "$detail"; return 1; fi
}

printf 'repo\tcommit\tresult\tfailed_step\tseconds\tdetail\n'
status=0
while IFS=$'\t' read -r repo commit stack path expect post initargs; do
  [[ -z $repo || $repo == \#* || $repo == repo ]] && continue
  if [ $# -gt 0 ]; then m=0; for f in "$@"; do [[ $repo == *"$f"* ]] && m=1; done; [ $m = 1 ] || continue; fi
  [ "$expect" = - ] && expect=""; [ "${post:--}" = - ] && post=""; [ "${initargs:--}" = - ] && initargs=""
  # a value the app requires in the POST (a new user's password) is generated per run: '@GENERATED@' in post_json
  post=${post//@GENERATED@/$(head -c 12 /dev/urandom | base64 | tr -d '/+=')}
  run_one "$repo" "$commit" "$path" "$expect" "$post" "$initargs" || status=1
done <"$tsv"
exit $status
