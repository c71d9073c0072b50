# shellcheck shell=bash
# Shared by the scripts in scripts/: logging, root/engine checks, apt helpers, and
# "install Debian packages into an image without giving any container a network".
# Source it; it defines functions and the variables below, and changes nothing by itself.
#   CACHE_DIR  downloads kept between runs (default /var/cache/devops-test-images)
#   MIRROR / SECURITY_MIRROR  Debian mirrors (default: the host apt configuration's, else deb.debian.org)

CACHE_DIR=${CACHE_DIR:-/var/cache/devops-test-images}
export DEBIAN_FRONTEND=noninteractive

_AT_EXIT=()
at_exit() { _AT_EXIT+=("$1"); }   # run a cleanup command when the script exits
_run_at_exit() { local c; for c in "${_AT_EXIT[@]}"; do eval "$c" || true; done; }
trap _run_at_exit EXIT

log() { printf '[%s %(%H:%M:%S)T] %s\n' "${0##*/}" -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
need_root() { [ "$(id -u)" = 0 ] || die "${1:-this step} needs root (run as root, or sudo)"; }
engine_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }
need_engine() { engine_answers || die "no Docker engine answers: run scripts/docker-engine.sh first"; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
image_label() { docker image inspect -f "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }
image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }
tag_all() { local src=$1 t; shift; for t in "$@"; do docker tag "$src" "$t"; done; }
# lock NAME: serialize concurrent callers on /run/devops-NAME.lock (fd 9, released at exit)
lock() { exec 9>"/run/devops-$1.lock"; flock -w 1800 9 || die "timed out waiting for /run/devops-$1.lock"; }

# ---- host apt ------------------------------------------------------------------------------
_apt_updated=0
apt_update_once() {
  [ "$_apt_updated" = 1 ] && return 0
  log "apt-get update"
  apt-get update -qq || log "warning: apt-get update failed; using the existing package lists"
  _apt_updated=1
}
# apt_install_missing CMD=PKG...: installs each PKG whose command CMD is missing (one apt run).
# A policy-rc.d keeps package init scripts (dockerd's) from starting services.
apt_install_missing() {
  local want=() p
  for p in "$@"; do command -v "${p%%=*}" >/dev/null 2>&1 || want+=("${p#*=}"); done
  [ ${#want[@]} -eq 0 ] && return 0
  need_root "installing ${want[*]}"
  apt_update_once
  log "apt-get install ${want[*]}"
  local policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy=1
  fi
  local rc=0
  apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${want[@]}" >/dev/null || rc=$?
  [ "$policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || die "apt-get install ${want[*]} failed"
}

# ---- private apt for image contents (the host's sources and lists are never touched) -------
host_mirror() { # SUITE -> the first URI the host apt configuration uses for it
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$1" 'BEGIN{RS="";FS="\n"}
    { u=""; ok=0; for (i=1;i<=NF;i++) { if ($i ~ /^URIs:/) { split($i,a," "); u=a[2] }
        if ($i ~ /^Suites:/) { n=split($i,b," "); for (j=2;j<=n;j++) if (b[j]==s) ok=1 } }
      if (ok && u != "") { print u; exit } }'
  awk -v s="$1" '$1=="deb" { i=2; if ($2 ~ /^\[/) { while (i<NF && $i !~ /\]$/) i++; i++ }
    if ($(i+1)==s) { print $i; exit } }' /etc/apt/sources.list 2>/dev/null || true
}
MIRROR=${MIRROR:-$(host_mirror bookworm | head -1)}; MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-$(host_mirror bookworm-security | head -1)}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
APT_DIR="$CACHE_DIR/apt"
APT_OPTS=(-o "Dir::Etc::sourcelist=$APT_DIR/sources.list" -o Dir::Etc::sourceparts=-
          -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache::archives=$APT_DIR/debs"
          -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o Debug::NoLocking=1
          -o APT::Install-Recommends=false -o APT::Install-Suggests=false
          -o APT::Get::Assume-Yes=true -o Dpkg::Use-Pty=0)
_private_updated=0
private_apt_update() { # bookworm + updates + security + backports (backports only when targeted)
  [ "$_private_updated" = 1 ] && return 0
  mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/debs/partial"
  local k=/usr/share/keyrings/debian-archive-keyring.gpg
  printf 'deb [signed-by=%s] %s %s main\n' "$k" "$MIRROR" bookworm "$k" "$MIRROR" bookworm-updates \
    "$k" "$SECURITY_MIRROR" bookworm-security "$k" "$MIRROR" bookworm-backports >"$APT_DIR/sources.list"
  log "apt-get update (private lists in $APT_DIR)"
  apt-get "${APT_OPTS[@]}" update -qq || log "warning: apt-get update failed; using the cached lists"
  _private_updated=1
}

# apt_image PARENT TAG "PKGS" "SETUP" [FILES_DIR] -- CHANGE...
#   Host apt resolves PKGS against PARENT's dpkg status and downloads the .debs; a container from
#   PARENT with --network none installs them, copies FILES_DIR over /, runs SETUP (sh -e), and is
#   committed as TAG with the Dockerfile CHANGEs (STOPSIGNAL is added by a metadata-only build,
#   since `docker commit` on engine 20.10 refuses it). APT_TARGET=bookworm-backports picks backports.
apt_image() {
  local parent=$1 tag=$2 pkgs=$3 setup=$4 files=${5:-}; shift 5; [ "${1:-}" = -- ] && shift
  image_exists "$parent" || die "$parent (parent of $tag) is missing"
  local t0=$SECONDS work; work=$(mktemp -d /var/tmp/devops-image.XXXXXX)
  local cname="devops-image-build-$$" status="$work/status" sim
  at_exit "docker rm -f $cname >/dev/null 2>&1; rm -rf '$work'"
  docker run --rm --network none --entrypoint cat "$parent" /var/lib/dpkg/status >"$status"
  private_apt_update
  local o=("${APT_OPTS[@]}" -o "Dir::State::status=$status") t=()
  [ -n "${APT_TARGET:-}" ] && t=(-t "$APT_TARGET")
  # shellcheck disable=SC2086  # PKGS is a word list
  sim=$(apt-get "${o[@]}" "${t[@]}" -s install $pkgs) || { printf '%s\n' "$sim" >&2; die "apt cannot resolve $pkgs"; }
  # shellcheck disable=SC2086
  timeout 900 apt-get "${o[@]}" "${t[@]}" -qq --download-only install $pkgs >/dev/null || die "download of $pkgs failed"
  mkdir -p "$work/s/debs" "$work/s/files"
  # "Inst NAME [OLD] (VERSION RELEASE [ARCH]) ..." -> NAME_VERSION_ARCH.deb (':' is %3a on disk)
  awk -v d="$APT_DIR/debs" '/^Inst /{ v=""; a=""
      for (i=3;i<=NF;i++) { if (v=="" && $i ~ /^\(/) v=substr($i,2); if ($i ~ /^\[[a-z0-9]+\]\)$/) { a=$i; gsub(/[\[\])]/,"",a) } }
      gsub(/:/,"%3a",v); print d "/" $2 "_" v "_" a ".deb" }' <<<"$sim" |
    while read -r f; do [ -f "$f" ] || die "expected $f after the download"; ln "$f" "$work/s/debs/" 2>/dev/null || cp "$f" "$work/s/debs/"; done
  [ -n "$files" ] && cp -a "$files/." "$work/s/files/"
  printf '%s\n' "$setup" >"$work/s/setup.sh"
  cat >"$work/s/run.sh" <<'SH'
set -eu
export DEBIAN_FRONTEND=noninteractive
S=/tmp/.devops-image
printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
mkdir -p /usr/share/man/man1
if ls $S/debs/*.deb >/dev/null 2>&1; then
  apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io $S/debs/*.deb >/tmp/.apt.log 2>&1 || { cat /tmp/.apt.log; exit 1; }
fi
cp -a $S/files/. /
sh -e $S/setup.sh
rm -rf /usr/sbin/policy-rc.d /tmp/.apt.log /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/apt/archives/*.deb \
  /var/log/apt/* /var/log/dpkg.log /var/cache/debconf/*-old /var/lib/dpkg/*-old /usr/share/doc/*/changelog* /root/.cache $S
find /usr/share/man -mindepth 1 -delete 2>/dev/null || true
SH
  docker rm -f "$cname" >/dev/null 2>&1 || true
  docker create --name "$cname" --network none "$parent" /bin/sh /tmp/.devops-image/run.sh >/dev/null
  tar -C "$work" --transform 's,^s,.devops-image,' -cf - s | docker cp - "$cname:/tmp/"
  log "installing $(find "$work/s/debs" -name '*.deb' | wc -l) .debs ($pkgs) into $tag, offline"
  docker start -a "$cname" >&2 || die "setup of $tag failed"
  # the container ran our script: give the image its parent's CMD back (a CHANGE may override it)
  local cmd; cmd=$(docker image inspect -f '{{json .Config.Cmd}}' "$parent")
  local ch=() late=() c; [ "$cmd" != null ] && ch=(--change "CMD $cmd")
  for c in "$@"; do case "$c" in STOPSIGNAL*) late+=("$c") ;; *) ch+=(--change "$c") ;; esac; done
  local target=$tag; [ ${#late[@]} -gt 0 ] && target="$cname:tmp"
  docker commit -m "devops stand-in $tag: Debian packages $pkgs" "${ch[@]}" "$cname" "$target" >/dev/null
  if [ ${#late[@]} -gt 0 ]; then
    { echo "FROM $target"; printf '%s\n' "${late[@]}"; } | DOCKER_BUILDKIT=0 docker build -q --network none -t "$tag" - >/dev/null
    docker rmi "$target" >/dev/null
  fi
  docker rm -f "$cname" >/dev/null; rm -rf "$work"
  log "built $tag in $((SECONDS - t0))s ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
}
