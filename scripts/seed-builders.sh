#!/usr/bin/env bash
# seed-builders.sh - bake what the example apps' multi-stage Dockerfiles download into the builder
# stand-ins, so that those Dockerfiles build UNMODIFIED with `--network none`.
# Dependencies are resolved on the HOST (it reaches Maven Central, npm and Debian apt); the builder
# images are configured offline so that a miss fails fast instead of hanging:
#   node:20-bookworm-slim  npm cache of every examples/*/package-lock.json (npm ci --ignore-scripts),
#                          npm_config_offline=true, cache owned by uid 1000 (USER node works)
#   maven:3.9-eclipse-temurin-17  ~/.m2/repository after dependency:go-offline AND a real `package`
#                          on a copy of every examples/*/pom.xml and of this project's pom.xml
#                          (a multi-module fixture: `package -DskipTests` on a copy of its tree)
#                          (the tool's own Dockerfile builds it); settings.xml says <offline>true
#   python:3.11-slim       Debian python3-pip, -flask, -psycopg2, -gunicorn; PIP_NO_INDEX=1;
#                          EXTERNALLY-MANAGED removed so `pip install -r requirements.txt` is satisfied
#   golang:1.22-bookworm   GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local (set by base-images.sh):
#                          stdlib-only or vendored modules
# Every seed starts from devops-unseeded/<tag> (made by base-images.sh), so re-seeding never stacks
# layers; the seeded image is labelled io.devops.seeded=true and io.devops.seed.hash=<inputs>, and
# the seed is skipped when the inputs (lockfiles, poms, package list, this script) are unchanged.
# Usage: seed-builders.sh [npm|maven|python|golang ...]   (default: all)   Env: FORCE=1, CACHE_DIR
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FORCE=${FORCE:-0}
PY_PKGS="python3-pip python3-flask python3-psycopg2 python3-gunicorn"
# the apps whose builder stages are seeded: the examples and the build-test fixtures
app_dirs() { local d; for d in "$ROOT"/examples/*/ "$ROOT"/src/test/resources/docker-fixtures/*/; do [ -d "$d" ] && echo "${d%/}"; done; return 0; }

# seed_hash BASE FILE... -> a hash of the scripts, the unseeded image and the input files
seed_hash() {
  local base=$1; shift
  { cat "$0" "$(dirname "$0")/lib/common.sh"; image_id "$base"; local f
    for f in "$@"; do echo "== ${f#"$ROOT"/}"; cat "$f"; done; } | sha256sum | cut -c1-16
}
# up_to_date TAG HASH: the seeded image exists with these inputs
up_to_date() { [ "$FORCE" != 1 ] && [ "$(image_label "$1" io.devops.seed.hash)" = "$2" ]; }
unseeded() { image_exists "devops-unseeded/$1" || die "devops-unseeded/$1 missing: run scripts/base-images.sh"; echo "devops-unseeded/$1"; }
retag() { # NEW_IMAGE TAG...: point the tags at NEW_IMAGE and drop the image they pointed at before
  local new=$1 old; shift; old=$(image_id "$1")
  tag_all "$new" "$@"
  if [ -n "$old" ] && [ "$old" != "$(image_id "$1")" ]; then docker rmi "$old" >/dev/null 2>&1 || true; fi
}
# bake BASE CTX HASH FOR TAG...: classic offline `docker build` of FROM BASE + CTX/Dockerfile.tail
bake() {
  local base=$1 ctx=$2 hash=$3 for=$4; shift 4
  { echo "FROM $base"; cat "$ctx/Dockerfile.tail"
    echo "LABEL io.devops.seeded=true io.devops.seed.hash=$hash io.devops.seeded.for=\"$for\""; } >"$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q --network none --force-rm -t "devops-seeded/$1" "$ctx" >"$ctx.log" 2>&1 ||
    { cat "$ctx.log" >&2; die "baking $1 failed"; }
  retag "devops-seeded/$1" "$@"
  log "seeded $* ($(docker image inspect -f '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1/1e6}'))"
}
new_ctx() { mkdir -p "$CACHE_DIR"; local c; c=$(mktemp -d "$CACHE_DIR/bake.XXXXXX"); at_exit "rm -rf '$c' '$c.log' '$c.mvn.log'"; echo "$c"; }

