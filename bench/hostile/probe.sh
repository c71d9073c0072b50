#!/usr/bin/env bash
# The hardening probe (issue 14): every command over hostile inputs of every class, as a CI gate, a pre-commit hook
# and a platform team with a remote engine would meet them. Results: docs/HARDENING.md.
#
# usage: bench/hostile/probe.sh [CLASS-REGEX]      (e.g. 'engine|kill'; default: every class)
#   DEVOPS   the command to probe (default: bin/devops of this tree, which builds the jar when needed)
#   WORK     where cases, outputs and results go (default: a new /tmp/devops-probe.XXXXXX, kept)
#   KILL_ROUNDS  kill -9 rounds per command (default 8)
# Needs: bash, git, python3, timeout, mkfifo, setpriv (unreadable files: runs those cases as nobody), root for
# mount (a 256 KiB tmpfs for the full disk, a read-only bind mount); a Docker engine for the mid-wait faults
# (skipped, and said so, without one). Containers use project names hostile-*, removed at the end.
#
# Every case checks, besides its expected exit code (124 = it hung and was killed):
#   - no JVM trace, "Exception" or "internal error" on either stream (no --verbose is ever given);
#   - exit 1 only where findings are expected; an input error (2) or engine fault (3) starts stderr with one
#     "devops: " line, matching the case's pattern (file:line, option, what to do) when it has one;
#   - no planted secret (built at run time, never literal in this file) in full in stdout, stderr or any file the
#     run wrote or changed;
#   - no .devops-tmp file left behind; the case's KEEP files byte-identical afterwards.
# Prints a table per class and writes $WORK/results.tsv (class, case, expected, got, verdict, reason).
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
DEVOPS=${DEVOPS:-$ROOT/bin/devops}
WORK=${WORK:-$(mktemp -d /tmp/devops-probe.XXXXXX)}
ONLY=${1:-}
KILL_ROUNDS=${KILL_ROUNDS:-8}
STUB=$ROOT/bench/hostile/stub-engine.py
RESULTS=$WORK/results.tsv
mkdir -p "$WORK/out" "$WORK/cases"
: >"$RESULTS"
N=0
"$DEVOPS" --version >/dev/null 2>&1 || { echo "probe: $DEVOPS does not run" >&2; exit 2; }
chmod 755 "$WORK"

# secret-shaped values, assembled here so that no literal secret sits in the repository
S_PW="Xq7$(printf '%s' zK9)wq2Lp8rT4vBn"
S_GH="ghp_$(printf '%s' aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2z)A4"
S_AWS="AKIA$(printf '%s' QW3E5R7T)9Y2U4I6O"
S_AWS_SECRET="wJalr$(printf '%s' XUtnFEMI)/K7MDENG/bPxRfiCYz9Q2rT5uW"
SECRETS=("$S_PW" "$S_GH" "$S_AWS" "$S_AWS_SECRET")

TRACE_RE=$'\tat |Exception|internal error|^Caused by|OutOfMemory|StackOverflow'

have_engine=0
docker info >/dev/null 2>&1 && have_engine=1

# ---------------------------------------------------------------------------------------------------------------
# the harness

# newcase NAME: a fresh directory $D for the next case, and cd into it
newcase() {
  D=$WORK/cases/$(printf '%03d' $((N + 1)))-${1//[^A-Za-z0-9]/-}
  rm -rf "$D"
  mkdir -p "$D"
  cd "$D" || exit 2
}

# gitinit [DIR]: a repository with one commit of what is there
gitinit() {
  (cd "${1:-.}" && git init -q -b main . && git config user.email p@example.invalid && git config user.name probe \
    && git add -A && git commit -q --allow-empty -m init)
}

snapshot() { # snapshot FILE: sha1 of every regular file under $D
  (cd "$D" && find . -type f ! -path './.git/*' -print0 2>/dev/null | sort -z | xargs -0 -r sha1sum 2>/dev/null) | sort >"$1"
}

record() { # record CLASS NAME EXPECT GOT VERDICT REASON
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >>"$RESULTS"
  if [ "$5" != pass ]; then
    printf '  FAIL %-10s %-60s exit %s (want %s): %s\n' "$1" "$2" "$4" "$3" "$6" >&2
  fi
}

# probe CLASS NAME EXPECT CMD...: runs CMD (devops arguments) in $D. EXPECT: exit codes, '|'-separated.
# Knobs (reset after each case): SAYS (ERE the first stderr line must match), T (timeout, s), IN (stdin file),
# KEEP (space-separated files that must stay byte-identical), AS (run as this uid), XENV (env assignments),
# NOSECRETCHECK (1: the case's output may hold nothing planted anyway), CHECK (a shell function run afterwards;
# it prints a reason and returns 1 to fail the case).
probe() {
  local class=$1 name=$2 expect=$3
  shift 3
  if [ -n "$ONLY" ] && ! [[ $class =~ $ONLY ]]; then reset_knobs; return; fi
  N=$((N + 1))
  local o=$WORK/out/$(printf '%03d' $N)
  mkdir -p "$o"
  printf '%s\n' "$class: $name" "cd $D" "devops $*" >"$o/cmd"
  snapshot "$o/before"
  local -a runner=()
  [ -n "${AS:-}" ] && runner=(setpriv --reuid="$AS" --regid="$AS" --clear-groups)
  local -a envs=()
  [ -n "${XENV:-}" ] && read -r -a envs <<<"$XENV"
  local t0 t1
  cd "$D" || return
  t0=$(date +%s%N)
  env ${envs[@]+"${envs[@]}"} ${runner[@]+"${runner[@]}"} /usr/bin/timeout -k 5 "${T:-60}" "$DEVOPS" "$@" \
    <"${IN:-/dev/null}" >"$o/stdout" 2>"$o/stderr"
  local rc=$?
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) ms" >"$o/time"
  snapshot "$o/after"
  local why=""
  if ! [[ "|$expect|" == *"|$rc|"* ]]; then
    why="exit $rc, want $expect"
    [ $rc = 124 ] && why="hung: killed after ${T:-60} s"
  fi
  if [[ " $* " != *" --verbose "* ]] && grep -qE "$TRACE_RE" "$o/stdout" "$o/stderr"; then
    why="${why:+$why; }a trace or internal error: $(grep -m1 -E "$TRACE_RE" "$o/stderr" "$o/stdout" | head -c 160)"
  fi
  if [ $rc = 2 ] || [ $rc = 3 ]; then
    # progress lines (init's "detected: ...") may come first; the error is the first "devops: " line
    local first
    first=$(grep '^devops: ' "$o/stderr" | grep -v '^devops: warning' | head -1)
    if [ -z "$first" ]; then
      why="${why:+$why; }no 'devops: ' error line on stderr: $(head -c 160 "$o/stderr")"
    elif [ -n "${SAYS:-}" ] && ! [[ $first =~ $SAYS ]]; then
      why="${why:+$why; }message <$first> does not match <$SAYS>"
    fi
  fi
  # secrets: stdout, stderr, and every file the run wrote or changed
  local changed
  changed=$(comm -13 "$o/before" "$o/after" | sed 's/^[0-9a-f]*  //')
  if [ -z "${NOSECRETCHECK:-}" ]; then
    local s f
    for s in "${SECRETS[@]}"; do
      if grep -qF -- "$s" "$o/stdout" "$o/stderr"; then
        why="${why:+$why; }printed a planted secret (${s:0:4}…)"
      fi
      while IFS= read -r f; do
        [ -n "$f" ] && grep -qF -- "$s" "$D/$f" 2>/dev/null \
          && ! grep -qF -- "$s" <(cd "$D" && git show "HEAD:${f#./}" 2>/dev/null) \
          && why="${why:+$why; }wrote a planted secret into $f"
      done <<<"$changed"
    done
  fi
  local tmp
  tmp=$(find "$D" -name '*.devops-tmp*' 2>/dev/null | head -3)
  [ -n "$tmp" ] && why="${why:+$why; }left temp files: $tmp"
  local k
  for k in ${KEEP:-}; do
    if ! grep -q "  ./$k\$" "$o/after" || [ "$(grep "  ./$k\$" "$o/before")" != "$(grep "  ./$k\$" "$o/after")" ]; then
      why="${why:+$why; }changed or removed $k"
    fi
  done
  if [ -n "${CHECK:-}" ]; then
    local c
    c=$(cd "$D" && RC=$rc OUTDIR=$o $CHECK 2>&1) || why="${why:+$why; }${c:-check failed}"
  fi
  if [ -z "$why" ]; then
    record "$class" "$name" "$expect" "$rc" pass ""
  else
    record "$class" "$name" "$expect" "$rc" FAIL "$why"
    echo "$why" >"$o/why"
  fi
  reset_knobs
  cd "$D" || exit 2
}
reset_knobs() { SAYS="" T="" IN="" KEEP="" AS="" XENV="" NOSECRETCHECK="" CHECK=""; }
reset_knobs

