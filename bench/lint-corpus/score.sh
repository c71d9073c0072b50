#!/bin/sh
# Scores `devops lint` against the hand-labelled real-code corpus (docs/LINT-REVIEW.md, "Real-code review corpus").
#   bench/lint-corpus/score.sh [CLONE_DIR]
# CLONE_DIR (default /tmp/lint-corpus) holds one work tree per repository, named as in repos.tsv; a missing one
# is cloned from GitHub and checked out at the recorded commit. Prints precision per rule and per severity
# (over labelled findings; unlabelled ones are listed so they can be labelled), and recall against the
# labelled true positives and the misses found by reading (label `miss`, no rule).
# Env: DEVOPS (the launcher, default bin/devops of this checkout), OUT (where the JSON reports go).
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
clones=${1:-/tmp/lint-corpus}
devops=${DEVOPS:-$root/bin/devops}
out=${OUT:-$(mktemp -d)}
mkdir -p "$clones" "$out"
tail -n +2 "$here/repos.tsv" | while IFS="$(printf '\t')" read -r name repo commit stack; do
  dir=$clones/$name
  if [ ! -d "$dir/.git" ]; then
    git clone -q "https://github.com/$repo.git" "$dir"
  fi
  if [ "$(git -C "$dir" rev-parse HEAD)" != "$commit" ]; then
    git -C "$dir" checkout -q "$commit"
  fi
  "$devops" lint "$dir" --format json > "$out/$name.json" 2>"$out/$name.err" || true
done
python3 "$here/score.py" "$here/labels.tsv" "$here/repos.tsv" "$out"