seed_npm() {
  local tags=(node:20-bookworm-slim node:20-slim node:18-bookworm-slim) base inputs=() d
  base=$(unseeded "${tags[0]}")
  while read -r d; do [ -f "$d/package.json" ] && inputs+=("$d/package.json") && [ -f "$d/package-lock.json" ] && inputs+=("$d/package-lock.json"); done < <(app_dirs)
  local hash; hash=$(seed_hash "$base" "${inputs[@]}")
  if up_to_date "${tags[0]}" "$hash"; then log "npm: ${tags[0]} is seeded for these lockfiles"; return 0; fi
  command -v npm >/dev/null || die "the host needs npm"
  local ctx; ctx=$(new_ctx); mkdir -p "$ctx/npm-cache"
  local cache="$CACHE_DIR/npm" apps=()
  while read -r d; do
    [ -f "$d/package.json" ] || continue
    local w="$ctx/app-${d##*/}"; mkdir -p "$w"; cp "$d/package.json" "$w/"; apps+=("${d##*/}")
    if [ -f "$d/package-lock.json" ]; then
      cp "$d/package-lock.json" "$w/"
      log "npm ci --ignore-scripts for ${d#"$ROOT"/} (dev dependencies too)"
      (cd "$w" && timeout 600 npm ci --cache "$cache" --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
    else   # npm install caches the packuments an offline `npm install` needs
      log "${d#"$ROOT"/} has no package-lock.json: npm install"
      (cd "$w" && timeout 600 npm install --cache "$cache" --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
    fi
    rm -rf "$w"
  done < <(app_dirs)
  [ -d "$cache" ] && cp -a "$cache/." "$ctx/npm-cache/"
  rm -rf "$ctx/npm-cache/_logs" "$ctx/npm-cache/_update-notifier-last-checked"; chmod -R a+rwX "$ctx/npm-cache"
  cat >"$ctx/Dockerfile.tail" <<'D'
COPY --chown=1000:1000 npm-cache /var/cache/npm-offline
ENV npm_config_cache=/var/cache/npm-offline npm_config_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
D
  bake "$base" "$ctx" "$hash" "npm: ${apps[*]:-none}" "${tags[@]}"
}

seed_maven() {
  local tags=(maven:3.9-eclipse-temurin-17 maven:3-eclipse-temurin-17) base poms=("$ROOT/pom.xml") d
  base=$(unseeded "${tags[0]}")
  local inputs=()
  while read -r d; do
    [ -f "$d/pom.xml" ] || continue
    poms+=("$d/pom.xml")
    if grep -q '<modules>' "$d/pom.xml"; then   # the modules' poms are inputs too
      while read -r m; do inputs+=("$m"); done < <(find "$d" -mindepth 2 -name pom.xml -not -path '*/target/*' | sort)
    fi
  done < <(app_dirs)
  local hash; hash=$(seed_hash "$base" "${poms[@]}" "${inputs[@]}")
  if up_to_date "${tags[0]}" "$hash"; then log "maven: ${tags[0]} is seeded for these poms"; return 0; fi
  command -v mvn >/dev/null || die "the host needs mvn"
  local hv iv
  hv=$(mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9.]*\).*/\1/p' | head -1)
  iv=$(docker run --rm --network none "$base" mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9.]*\).*/\1/p' | head -1)
  [ "$hv" = "$iv" ] || log "WARNING: host Maven $hv, image Maven $iv: default plugin versions may differ"
  local ctx; ctx=$(new_ctx)
  local repo="$CACHE_DIR/m2" p n=0 apps=()
  for p in "${poms[@]}"; do
    n=$((n + 1)); local w="$ctx/p$n" rel=${p#"$ROOT"/}; apps+=("${rel%/pom.xml}")
    if [ "$p" != "$ROOT/pom.xml" ] && grep -q '<modules>' "$p"; then
      # a multi-module build: its Dockerfile runs `mvn -DskipTests -pl MODULE -am package` on the whole
      # tree; go-offline cannot resolve reactor modules that are not built yet (MDEP-516), so the seed
      # is that package run itself, on a copy of the app (build output left out)
      mkdir -p "$w"; (cd "$(dirname "$p")" && tar --exclude=target --exclude=build -cf - .) | tar -xf - -C "$w"
      log "mvn -DskipTests package for the multi-module ${p#"$ROOT"/} (host, into $repo)"
      timeout 900 mvn -B -ntp -f "$w/pom.xml" -Dmaven.repo.local="$repo" -DskipTests package >"$ctx.mvn.log" 2>&1 ||
        { tail -40 "$ctx.mvn.log" >&2; die "mvn package failed for $p"; }
      rm -rf "$w"
      continue
    fi
    # a copy of the pom with a stub main class and test: `package` then loads every plugin and
    # its dependencies (compiler, surefire provider, jar, shade/repackage) that go-offline misses
    mkdir -p "$w/src/main/java/devopsseed" "$w/src/test/java/devopsseed"; cp "$p" "$w/pom.xml"
    echo 'package devopsseed; public class SeedMain { public static void main(String[] a) { } }' >"$w/src/main/java/devopsseed/SeedMain.java"
    echo 'package devopsseed; public class SeedTest { }' >"$w/src/test/java/devopsseed/SeedTest.java"
    log "mvn dependency:go-offline + package for ${p#"$ROOT"/} (host, into $repo)"
    local g; for g in dependency:go-offline package; do
      timeout 900 mvn -B -ntp -f "$w/pom.xml" -Dmaven.repo.local="$repo" "$g" >"$ctx.mvn.log" 2>&1 ||
        { tail -40 "$ctx.mvn.log" >&2; die "mvn $g failed for $p"; }
    done
    rm -rf "$w"
  done
  # offline-friendly: no failure markers; without _remote.repositories every artifact counts as
  # installed locally, so it also resolves for repository ids other than "central"
  find "$repo" \( -name '*.lastUpdated' -o -name _remote.repositories -o -name resolver-status.properties \) -delete
  cp -al "$repo" "$ctx/repository" 2>/dev/null || cp -a "$repo" "$ctx/repository"
  cat >"$ctx/settings.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<!-- seed-builders.sh: the local repository is pre-seeded; there is no network. -->
<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
  <localRepository>/root/.m2/repository</localRepository>
  <offline>true</offline>
  <interactiveMode>false</interactiveMode>
</settings>
X
  printf 'COPY settings.xml /etc/maven/settings.xml\nCOPY repository /root/.m2/repository\n' >"$ctx/Dockerfile.tail"
  bake "$base" "$ctx" "$hash" "maven: ${apps[*]}" "${tags[@]}"
}

seed_python() {   # PyPI is unreachable everywhere: only Debian-packaged libraries
  local tags=(python:3.11-slim python:3.11-slim-bookworm) base; base=$(unseeded "${tags[0]}")
  local hash; hash=$(echo "$PY_PKGS" | seed_hash "$base" /dev/stdin)
  if up_to_date "${tags[0]}" "$hash"; then log "python: ${tags[0]} is seeded with $PY_PKGS"; return 0; fi
  need_root "seeding python (Debian packages)"
  apt_image "$base" "devops-seeded/${tags[0]}" "$PY_PKGS" \
    'rm -f /usr/lib/python3*/EXTERNALLY-MANAGED; pip --version' "" -- \
    'ENV PIP_NO_INDEX=1' 'ENV PIP_DISABLE_PIP_VERSION_CHECK=1' 'ENV PIP_ROOT_USER_ACTION=ignore' \
    "LABEL io.devops.seeded=true io.devops.seed.hash=$hash io.devops.seeded.for=\"debian: $PY_PKGS\""
  retag "devops-seeded/${tags[0]}" "${tags[@]}"
}

check_golang() {
  local env; env=$(docker image inspect -f '{{join .Config.Env " "}}' golang:1.22-bookworm 2>/dev/null) ||
    die "golang:1.22-bookworm missing: run scripts/base-images.sh"
  local v; for v in GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local; do
    [[ " $env " == *" $v "* ]] || die "golang:1.22-bookworm lacks $v: rebuild it with FORCE=1 scripts/base-images.sh golang"
  done
  log "golang: golang:1.22-bookworm is offline-ready (GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local)"
}

need_engine
what=("$@"); [ ${#what[@]} -eq 0 ] && what=(npm maven python golang)
lock seed-builders
for w in "${what[@]}"; do
  t0=$SECONDS
  case "$w" in
    npm) seed_npm ;; maven) seed_maven ;; python) seed_python ;; golang|go) check_golang ;;
    *) die "unknown seed '$w' (npm maven python golang)" ;;
  esac
  if [ $((SECONDS - t0)) -gt 1 ]; then log "$w took $((SECONDS - t0))s"; fi
done
