#!/usr/bin/env bash
# docker-engine.sh - make sure a Docker engine answers (Debian 12, root, no systemd needed).
# Installs docker.io (and docker-compose 1.29, the compatibility baseline) from apt when missing,
# without letting the package start a daemon; starts dockerd detached (setsid, log in $DOCKERD_LOG)
# when no engine answers; waits up to $DOCKER_WAIT_SECS; prints the engine version.
# Safe to run any number of times, also concurrently (flock).
# Env: DOCKER_WAIT_SECS (60), DOCKERD_LOG (/var/log/dockerd.log), DOCKERD_PIDFILE (/var/run/docker.pid),
#      DOCKERD_ARGS (extra dockerd flags; with DOCKER_HOST, e.g. a second engine on its own socket)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
WAIT=${DOCKER_WAIT_SECS:-60}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
PIDFILE=${DOCKERD_PIDFILE:-/var/run/docker.pid}

version() { docker version --format 'Docker engine {{.Server.Version}} (API {{.Server.APIVersion}}); client {{.Client.Version}}'; }
dockerd_pid() { # the pid of the dockerd that owns $PIDFILE, if it is alive
  local p; p=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [ -n "$p" ] && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = dockerd ] && echo "$p"
}
has_compose() { command -v docker-compose >/dev/null 2>&1; }

if engine_answers && has_compose; then version; exit 0; fi   # fast path: no lock, no apt
need_root "starting a Docker engine"
lock docker-engine
apt_install_missing dockerd=docker.io docker=docker.io docker-compose=docker-compose
if engine_answers; then version; exit 0; fi

if [ -z "$(ls -A /sys/fs/cgroup 2>/dev/null)" ]; then   # normally mounted; mount if not
  apt_install_missing cgroupfs-mount=cgroupfs-mount
  cgroupfs-mount || die "cgroupfs-mount failed"
fi
if pid=$(dockerd_pid); then
  log "dockerd (pid $pid) runs but does not answer yet; waiting"
else
  log "starting dockerd (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  # own session so it outlives us; 9>&- so it does not inherit (and hold) our lock
  # shellcheck disable=SC2086
  setsid nohup dockerd --pidfile "$PIDFILE" ${DOCKERD_ARGS:-} >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
fi
deadline=$((SECONDS + WAIT))
until engine_answers; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
    tail -n 30 "$DOCKERD_LOG" >&2 2>/dev/null || true
    die "the engine did not answer within ${WAIT}s, or dockerd exited (its log is above)"
  fi
  sleep 0.5
done
version
