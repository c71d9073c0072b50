#!/usr/bin/env bash
# Scores `devops init` against expectations.tsv (written from reading each repository's code before
# running init). For each repository: the tree at the recorded commit is written from its fetch
# mirror (/work/.mirror/OWNER+NAME/repo, or $CORPUS_MIRRORS/OWNER+NAME/repo) into a temp dir,
# `devops init --force` runs there, and score.py compares devops.yaml, the rendered Dockerfiles and
# docker-compose.yml with each expectation. Prints one line per expectation and a table per class.
# Usage: bench/init-corpus/score.sh [REPO-SUBSTRING...]      (env: DEVOPS_JAR, KEEP=1 keeps the temp dirs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${DEVOPS_JAR:-$root/target/devops.jar}
[ -f "$jar" ] || (cd "$root" && mvn -q -o -B -DskipTests package)
mirrors=${CORPUS_MIRRORS:-/work/.mirror}
work=$(mktemp -d /tmp/init-corpus.XXXXXX)
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
tail -n +2 "$here/expectations.tsv" | cut -f1,2 | sort -u | while IFS=$'\t' read -r repo commit; do
  if [ $# -gt 0 ]; then keep=; for f in "$@"; do if [[ $repo == *"$f"* ]]; then keep=1; fi; done; [ -n "$keep" ] || continue; fi
  dir="$work/${repo/\//+}"
  mkdir -p "$dir"
  git_dir="$mirrors/${repo/\//+}/repo"
  [ -d "$git_dir/.git" ] && git_dir="$git_dir/.git"   # some snapshots arrive as a work tree
  if [ ! -d "$git_dir" ]; then echo "$repo: no mirror at $git_dir (use the fetch tool: github:$repo)" >&2; echo 99 > "$dir.rc"; continue; fi
  python3 "$here/materialize.py" "$git_dir" "$commit" "$dir" 2>/dev/null
  set +e
  java -jar "$jar" init --force "$dir" > "$dir.out" 2> "$dir.err"
  echo $? > "$dir.rc"
  set -e
done
python3 "$here/score.py" "$here/expectations.tsv" "$work" "$@"
