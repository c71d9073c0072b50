#!/usr/bin/env bash
# bench/init-sweep/run.sh - init's output under devops's own lint, on every fetched repository (issue 9 / issue 10:
# what 'devops init' writes must be a stack compose accepts and that 'devops lint' finds nothing wrong with).
# For each mirror under MIRRORS (default /work/.mirror, as the 'fetch' tool leaves them):
#   1. a fresh clone (HEAD of the snapshot; the commit is printed)
#   2. 'devops init .'
#   3. docker-compose config -q on the generated compose file (docker-compose 1.29), with an .env made from
#      .env.example whose empty values are filled with a placeholder
#   4. 'devops lint --format json .', keeping only the findings on files init wrote or changed
# Output: one row per repository (repo@commit, init exit, compose config exit, the apps' directories init wrote a
# Dockerfile for) and, at the end, every finding on init's own files, then counts by rule.
# Usage: run.sh [NAME_FILTER]   Env: DEVOPS_JAR (default target/devops.jar), MIRRORS, OUT (default /tmp/init-sweep)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=${DEVOPS_JAR:-$root/target/devops.jar}
mirrors=${MIRRORS:-/work/.mirror}
out=${OUT:-/tmp/init-sweep}
filter=${1:-}
mkdir -p "$out/clones" "$out/logs"
: > "$out/rows.tsv"
for m in "$mirrors"/*/; do
  n=$(basename "$m")
  [[ -n $filter && $n != *$filter* ]] && continue
  g=$(ls -d "$m"*.git 2>/dev/null | head -1); [[ -z $g ]] && g=$(ls -d "$m"* 2>/dev/null | head -1)
  [[ -z $g ]] && continue
  d=$out/clones/$n
  rm -rf "$d"
  git clone -q "$g" "$d" 2>/dev/null || { printf '%s\tclone-failed\n' "$n" | tee -a "$out/rows.tsv"; continue; }
  c=$(git -C "$d" rev-parse --short=10 HEAD)
  (cd "$d" && timeout 120 java -jar "$jar" init . > "$out/logs/$n.init" 2>&1); ie=$?
  if [[ $ie -ne 0 ]]; then
    printf '%s@%s\tinit=%s\t%s\n' "$n" "$c" "$ie" "$(tail -1 "$out/logs/$n.init" | cut -c1-120)" | tee -a "$out/rows.tsv"
    continue
  fi
  written=$(cd "$d" && git status --porcelain --untracked-files=all | awk '{print $2}' | tr '\n' ' ')
  dc=-
  if [[ -f $d/docker-compose.yml ]] && head -3 "$d/docker-compose.yml" | grep -q 'devops'; then
    if [[ -f $d/.env.example ]]; then
      sed -E 's/^([A-Za-z_][A-Za-z0-9_]*)=$/\1=placeholder1/' "$d/.env.example" | grep -E '^[A-Za-z_]' > "$d/.env"
    fi
    (cd "$d" && timeout 60 docker-compose config -q > "$out/logs/$n.compose" 2>&1); dc=$?
    rm -f "$d/.env"
  fi
  (cd "$d" && timeout 300 java -jar "$jar" lint --format json -o "$out/logs/$n.lint.json" . > /dev/null 2>&1)
  apps=$(printf '%s\n' $written | grep -E '(^|/)Dockerfile$' | sed 's#/\?Dockerfile$##; s#^$#.#' | tr '\n' ' ')
  printf '%s@%s\tinit=0\tcompose=%s\tapps=[%s]\t%s\n' "$n" "$c" "$dc" "$apps" "$written" >> "$out/rows.tsv"
  printf '%s@%s\tinit=0\tcompose=%s\tapps=[%s]\n' "$n" "$c" "$dc" "$apps"
done
python3 - "$out" <<'PY'
import json, os, re, sys, collections
out = sys.argv[1]
counts = collections.Counter()
print("\nfindings on the files init wrote:")
for line in open(os.path.join(out, "rows.tsv")):
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 5:
        continue
    repo = parts[0].split("@")[0]
    written = set(parts[4].split())
    f = os.path.join(out, "logs", repo + ".lint.json")
    if not os.path.exists(f):
        continue
    try:
        findings = json.load(open(f)).get("findings", [])
    except Exception:
        continue
    for x in findings:
        if x.get("path") in written:
            counts[(x.get("rule"), x.get("severity"))] += 1
            print("  %s %s %s %s:%s %s" % (parts[0], x.get("severity"), x.get("rule"), x.get("path"), x.get("line"),
                                           (x.get("message") or "")[:110]))
print("\nby rule:")
for (rule, sev), n in counts.most_common():
    print("  %-10s %-8s %d" % (rule, sev, n))
PY
