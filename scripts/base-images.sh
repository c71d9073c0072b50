#!/usr/bin/env bash
# base-images.sh - build offline STAND-IN images under the real tags that compose files and the
# Dockerfiles devops generates name (no registry is reachable here, so `docker pull` cannot work).
# Everything comes from Debian bookworm packages downloaded by the HOST; build containers run with
# --network none. Every image is labelled io.devops.standin=true, io.devops.standin.imitates=<tag>,
# io.devops.standin.actual=<what it really is>. The images are not the official ones: node is
# Debian's Node 18, maven is Debian's 3.8.7, redis 7.0, temurin is Debian's OpenJDK 17.
#
# Usage: base-images.sh [NAME...]   names: debian temurin node python postgres redis maven golang
#                                  (default: all). Existing tags are kept unless FORCE=1.
# Env: FORCE=1 rebuild the named images in place; CACHE_DIR (/var/cache/devops-test-images); MIRROR
# The images that seed-builders.sh seeds (node, python, maven) are also tagged devops-unseeded/<tag>
# so that seeding always starts again from the plain stand-in.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
FORCE=${FORCE:-0}
ALL=(debian temurin node python postgres redis maven golang)
ROOTFS="$CACHE_DIR/bookworm-minbase-slim.tar"
NS=io.devops.standin
DEFAULT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

main_tag() {
  case "$1" in
    debian) echo debian:bookworm-slim ;; temurin) echo eclipse-temurin:17-jre ;;
    node) echo node:20-bookworm-slim ;; python) echo python:3.11-slim ;; postgres) echo postgres:15 ;;
    redis) echo redis:7 ;; maven) echo maven:3.9-eclipse-temurin-17 ;; golang) echo golang:1.22-bookworm ;;
    *) die "unknown image '$1' (known: ${ALL[*]})" ;;
  esac
}
seedable() { case "$1" in node|python|maven) return 0 ;; *) return 1 ;; esac; }
# present NAME: the stand-in (or its unseeded copy) exists and FORCE is off -> nothing to build
present() {
  local tag; tag=$(main_tag "$1")
  [ "$FORCE" = 1 ] && return 1
  if seedable "$1"; then
    if image_exists "devops-unseeded/$tag"; then image_exists "$tag" || docker tag "devops-unseeded/$tag" "$tag"; return 0; fi
    # tag exists and is not seeded: remember it as the unseeded copy
    if image_exists "$tag" && [ "$(image_label "$tag" io.devops.seeded)" != true ]; then
      docker tag "$tag" "devops-unseeded/$tag"; return 0
    fi
    return 1
  fi
  image_exists "$tag"
}