# ---------------------------------------------------------------------------------------------------------------
# fixtures

descriptor() { # a valid descriptor of an app with a secret-keyed env default
  cat <<EOF
name: shop
apps:
  web:
    runtime: {language: node, version: "20", buildTool: npm}
    port: 3000
    start: ["node", "server.js"]
    env:
      LOG_LEVEL: {description: "log level", default: "info"}
EOF
}
node_app() {
  printf '{"name":"shop","version":"1.0.0","scripts":{"start":"node server.js"},"dependencies":{"express":"4.18.2"}}\n' >package.json
  printf 'const e=require("express");const a=e();a.listen(process.env.PORT||3000);\n' >server.js
}
compose_ok() {
  printf 'services:\n  web:\n    image: debian:12-slim\n    command: ["sleep", "infinity"]\n    init: true\n'
}
alias_bomb() {
  printf 'x-a: &a ["l","l","l","l","l","l","l","l","l"]\n'
  local prev=a c i line
  for c in b c d e f g h i; do
    line="x-$c: &$c ["
    for i in 1 2 3 4 5 6 7 8 9; do line+="*$prev,"; done
    printf '%s]\n' "${line%,}"
    prev=$c
  done
  printf 'services:\n  web:\n    image: busybox\n    labels:\n      a: *i\n'
}
deep() { # deep PREFIX N: PREFIX then N nested flow sequences
  printf '%s' "$1"
  head -c "$2" /dev/zero | tr '\0' '['
  head -c "$2" /dev/zero | tr '\0' ']'
  echo
}
deep_block() { # N levels of block mappings
  local i
  for ((i = 0; i < $1; i++)); do printf '%*sk%d:\n' "$i" '' "$i"; done
  printf '%*sv: 1\n' "$1" ''
}

# The shapes of bad content, each applied to every reader below: NAME and a function writing it to $1.
content_kinds="latin1 nul bom crlf huge empty bomb deep deepblock tabs dupkey badtype multidoc scalar"
write_kind() { # write_kind KIND FILE VALID-TEXT
  local kind=$1 f=$2 valid=$3
  case $kind in
    latin1) printf '%s# caf\xe9 \xff\n' "$valid" >"$f" ;;
    nul) printf '%s\0\0\0binary\n' "$valid" >"$f" ;;
    bom) printf '\xef\xbb\xbf%s' "$valid" >"$f" ;;
    crlf) printf '%s' "$valid" | sed 's/$/\r/' >"$f" ;;
    huge) { printf '%s' "$valid"; head -c 20000000 /dev/zero | tr '\0' '#'; echo; } >"$f" ;;
    empty) : >"$f" ;;
    bomb) alias_bomb >"$f" ;;
    deep) deep 'x: ' 5000 >"$f" ;;
    deepblock) deep_block 3000 >"$f" ;;
    tabs) printf '%s' "$valid" | sed 's/^  /\t/' >"$f" ;;
    dupkey) { printf '%s' "$valid"; printf '%s' "$valid" | head -1; } >"$f" ;;
    badtype) printf 'name: [1, 2]\napps: 7\nservices: "x"\n' >"$f" ;;
    multidoc) { printf '%s---\n' "$valid"; printf '%s' "$valid"; } >"$f" ;;
    scalar) printf 'just a string\n' >"$f" ;;
  esac
}
# kinds a reader may accept (a BOM, CRLF, tabs in a value) must still exit 0/1, never crash
accepts() { case $1 in bom | crlf) return 0 ;; esac; return 1; }

