#!/usr/bin/env bash
# The whole test suite, also on a FRESH Debian 12 machine (as root): installs what it needs (Docker
# engine, docker-compose, debootstrap, docker-registry for the artifact tests), builds the offline stand-in images, seeds the builder images,
# then runs `mvn -B -ntp verify` (extra arguments are passed to Maven; CI=true makes the Docker
# tests mandatory). As a normal user it works when Docker is already usable and the images exist.
# Safe to run again: every step skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh
export CI=${CI:-}
T0=$SECONDS
phase() { # NAME CMD...: run one phase and report its duration
  local name=$1 t=$SECONDS; shift
  log "== $name"
  "$@"
  log "== $name: $((SECONDS - t))s"
  TIMES+=("$(printf '%-16s %4ss' "$name" $((SECONDS - t)))")
}
TIMES=()

if [ "$(id -u)" = 0 ]; then
  # one apt-get update, one install, for everything the later phases need
  phase "apt packages" apt_install_missing dockerd=docker.io docker=docker.io docker-compose=docker-compose debootstrap=debootstrap docker-registry=docker-registry pre-commit=pre-commit groff=groff-base
  phase "docker engine" scripts/docker-engine.sh
elif ! engine_answers; then
  die "no usable Docker engine for $(id -un): run scripts/test.sh as root once (it installs and starts one), or add yourself to the docker group"
fi
phase "base images" scripts/base-images.sh
phase "builder seeds" scripts/seed-builders.sh
phase "mvn verify" mvn -B -ntp verify "$@"
log "timings:"; printf '  %s\n' "${TIMES[@]}" >&2
log "total $((SECONDS - T0))s"