rootfs() { # debootstrap minbase, trimmed like the official slim image, cached as a tarball
  [ -s "$ROOTFS" ] && return 0
  apt_install_missing debootstrap=debootstrap
  local w; w=$(mktemp -d /var/tmp/devops-rootfs.XXXXXX); at_exit "rm -rf '$w'"
  local r="$w/root"
  log "debootstrap --variant=minbase bookworm ($MIRROR)"
  mkdir -p "$CACHE_DIR/debootstrap"
  debootstrap --variant=minbase --cache-dir="$CACHE_DIR/debootstrap" bookworm "$r" "$MIRROR" >"$w/log" 2>&1 ||
    { tail -30 "$w/log" >&2; die "debootstrap failed"; }
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' 'path-exclude /usr/share/groff/*' \
    'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/locale/*' >"$r/etc/dpkg/dpkg.cfg.d/docker-slim"
  find "$r/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "${r:?}"/usr/share/{man,info,groff,lintian}/* "${r:?}"/usr/share/locale/*
  # like the official image: apt keeps no .debs or caches
  cat >"$r/etc/apt/apt.conf.d/docker-clean" <<'C'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
C
  echo 'Acquire::Languages "none";' >"$r/etc/apt/apt.conf.d/docker-no-languages"
  rm -f "$r/etc/apt/sources.list"
  printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$MIRROR" "$SECURITY_MIRROR" >"$r/etc/apt/sources.list.d/debian.sources"
  rm -rf "${r:?}"/var/cache/apt/*.bin "${r:?}"/var/cache/apt/archives/*.deb "${r:?}"/var/lib/apt/lists/* \
    "${r:?}"/tmp/* "${r:?}"/var/tmp/* "${r:?}"/dev/* "${r:?}"/proc/* "${r:?}"/sys/* "${r:?}"/debootstrap
  mkdir -p "$r/var/lib/apt/lists/partial"
  find "$r/var/log" -type f -delete
  : >"$r/etc/machine-id"; echo localhost >"$r/etc/hostname"
  tar --numeric-owner --xattrs -C "$r" -cf "$ROOTFS.tmp" . && mv "$ROOTFS.tmp" "$ROOTFS"
  log "rootfs cached in $ROOTFS ($(du -h "$ROOTFS" | cut -f1))"
}

# entrypoint scripts for node, postgres and redis (the commonly used subset of the official ones)
files() {
  local d="$FILES/$1/usr/local/bin"; mkdir -p "$d"
  case "$1" in
    node) cat >"$d/docker-entrypoint.sh" <<'S'
#!/bin/sh
set -e
# like the official image: a flag or a script file as first argument runs node
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then set -- node "$@"; fi
exec "$@"
S
    ;;
    redis) cat >"$d/docker-entrypoint.sh" <<'S'
#!/bin/sh
set -e
# Debian's redis-server keeps protected mode on; the official image compiles it off
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" = redis-server ]; then
  case " $* " in *protected-mode*) ;; *) set -- "$@" --protected-mode no ;; esac
  if [ "$(id -u)" = 0 ]; then
    find . \! -user redis -exec chown redis '{}' +
    exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
  fi
fi
exec "$@"
S
    ;;
    postgres) mkdir -p "$FILES/postgres/docker-entrypoint-initdb.d"; cat >"$d/docker-entrypoint.sh" <<'S'
#!/bin/bash
# Official postgres entrypoint subset: POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust),
# POSTGRES_USER, POSTGRES_DB, POSTGRES_INITDB_ARGS, PGDATA, /docker-entrypoint-initdb.d/*.sh|.sql|.sql.gz
set -Eeo pipefail
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
[ "${1:0:1}" = - ] && set -- postgres "$@"
if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  chown postgres:postgres /var/run/postgresql; chmod 2777 /var/run/postgresql; chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi
if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}; db=${POSTGRES_DB:-$user}; auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    echo >&2 "Error: Database is uninitialized and superuser password is not specified."
    echo >&2 "       Set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)."; exit 1
  fi
  pw=(); if [ -n "${POSTGRES_PASSWORD:-}" ]; then pwf=$(mktemp); printf '%s\n' "$POSTGRES_PASSWORD" >"$pwf"; pw=(--pwfile="$pwf"); fi
  # shellcheck disable=SC2086
  initdb --username="$user" "${pw[@]}" --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} -D "$PGDATA" >/dev/null
  rm -f "${pwf:-/nonexistent}"
  printf '\nhost all all all %s\n' "$auth" >>"$PGDATA/pg_hba.conf"
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start >/dev/null
  psql=(psql -v ON_ERROR_STOP=1 --username "$user" --no-password --no-psqlrc)
  [ "$db" != postgres ] && "${psql[@]}" --dbname postgres --set db="$db" <<<'CREATE DATABASE :"db" ;' >/dev/null
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "running $f"; . "$f" ;;
      *.sql) echo "running $f"; "${psql[@]}" --dbname "$db" -f "$f" ;;
      *.sql.gz) echo "running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$db" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "PostgreSQL init process complete; ready for start up."
fi
exec "$@"
S
    ;;
  esac
  chmod 755 "$d"/*.sh
  echo "$FILES/$1"
}

labels() { echo "LABEL $NS=true $NS.imitates=$1 $NS.actual=$2"; }

build() {
  local tag; tag=$(main_tag "$1")
  if present "$1"; then log "keep $tag (exists; FORCE=1 rebuilds it)"; return 0; fi
  local old; old=$(image_id "$tag")
  case "$1" in
    debian)
      rootfs
      log "docker import -> $tag"
      docker import --change 'CMD ["bash"]' --change "ENV PATH=$DEFAULT_PATH" \
        --change "$(labels debian:bookworm-slim debian-12-debootstrap-minbase-slim)" "$ROOTFS" "$tag" >/dev/null
      tag_all "$tag" debian:bookworm debian:12-slim debian:12 ;;
    temurin)
      apt_image debian:bookworm-slim "$tag" openjdk-17-jre-headless \
        'mkdir -p /opt/java && ln -sfn /usr/lib/jvm/java-17-openjdk-amd64 /opt/java/openjdk && java -version' "" -- \
        'ENV JAVA_HOME=/opt/java/openjdk' "ENV PATH=/opt/java/openjdk/bin:$DEFAULT_PATH" 'ENV LANG=C.UTF-8' \
        "$(labels "$tag" debian-openjdk-17-jre-headless)" 'CMD ["jshell"]' ;;
    node)
      apt_image debian:bookworm-slim "$tag" "nodejs npm" \
        'groupadd -g 1000 node && useradd -u 1000 -g node -s /bin/bash -m node; node --version' "$(files node)" -- \
        'ENV LANG=C.UTF-8' "$(labels "$tag" debian-nodejs-18-npm-9)" \
        'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["node"]'
      tag_all "$tag" node:20-slim node:18-bookworm-slim ;;   # honest alias: Debian ships Node 18
    python)
      apt_image debian:bookworm-slim "$tag" "python3 python-is-python3" 'python3 --version' "" -- \
        'ENV LANG=C.UTF-8' "$(labels "$tag" debian-python-3.11)" 'CMD ["python3"]'
      tag_all "$tag" python:3.11-slim-bookworm ;;
    postgres)
      apt_image debian:bookworm-slim "$tag" postgresql-15 \
        'pg_lsclusters -h | while read -r v c _; do pg_dropcluster --stop "$v" "$c"; done
         rm -rf /var/lib/postgresql/15 /etc/postgresql/15
         mkdir -p /var/lib/postgresql/data /var/run/postgresql
         chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql; chmod 2777 /var/run/postgresql' \
        "$(files postgres)" -- \
        "ENV PATH=/usr/lib/postgresql/15/bin:$DEFAULT_PATH" 'ENV PGDATA=/var/lib/postgresql/data' 'ENV LANG=C.UTF-8' \
        "$(labels "$tag" debian-postgresql-15)" 'VOLUME /var/lib/postgresql/data' 'EXPOSE 5432' \
        'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["postgres"]' 'STOPSIGNAL SIGINT'
      tag_all "$tag" postgres:15-bookworm ;;
    redis)
      apt_image debian:bookworm-slim "$tag" "redis-server redis-tools" \
        'mkdir -p /data && chown redis:redis /data; rm -rf /var/lib/redis/* /var/log/redis/*' "$(files redis)" -- \
        "$(labels "$tag" debian-redis-7.0)" 'VOLUME /data' 'WORKDIR /data' 'EXPOSE 6379' \
        'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["redis-server"]'
      tag_all "$tag" redis:7-bookworm ;;
    maven)   # JDK + Maven on top of the JRE stand-in (shares its layers)
      apt_image eclipse-temurin:17-jre "$tag" "maven openjdk-17-jdk-headless" 'mkdir -p /root/.m2 && mvn -v' "" -- \
        'ENV MAVEN_HOME=/usr/share/maven' 'ENV MAVEN_CONFIG=/root/.m2' \
        "$(labels "$tag" debian-maven-3.8.7-openjdk-17-jdk)" 'CMD ["mvn"]'
      tag_all "$tag" maven:3-eclipse-temurin-17 ;;
    golang)  # bookworm has Go 1.19; 1.22 comes from bookworm-backports. No module proxy reachable.
      APT_TARGET=bookworm-backports apt_image debian:bookworm-slim "$tag" "golang-1.22-go ca-certificates" \
        'mkdir -p /go/src /go/bin && chmod -R 777 /go && /usr/lib/go-1.22/bin/go version' "" -- \
        'ENV GOPATH=/go' 'ENV GOPROXY=off' 'ENV GOSUMDB=off' 'ENV GOFLAGS=-mod=mod' 'ENV GOTOOLCHAIN=local' \
        "ENV PATH=/go/bin:/usr/lib/go-1.22/bin:$DEFAULT_PATH" 'WORKDIR /go' \
        "$(labels "$tag" debian-backports-golang-1.22)" 'CMD ["bash"]'
      tag_all "$tag" golang:1.22 ;;
  esac
  if seedable "$1"; then docker tag "$tag" "devops-unseeded/$tag"; fi
  # FORCE: drop the replaced image when nothing tags or uses it any more
  if [ -n "$old" ] && [ "$old" != "$(image_id "$tag")" ]; then docker rmi "$old" >/dev/null 2>&1 || true; fi
}

names=("$@"); [ ${#names[@]} -eq 0 ] && names=("${ALL[@]}")
for n in "${names[@]}"; do main_tag "$n" >/dev/null; done
need_engine
todo=(); for n in "${names[@]}"; do present "$n" || todo+=("$n"); done
# every image builds on debian (and maven on temurin): build parents first when missing
if [ ${#todo[@]} -gt 0 ]; then
  need_root "building stand-in images"
  lock base-images
  FILES=$(mktemp -d /var/tmp/devops-files.XXXXXX); at_exit "rm -rf '$FILES'"
  image_exists debian:bookworm-slim || build debian
  for n in "${todo[@]}"; do
    [ "$n" = maven ] && ! image_exists eclipse-temurin:17-jre && build temurin
    present "$n" || build "$n"   # (debian may have been built just above)
  done
fi
for n in "${names[@]}"; do t=$(main_tag "$n"); image_exists "$t" || die "$t is missing after the build"; done
log "stand-in images ready: $(for n in "${names[@]}"; do printf '%s ' "$(main_tag "$n")"; done)"