# ---------------------------------------------------------------------------------------------------------------
# class: content (every reader x every shape of bad content)
section_content() {
  local kind want
  for kind in $content_kinds; do
    want=2
    accepts "$kind" && want="0|1"
    # devops.yaml through render, render --check, render --dry-run, lint (drift), check
    for cmd in "render ." "render --check ." "render --dry-run ." "lint ." "check ."; do
      newcase "desc-$kind-$cmd"
      node_app
      write_kind "$kind" devops.yaml "$(descriptor)"$'\n'
      local w=$want
      [[ $cmd == "lint ." && $want == 2 && $kind =~ ^(latin1|nul|huge|scalar|badtype|dupkey|multidoc|empty|tabs)$ ]] && w="0|1|2"
      [[ $cmd == "render --check ." || $cmd == "check ." ]] && [[ $w == "0|1" ]] && w="0|1|2"
      SAYS='devops\.yaml' KEEP="devops.yaml" T=30 probe content "devops.yaml $kind: $cmd" "$w" $cmd
    done
    # compose through ps/up/down (no engine is reached: errors come first) and lint
    for cmd in "ps" "up -d" "down" "logs" "lint ."; do
      newcase "compose-$kind-$cmd"
      write_kind "$kind" compose.yaml "$(compose_ok)"$'\n'
      w=$want
      [[ $cmd == "lint ." ]] && w="0|1|2"
      [[ $cmd != "lint ." ]] && XENV="DOCKER_HOST=unix://$WORK/no-engine.sock"
      [[ $cmd != "lint ." && $want != 2 ]] && w="0|3"
      local says='compose\.yaml' pflag="-p hostile-c"
      [[ $cmd == "lint ." ]] && pflag=""
      [[ $want != 2 ]] && says=""
      SAYS="$says" KEEP="compose.yaml" T=30 probe content "compose.yaml $kind: $cmd" "$w" $cmd $pflag
    done
  done
  # .env, .dockerignore, baseline: a few shapes each
  for kind in latin1 nul bom crlf huge empty; do
    newcase "dotenv-$kind"
    compose_ok >compose.yaml
    printf '    environment:\n      PW: ${PW}\n' >>compose.yaml
    write_kind "$kind" .env "PW=$S_PW"$'\n'
    XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" KEEP=".env" T=30 probe content ".env $kind: ps" "2|3" ps -p hostile-e
    newcase "dotenv-lint-$kind"
    compose_ok >compose.yaml
    write_kind "$kind" .env "PW=$S_PW"$'\n'
    gitinit
    KEEP=".env" T=30 probe content ".env $kind: lint --format json" "0|1" lint . --format json
    newcase "dockerignore-$kind"
    printf 'FROM debian:12-slim\nCOPY . .\n' >Dockerfile
    write_kind "$kind" .dockerignore ".env"$'\n'
    KEEP=".dockerignore" T=30 probe content ".dockerignore $kind: lint" "0|1" lint .
    newcase "baseline-$kind"
    printf 'PASSWORD=%s\n' "$S_PW" >app.env
    "$DEVOPS" lint . --write-baseline real.json >/dev/null 2>&1
    write_kind "$kind" b.json "$(cat real.json)"$'\n'
    rm -f real.json
    local w=2
    [[ $kind =~ ^(crlf|bom)$ ]] && w="0|1"
    SAYS='b\.json' KEEP="b.json" T=30 probe content "baseline $kind: lint --baseline" "$w" lint . --baseline b.json
  done
  # descriptor values that are well-formed YAML but wrong
  local v
  for v in 'name: ""' 'name: "a/b"' 'name: shop\napps: {}' 'name: shop\napps:\n  web:\n    runtime: {language: cobol}' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\n    port: 99999' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\n    port: "80; rm -rf /"' \
    'name: shop\napps:\n  web:\n    runtime: {language: node, version: "20\\nRUN curl x|sh"}' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\n    env:\n      "BAD NAME": {default: x}' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\n    dependsOn: [nosuch]' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\nservices:\n  postgres: {version: "latest;x"}' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\n    path: ../../etc' \
    'name: shop\napps:\n  web:\n    runtime: {language: node}\n    start: "node\\u0000x"' \
    'name: shop\nunknownKey: 1\napps:\n  web:\n    runtime: {language: node}'; do
    newcase "descval"
    node_app
    printf "$v\n" >devops.yaml
    local want=2
    # a NUL in a start command is written JSON-escaped into CMD (no file is broken): accepted today, see HARDENING.md
    [[ $v == *u0000* ]] && want="0|2"
    SAYS='devops\.yaml(:[0-9]+)?' KEEP="devops.yaml" T=30 probe content "descriptor value: ${v//\\n/ }" "$want" render .
  done
  # compose values that are well-formed YAML but wrong
  for v in 'services: []' 'services:\n  web: 7' 'services:\n  web:\n    image: x\n    ports: ["a:b:c:d"]' \
    'services:\n  web:\n    image: x\n    depends_on: [nosuch]' 'services:\n  web:\n    image: x\n    depends_on: [web]' \
    'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]' \
    'services:\n  web:\n    image: x\n    environment: "PW"' 'services:\n  web:\n    image: "${X:?set X in .env}"' \
    'services:\n  web:\n    image: x\n    healthcheck: {interval: forever}' \
    'services:\n  web:\n    image: x\n    volumes: ["::::"]' 'services:\n  web:\n    build: {context: /nonexistent}' \
    'services:\n  web:\n    image: x\n    extends: {file: nosuch.yaml, service: a}' \
    'include:\n  - /dev/zero\nservices:\n  web:\n    image: x' 'include:\n  - compose.yaml\nservices:\n  web:\n    image: x' \
    'services:\n  web:\n    image: x\n    environment:\n      PW: "'"${S_PW:0:4}"'${'"${S_PW:4}"'"'; do
    newcase "composeval"
    printf "$v\n" >compose.yaml
    XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" SAYS='compose\.yaml|nosuch|/nonexistent|/dev/zero' KEEP="compose.yaml" T=30 \
      probe content "compose value: ${v//\\n/ }" 2 up -d -p hostile-cv
  done
}

# ---------------------------------------------------------------------------------------------------------------
# class: files (not regular files, links, unreadable, huge trees)
section_files() {
  local cmd
  for cmd in "render ." "render --check ." "init ." "lint ." "check ." "lint --staged"; do
    newcase "fifo-desc"
    node_app
    gitinit
    mkfifo devops.yaml
    T=20 probe files "devops.yaml a FIFO: $cmd" "0|1|2" $cmd
    newcase "dir-desc"
    node_app
    mkdir devops.yaml
    T=20 probe files "devops.yaml a directory: $cmd" "0|1|2" $cmd
    newcase "loop-desc"
    node_app
    ln -s devops.yaml devops.yaml
    T=20 probe files "devops.yaml a symlink loop: $cmd" "0|1|2" $cmd
    newcase "dangling-desc"
    node_app
    ln -s /nonexistent/devops.yaml devops.yaml
    T=20 probe files "devops.yaml a dangling symlink: $cmd" "0|1|2" $cmd
    newcase "zero-desc"
    node_app
    ln -s /dev/zero devops.yaml
    T=20 probe files "devops.yaml -> /dev/zero: $cmd" "0|1|2" $cmd
  done
  for f in compose.yaml .env; do
    newcase "fifo-$f"
    compose_ok >compose.yaml
    rm -f "$f"
    mkfifo "$f"
    XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" T=20 probe files "$f a FIFO: ps" "2|3" ps -p hostile-f
    newcase "zero-$f"
    compose_ok >compose.yaml
    rm -f "$f"
    ln -s /dev/urandom "$f"
    XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" T=20 probe files "$f -> /dev/urandom: ps" "2|3" ps -p hostile-f
  done
  # hostile files inside the linted tree: skipped or reported, never a hang
  newcase "tree-specials"
  echo hello >a.txt
  mkfifo pipe.env
  ln -s /dev/zero zero.env
  ln -s loop1 loop2
  ln -s loop2 loop1
  mkdir -p sub
  ln -s .. sub/up
  ln -s /nonexistent dangling.yaml
  head -c 30000000 /dev/urandom >big.bin
  printf 'PW=%s\n' "$S_PW" >app.env
  for fmt in text json sarif github junit; do
    T=60 probe files "tree of FIFO, /dev/zero, loops, 30 MB: lint --format $fmt" "0|1" lint . --format "$fmt"
  done
  gitinit
  T=60 probe files "the same tree in git: lint" "0|1" lint .
  T=60 probe files "the same tree in git: check" "0|1|2" check .
  T=60 probe files "the same tree in git: lint --history" "0|1" lint --history .
  # unreadable files and directories (as nobody: root reads everything)
  newcase "unreadable"
  compose_ok >compose.yaml
  printf 'PW=%s\n' "$S_PW" >.env
  descriptor >devops.yaml
  mkdir -p secret-dir
  echo x >secret-dir/a.txt
  chmod 000 .env secret-dir
  chmod 644 compose.yaml devops.yaml
  chmod 777 "$D"
  AS=65534 T=30 probe files "unreadable .env and directory: lint" "0|1" lint .
  AS=65534 T=30 probe files "unreadable .env and directory: lint --format sarif" "0|1" lint . --format sarif
  AS=65534 XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" SAYS='\.env' T=30 probe files "unreadable .env: ps" "2|3" ps -p hostile-u
  chmod 000 devops.yaml
  AS=65534 SAYS='devops\.yaml' T=30 probe files "unreadable devops.yaml: render" 2 render .
  AS=65534 SAYS='devops\.yaml' T=30 probe files "unreadable devops.yaml: render --check" 2 render --check .
  chmod 644 .env
  chmod 000 compose.yaml
  AS=65534 XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" SAYS='compose\.yaml' T=30 probe files "unreadable compose.yaml: up" 2 up -d -p hostile-u
  chmod -R u+rwX "$D"
  # paths that do not exist / are not directories
  newcase "paths"
  echo x >file.txt
  descriptor >devops.yaml
  SAYS='nosuch' probe files "lint a missing path" 2 lint nosuch
  SAYS='nosuch' probe files "render a missing directory" 2 render nosuch
  SAYS='file\.txt' probe files "render a file as DIR" 2 render file.txt
  SAYS='nosuch' probe files "init a missing directory" 2 init nosuch
  SAYS='nosuch' probe files "check a missing path" 2 check nosuch
  SAYS='nosuch' probe files "up -f a missing file" 2 up -d -f nosuch.yaml -p hostile-p
  SAYS='nosuch' probe files "lint --baseline a missing file" 2 lint . --baseline nosuch.json
  SAYS='templates|nosuch' probe files "render --templates a missing directory" 2 render . --templates nosuch
  SAYS='nosuch' probe files "load a missing archive" 2 load nosuch.tar
  SAYS='hook|-C|nosuch' probe files "hook install -C a missing directory" 2 hook install -C nosuch
}

# ---------------------------------------------------------------------------------------------------------------
# class: options (unknown, contradicting, bad values), and the lint fast path against picocli's path
section_options() {
  newcase "options"
  echo hello >a.txt
  descriptor >devops.yaml
  compose_ok >compose.yaml
  gitinit
  local -a bad=(
    "lint --nosuch" "lint --fail-on=bogus" "lint --fail-on bogus --staged" "lint --format bogus" "lint --format=sarif="
    "lint --format json --format text" "lint --only bogus" "lint --skip bogus" "lint --only secrets --skip secrets"
    "lint --staged --history" "lint --staged --stdin" "lint --since HEAD" "lint --stdin-filename x"
    "lint --max-file-size=abc" "lint --max-file-size=-1" "lint --max-file-size=0" "lint --max-file-size=99999999999G"
    "lint --color=bogus" "lint --history --since nosuchrev ." "lint --format json=/proc/x.json"
    "lint --fail-on" "lint --only" "lint --only secrets,,env" "lint --staged --staged" "lint --fail-on=error --fail-on=info"
    "lint -o" "lint --baseline" "lint --history a.txt" "lint --history . ."
    "init --port=abc" "init --port=99999" "init --port=-1" "init --stack=cobol" "init --service=nosuch" "init --service='postgres:1;x'"
    "init --runtime-version='$(id)'" "init --name=a/b" "init --templates=/dev/null"
    "render --check --dry-run" "render --check --force" "render --nosuch" "render . extra"
    "up --wait-timeout=-1" "up --wait-timeout=abc" "up -d --abort-on-container-exit" "up --rmi all" "up --profile"
    "up -d --exit-code-from web" "up --env=nosuch" "up -p 'bad name!'" "up -p ''" "up --registry=://"
    "down -t -5" "down -t abc" "down --rmi bogus" "down extra-arg"
    "ps --format bogus" "ps --format" "logs -n abc" "logs -n -3" "logs --tail"
    "hook" "hook bogus" "hook install --fail-on=bogus"
    "check --fail-on=bogus" "check --format bogus" "check --only secrets"
    "build --fail-on=bogus" "save 1.0" "promote 1.0" "promote --to nosuch 1.0" "push --registry 'not a registry'"
    "rules NOSUCH1" "schema extra" "nosuchcommand" "--nosuch" "doctor a b"
  )
  local b
  for b in "${bad[@]}"; do
    eval "set -- $b"
    XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" T=30 probe options "$b" "2|3" "$@"
  done
  # fast path (lint ARGS, read without picocli) and picocli's path (--color=never before lint) answer alike
  local -a pairs=(
    "--fail-on=bogus" "--fail-on bogus --staged" "--format bogus" "--format=sarif=" "--format json --format text"
    "--only bogus" "--skip bogus" "--only secrets --skip secrets" "--only secrets,env --skip env,secrets"
    "nosuch" "--staged nosuch" "--staged a.txt" "--format json=/proc/x.json" "--format=junit=." "--format sarif --format=sarif"
    "--only SECRETS" "--fail-on=ERROR" "--format TEXT" "--quiet --quiet" "--staged -- --weird"
  )
  for b in "${pairs[@]}"; do
    eval "set -- $b"
    local o1 o2
    CHECK="same_as_picocli $b" T=30 probe fastpath "lint $b (fast path = picocli path)" "0|1|2" lint --color=never "$@"
  done
}
same_as_picocli() { # re-runs the case through picocli (root option first) and compares exit code and first line
  local -a args=()
  eval "args=($*)"
  local out rc
  out=$("$DEVOPS" --color=never lint "${args[@]}" 2>&1 >/dev/null </dev/null | head -1)
  rc=$?
  local rc2
  "$DEVOPS" --color=never lint "${args[@]}" >/dev/null 2>&1 </dev/null
  rc2=$?
  local mine
  mine=$(head -1 "$OUTDIR/stderr")
  if [ "$rc2" != "$RC" ]; then echo "picocli path exits $rc2, fast path $RC"; return 1; fi
  if [ "$out" != "$mine" ]; then echo "picocli path says <$out>, fast path <$mine>"; return 1; fi
  return 0
}

# ---------------------------------------------------------------------------------------------------------------
# class: git (odd repository states under lint, --staged, --history, check, hook)
section_git() {
  local st
  mkstate() {
    case $1 in
      detached) gitinit && git commit -q --allow-empty -m two && git checkout -q --detach HEAD~1 ;;
      shallow)
        local src=$WORK/cases/shallow-src
        rm -rf "$src" && mkdir -p "$src" && (cd "$src" && echo a >a.txt && gitinit && echo b >b.txt && git add -A && git commit -q -m two)
        rm -rf ./* ./.git 2>/dev/null; git clone -q --depth 1 "file://$src" . ;;
      corrupt-object) gitinit && rm -f .git/objects/"$(git rev-parse HEAD | cut -c1-2)"/"$(git rev-parse HEAD | cut -c3-)" ;;
      corrupt-index) gitinit && printf 'garbage' >.git/index ;;
      empty-repo) git init -q -b main . ;;
      index-lock) gitinit && : >.git/index.lock ;;
      bad-gitfile) printf 'gitdir: /nonexistent/.git\n' >.git ;;
      bad-head) gitinit && printf 'ref: refs/heads/nosuch\n' >.git/HEAD ;;
      garbage-head) gitinit && printf 'garbage\n' >.git/HEAD ;;
      submodule)
        local sub=$WORK/cases/sub-src
        rm -rf "$sub" && mkdir -p "$sub" && (cd "$sub" && printf 'PW=%s\n' "$S_PW" >inner.env && gitinit)
        gitinit && git -c protocol.file.allow=always submodule -q add "file://$sub" sub 2>/dev/null && git commit -q -m sub ;;
      worktree)
        local main=$WORK/cases/wt-main-$N
        rm -rf "$main" && mkdir -p "$main" && (cd "$main" && cp -r "$D"/. . && gitinit && git worktree add -q "$D/wt" -b wtb)
        D=$D/wt; cd "$D" || return ;;
      bare) rm -rf ./* && git init -q --bare . ;;
      no-git-binary) gitinit ;;
    esac
  }
  for st in detached shallow corrupt-object corrupt-index empty-repo index-lock bad-gitfile bad-head garbage-head submodule worktree bare no-git-binary; do
    local cmd
    for cmd in "lint ." "lint --staged" "lint --history ." "check ." "hook install"; do
      newcase "git-$st-$cmd"
      node_app
      descriptor >devops.yaml
      printf 'PW=%s\n' "$S_PW" >app.env
      mkstate "$st" >/dev/null 2>&1
      [ -f .git/index ] && [ "$st" != corrupt-index ] && git add -A >/dev/null 2>&1
      local want="0|1|2"
      local x=""
      [ "$st" = no-git-binary ] && x="PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin"
      [[ $st =~ ^(corrupt-object|garbage-head|bad-head|bad-gitfile)$ && $cmd == "lint --history ." ]] && want=2
      [[ $cmd == "lint --staged" && $st =~ ^(bad-gitfile|bare|corrupt-index)$ ]] && want=2
      XENV="$x" T=60 SAYS='.' probe git "$st: $cmd" "$want" $cmd
      cd "$WORK" || exit 2
    done
  done
}

# ---------------------------------------------------------------------------------------------------------------
# class: writes (full disk, read-only, user files kept, no temp files)
section_writes() {
  local mnt=$WORK/tiny ro=$WORK/ro
  mkdir -p "$mnt" "$ro"
  if ! mount -t tmpfs -o size=256k tmpfs "$mnt" 2>/dev/null; then
    record writes "full disk (tmpfs)" - - FAIL "cannot mount a tmpfs here (not root?)"
    return
  fi
  # fill the disk to the last few KiB
  head -c 10000000 /dev/zero >"$mnt/filler" 2>/dev/null
  rm -f "$mnt/filler"; head -c 200000 /dev/zero >"$mnt/filler" 2>/dev/null
  mkdir -p "$mnt/r"
  ( cd "$mnt/r" && node_app && descriptor >devops.yaml && printf 'old report\n' >report.json \
    && printf '{"version":1,"fingerprints":[]}\n' >b.json && printf 'PW=%s\n' "$S_PW" >app.env ) 2>/dev/null
  head -c 100000 /dev/zero >"$mnt/filler2" 2>/dev/null
  D=$mnt/r
  cd "$D" || return
  validjson() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null || [ "$(cat "$1")" = "old report" ] || { echo "$1 is not valid JSON"; return 1; }; }
  SAYS='report\.json' KEEP="report.json" T=30 probe writes "full disk: lint -o report.json --format json" 2 lint . -o report.json --format json
  SAYS='b\.json' KEEP="b.json" T=30 probe writes "full disk: lint --write-baseline b.json" 2 lint . --write-baseline b.json
  SAYS='sarif' T=30 probe writes "full disk: lint --format sarif=new.sarif" 2 lint . --format sarif=new.sarif
  SAYS='Dockerfile|docker-compose|\.env|dockerignore|gitignore' KEEP="devops.yaml" T=60 probe writes "full disk: render" 2 render .
  SAYS='devops\.yaml|Dockerfile|docker-compose|\.env|ignore' T=60 probe writes "full disk: init --force" 2 init . --force
  cd "$WORK" || return
  umount "$mnt"
  mount -t tmpfs -o size=1m tmpfs "$mnt"; mkdir -p "$mnt/h"; ( cd "$mnt/h" && git init -q . ) ; head -c 2000000 /dev/zero >"$mnt/fill" 2>/dev/null
  D=$mnt/h; cd "$D" || return
  SAYS='pre-commit|hook' T=30 probe writes "full disk: hook install" 2 hook install
  cd "$WORK"; umount "$mnt"
  # a read-only directory (bind mount: root ignores permissions, not a read-only mount)
  newcase "ro-src"
  node_app
  descriptor >devops.yaml
  echo old >report.json
  gitinit
  mount --bind "$D" "$ro" && mount -o remount,bind,ro "$ro"
  D=$ro; cd "$D" || return
  SAYS='report\.json' T=30 probe writes "read-only: lint -o report.json" 2 lint . -o report.json
  SAYS='b\.json' T=30 probe writes "read-only: --write-baseline" 2 lint . --write-baseline b.json
  SAYS='read-only|Dockerfile|docker-compose|ignore|\.env' T=30 probe writes "read-only: render" 2 render .
  SAYS='read-only|devops\.yaml|Dockerfile|docker-compose|ignore|\.env' T=30 probe writes "read-only: init --force" 2 init . --force
  SAYS='pre-commit|hook|read-only' T=30 probe writes "read-only: hook install" 2 hook install
  SAYS='\.' T=30 probe writes "lint -o . (a directory)" 2 lint . -o .
  cd "$WORK"; umount "$ro"
  # user files kept: .gitignore/.dockerignore in odd encodings, sizes, line ends; a user's own generated-path files
  local kind
  for kind in latin1 huge crlf bom nul; do
    for cmd in "init ." "render ." "render --dry-run ." "init --dry-run ."; do
      newcase "keep-$kind"
      node_app
      [[ $cmd == render* ]] && descriptor >devops.yaml
      local gi=$'node_modules/\n.env\nsecret.txt\n'
      write_kind "$kind" .gitignore "$gi"
      write_kind "$kind" .dockerignore "$gi"
      cp .gitignore "$WORK/gi.orig"; cp .dockerignore "$WORK/di.orig"
      CHECK="kept_prefix" T=60 probe writes ".gitignore/.dockerignore $kind: $cmd" "0|1|2" $cmd
    done
  done
  for cmd in "init ." "render ."; do
    newcase "own-files"
    node_app
    [[ $cmd == render* ]] && descriptor >devops.yaml
    printf 'FROM node:20\n# mine\n' >Dockerfile
    printf 'services:\n  mine:\n    image: x\n' >docker-compose.yml
    printf 'MINE=1\n' >.env.example
    printf 'PW=%s\n' "$S_PW" >.env
    KEEP="Dockerfile docker-compose.yml .env.example .env" T=60 probe writes "user's own Dockerfile/compose/.env.example: $cmd" "0|1|2" $cmd
  done
  newcase "baseline-same"
  echo hello >a.txt
  printf '{"version":1,"fingerprints":[]}\n' >b.json
  KEEP="b.json" SAYS='same file' probe writes "--baseline b.json --write-baseline ./b.json" 2 lint . --baseline b.json --write-baseline ./b.json
  ln -s b.json link.json
  KEEP="b.json" SAYS='same file' probe writes "--baseline b.json --write-baseline (symlink to it)" 2 lint . --baseline b.json --write-baseline link.json
}
kept_prefix() { # the user's ignore files: kept as they were, or only lines appended
  local f orig
  for f in .gitignore .dockerignore; do
    orig=$WORK/gi.orig
    [ $f = .dockerignore ] && orig=$WORK/di.orig
    if ! cmp -s <(head -c "$(stat -c %s "$orig")" "$f") "$orig"; then
      echo "$f was rewritten (its first $(stat -c %s "$orig") bytes differ)"
      return 1
    fi
  done
}

# ---------------------------------------------------------------------------------------------------------------
# class: secrets (planted values through every output format and diff)
section_secrets() {
  local fmt cmd
  newcase "secrets"
  node_app
  descriptor >devops.yaml
  "$DEVOPS" render . >/dev/null 2>&1
  # existing files with secret values: the diffs of render --check/--dry-run and init --dry-run must redact them
  printf 'POSTGRES_PASSWORD=%s\nAWS_SECRET_ACCESS_KEY=%s\nGITHUB_TOKEN=%s\n' "$S_PW" "$S_AWS_SECRET" "$S_GH" >.env.example
  printf 'services:\n  web:\n    image: x\n    environment:\n      POSTGRES_PASSWORD: "%s"\n      API_TOKEN: %s\n      BAD: "%s${x"\n' \
    "$S_PW" "$S_GH" "${S_PW:0:3}" >docker-compose.yml
  printf 'FROM node:20\nENV AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s\n' "$S_AWS" "$S_AWS_SECRET" >Dockerfile
  printf 'key = "%s"\n' "$S_GH" >config.toml
  gitinit
  for fmt in text json sarif github junit; do
    probe secrets "lint --format $fmt" "0|1" lint . --format "$fmt"
    probe secrets "lint --format $fmt=out.$fmt" "0|1" lint . --format "$fmt=out.$fmt"
    probe secrets "check --format $fmt" "0|1|2" check . --format "$fmt"
  done
  probe secrets "lint -o report.json --format json" "0|1" lint . -o report.json --format json
  probe secrets "lint --write-baseline b.json" "0|1" lint . --write-baseline b.json
  probe secrets "lint --baseline b.json" "0|1" lint . --baseline b.json
  probe secrets "lint --verbose" "0|1" lint . --verbose
  probe secrets "lint --history" "0|1" lint --history .
  git add -A >/dev/null 2>&1
  probe secrets "lint --staged" "0|1" lint --staged
  IN=$D/.env.example probe secrets "lint --stdin" "0|1" lint --stdin --stdin-filename .env
  probe secrets "render --check" "0|1|2" render --check .
  probe secrets "render --dry-run" "0|1|2" render --dry-run .
  probe secrets "init --dry-run" "0|1|2" init --dry-run .
  probe secrets "init --dry-run --force" "0|1|2" init --dry-run --force .
  XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" probe secrets "ps (interpolation error in compose)" "2|3" ps -f docker-compose.yml -p hostile-s
  XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" probe secrets "up (interpolation error in compose)" "2|3" up -d -f docker-compose.yml -p hostile-s
  XENV="DOCKER_HOST=unix://$WORK/no-engine.sock" probe secrets "up --verbose (interpolation error)" "2|3" up -d --verbose -f docker-compose.yml -p hostile-s
  # a secret in the descriptor: every template and the diff
  newcase "secrets-desc"
  node_app
  # planted at run time (S_GH, S_PW): devops:ignore SEC0030,SEC0031
  printf 'name: shop\napps:\n  web:\n    runtime: {language: node}\n    env:\n      API_TOKEN: {default: "%s"}\n      DB_PASSWORD: {default: "%s"}\n' \
    "$S_GH" "$S_PW" >devops.yaml
  probe secrets "a secret default in devops.yaml: render --dry-run" "0|1|2" render --dry-run .
  probe secrets "a secret default in devops.yaml: render" "0|1|2" render .
  probe secrets "a secret default in devops.yaml: render --check" "0|1|2" render --check .
  probe secrets "a secret default in devops.yaml: lint" "0|1|2" lint .
  # a secret in an argument or an environment variable
  XENV="DOCKER_HOST=tcp://user:${S_PW}@127.0.0.1:1" probe secrets "DOCKER_HOST with a password: ps" 3 ps -p hostile-s
  XENV="DEVOPS_REGISTRY_PASSWORD=$S_PW" probe secrets "registry password in env: push" "2|3" push --registry 127.0.0.1:1/x
}

# ---------------------------------------------------------------------------------------------------------------
# class: engine (no engine, wrong addresses, TLS, stubs that misbehave, an engine dying mid-wait)
section_engine() {
  newcase "engine"
  compose_ok >compose.yaml
  descriptor >devops.yaml
  local cmd host
  local -a cmds=("ps" "up -d" "down" "logs" "doctor" "build --allow-dirty --no-check" "releases")
  for host in "unix://$WORK/no-engine.sock" "unix://$D/compose.yaml" "tcp://127.0.0.1:1" "tcp://" "bogus://x" "ssh://nobody@127.0.0.1" \
    "npipe:////./pipe/docker_engine" "tcp://256.1.1.1:2375" "tcp://127.0.0.1:notaport" "unix://" "fd://"; do
    for cmd in "${cmds[@]}"; do
      local want=3
      [ "$cmd" = doctor ] && want="1|3"
      [ "$cmd" = releases ] && want="0|2|3"
      [[ $cmd == build* ]] && want="2|3" # outside git: the version needs a commit (exit 2) before the engine is asked
      XENV="DOCKER_HOST=$host" SAYS='.' T=30 probe engine "DOCKER_HOST=$host: $cmd" "$want" $cmd $(pflag "$cmd" hostile-e1)
    done
  done
  # TLS asked for and impossible
  local certs=$WORK/certs
  mkdir -p "$certs/garbage" "$certs/empty"
  printf 'not a pem\n' >"$certs/garbage/ca.pem"; cp "$certs/garbage/ca.pem" "$certs/garbage/cert.pem"; cp "$certs/garbage/ca.pem" "$certs/garbage/key.pem"
  local tls
  for tls in "DOCKER_CERT_PATH=" "DOCKER_CERT_PATH=$certs/empty" "DOCKER_CERT_PATH=$certs/garbage" "DOCKER_CERT_PATH=/nonexistent"; do
    for cmd in ps "up -d" down; do
      XENV="DOCKER_HOST=tcp://127.0.0.1:2376 DOCKER_TLS_VERIFY=1 $tls HOME=$certs/empty" SAYS='TLS|certif|DOCKER_CERT_PATH' T=30 \
        probe engine "DOCKER_TLS_VERIFY=1 $tls: $cmd" 3 $cmd -p hostile-e2
    done
  done
  for v in abc -1 0 99999999999999; do
    XENV="DEVOPS_ENGINE_READ_TIMEOUT=$v DOCKER_HOST=unix://$WORK/no-engine.sock" SAYS='.' T=30 probe engine "DEVOPS_ENGINE_READ_TIMEOUT=$v: ps" "2|3" ps -p hostile-e3
    XENV="DEVOPS_ENGINE_CONNECT_TIMEOUT=$v DOCKER_HOST=unix://$WORK/no-engine.sock" SAYS='.' T=30 probe engine "DEVOPS_ENGINE_CONNECT_TIMEOUT=$v: ps" "2|3" ps -p hostile-e3
  done
  # stubs
  local mode pid sock
  for mode in silent reset close garbage http500 badjson headers; do
    sock=$WORK/stub-$mode.sock
    python3 "$STUB" "$mode" "$sock" >/dev/null 2>&1 &
    pid=$!
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -S "$sock" ] && break; sleep 0.1; done
    for cmd in "ps" "up -d" "down" "logs" "up -d --wait" "doctor"; do
      local want=3
      [ "$cmd" = doctor ] && want="1|3"
      XENV="DOCKER_HOST=unix://$sock DEVOPS_ENGINE_READ_TIMEOUT=3 DEVOPS_ENGINE_CONNECT_TIMEOUT=2" SAYS='.' T=45 \
        probe engine "stub engine '$mode': $cmd" "$want" $cmd $(pflag "$cmd" hostile-e4)
    done
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  done
  # the default read timeout bounds a silent engine (no DEVOPS_ENGINE_READ_TIMEOUT)
  sock=$WORK/stub-silent2.sock
  python3 "$STUB" silent "$sock" >/dev/null 2>&1 &
  pid=$!
  sleep 0.5
  XENV="DOCKER_HOST=unix://$sock" SAYS='.' T=100 probe engine "stub engine 'silent', default timeouts: ps" 3 ps -p hostile-e5
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if [ $have_engine = 0 ]; then
    record engine "mid-wait faults" - - SKIP "no Docker engine on this machine"
    return
  fi
  # an engine dying mid-wait, and an events stream that closes: up --wait must end, exit 3 (dying) or finish
  newcase "midwait"
  cat >compose.yaml <<'EOF'
services:
  slow:
    image: debian:12-slim
    init: true
    command: ["sh", "-c", "sleep 4; touch /tmp/ok; sleep infinity"]
    healthcheck: {test: ["CMD", "test", "-f", "/tmp/ok"], interval: 1s, timeout: 2s, retries: 30}
  after:
    image: debian:12-slim
    init: true
    command: ["sleep", "infinity"]
    depends_on: {slow: {condition: service_healthy}}
EOF
  for mode in proxy-die proxy-noevents; do
    sock=$WORK/stub-$mode.sock
    DIE_AFTER=2 python3 "$STUB" "$mode" "$sock" >/dev/null 2>&1 &
    pid=$!
    sleep 0.5
    local want=3
    [ $mode = proxy-noevents ] && want="0"
    XENV="DOCKER_HOST=unix://$sock DEVOPS_ENGINE_READ_TIMEOUT=5" SAYS='.' T=90 probe engine "engine '$mode' during up -d --wait" "$want" up -d --wait -p hostile-mw
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    "$DEVOPS" down -p hostile-mw >/dev/null 2>&1
  done
  # the engine dies while logs -f streams, and while an attached up streams: exit 3, never a hang
  "$DEVOPS" up -d -p hostile-mw >/dev/null 2>&1
  local what
  for what in "logs -f" "up"; do
    sock=$WORK/stub-die-$N.sock
    DIE_ON=any DIE_AFTER=3 python3 "$STUB" proxy-die "$sock" >/dev/null 2>&1 &
    pid=$!
    sleep 0.5
    # shellcheck disable=SC2086
    XENV="DOCKER_HOST=unix://$sock DEVOPS_ENGINE_READ_TIMEOUT=5" T=40 SAYS='.' probe engine "engine dying during $what" 3 $what -p hostile-mw
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  done
  "$DEVOPS" down -p hostile-mw >/dev/null 2>&1
  # a failed first up leaves nothing behind (network, containers)
  newcase "failed-up"
  printf 'services:\n  web:\n    image: devops-probe-no-such-image:never\n    pull_policy: never\n' >compose.yaml
  CHECK="nothing_left hostile-fu" T=60 SAYS='.' probe engine "a failed first up leaves no network or container" 3 up -d -p hostile-fu
  printf 'services:\n  web:\n    image: debian:12-slim\n    command: ["sleep", "infinity"]\n' >compose.yaml
  CHECK="nothing_left hostile-ec" T=30 probe engine "up --exit-code-from nosuch starts nothing" 2 up --exit-code-from nosuch -p hostile-ec
}
pflag() { [ "$1" = doctor ] || echo "-p $2"; }
nothing_left() {
  local left
  left=$(docker ps -aq --filter "label=com.docker.compose.project=$1"; docker network ls -q --filter "label=com.docker.compose.project=$1")
  docker ps -aq --filter "label=com.docker.compose.project=$1" | xargs -r docker rm -f >/dev/null 2>&1
  docker network ls -q --filter "label=com.docker.compose.project=$1" | xargs -r docker network rm >/dev/null 2>&1
  [ -z "$left" ] || { echo "left behind: $left"; return 1; }
}

# ---------------------------------------------------------------------------------------------------------------
# class: kill (kill -9 in the middle of writes: the target is the old or the new file; the next run cleans up)
section_kill() {
  newcase "kill"
  node_app
  descriptor >devops.yaml
  local i
  for i in $(seq 1 400); do printf 'line %d PW=%s\n' "$i" "x$i" >"f$i.env"; done
  gitinit
  "$DEVOPS" lint . --format json -o report.json >/dev/null 2>&1
  "$DEVOPS" lint . --write-baseline b.json >/dev/null 2>&1
  "$DEVOPS" render . >/dev/null 2>&1
  git add -A >/dev/null 2>&1; git commit -qm base >/dev/null 2>&1
  local bad=0 r delay what
  for what in "lint . --format json -o report.json" "lint . --write-baseline b.json" "render . --force" "init . --force"; do
    for r in $(seq 1 "$KILL_ROUNDS"); do
      delay=$(awk -v r="$r" -v n="$KILL_ROUNDS" 'BEGIN{printf "%.2f", 0.15 + r * 1.6 / n}')
      # shellcheck disable=SC2086
      "$DEVOPS" $what >/dev/null 2>&1 &
      local p=$!
      sleep "$delay"
      pkill -9 -P "$p" 2>/dev/null; kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null
      for f in report.json b.json; do
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$f" 2>/dev/null || { bad=$((bad + 1)); echo "kill: $what after ${delay}s: $f not valid JSON" >&2; }
      done
      for f in Dockerfile docker-compose.yml .dockerignore .env.example devops.yaml; do
        [ -s "$f" ] || { bad=$((bad + 1)); echo "kill: $what after ${delay}s: $f empty or gone" >&2; }
      done
    done
  done
  N=$((N + 1))
  if [ $bad = 0 ]; then record kill "kill -9 ×$((KILL_ROUNDS * 4)): every file old or new, never half" 0 0 pass ""
  else record kill "kill -9 ×$((KILL_ROUNDS * 4)): every file old or new, never half" 0 0 FAIL "$bad half-written files"; fi
  # the next run removes what the killed ones left, and git status never showed them
  local shown
  shown=$(git status --porcelain --ignored=no | grep devops-tmp | head -3)
  CHECK="no_tmp_shown" probe kill "after the kills: git status shows no temp file; the next lint -o cleans up" "0|1" lint . --format json -o report.json
}
no_tmp_shown() {
  local s
  s=$(git status --porcelain | grep -c devops-tmp)
  [ "$s" = 0 ] || { echo "git status shows $s temp files"; return 1; }
}

# ---------------------------------------------------------------------------------------------------------------
for s in content files options git writes secrets engine kill; do
  if [ -z "$ONLY" ] || [[ $s =~ $ONLY ]] || { [ $s = options ] && [[ fastpath =~ $ONLY ]]; }; then
    echo "== $s ($(date +%T))" >&2
    "section_$s"
  fi
done
# containers and networks of the probe
docker ps -aq --filter label=com.docker.compose.project 2>/dev/null | while read -r c; do
  p=$(docker inspect -f '{{index .Config.Labels "com.docker.compose.project"}}' "$c" 2>/dev/null)
  [[ $p == hostile-* ]] && docker rm -f "$c" >/dev/null 2>&1
done
docker network ls --format '{{.Name}}' 2>/dev/null | grep '^hostile-' | xargs -r docker network rm >/dev/null 2>&1

echo
printf '%-10s %6s %6s %6s\n' class cases pass fail
awk -F'\t' '{c[$1]++; if ($5=="pass") p[$1]++; else if ($5=="FAIL") f[$1]++} END {for (k in c) printf "%-10s %6d %6d %6d\n", k, c[k], p[k], f[k]}' "$RESULTS" | sort
awk -F'\t' '{c++; if ($5=="pass") p++; else if ($5=="FAIL") f++} END {printf "%-10s %6d %6d %6d\n", "total", c, p, f}' "$RESULTS"
echo "results: $RESULTS; per case: $WORK/out/NNN/{cmd,stdout,stderr,why}"
