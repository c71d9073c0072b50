#!/usr/bin/env bash
# Generates a git repository with N commits (default 10000) through git fast-import: each commit
# edits one of 200 source files (a few changed lines) and every 500th commit adds a planted secret
# and a hard-coded password (built here at run time, never stored in this repository).
set -euo pipefail
dir=${1:?usage: gen-history.sh DIR [COMMITS]}
n=${2:-10000}
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" && git init -q -b main .
python3 - "$n" <<'PY' | git fast-import --quiet
import sys, random
n = int(sys.argv[1]); rnd = random.Random(42)
files = {}
alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
def data(s):
    b = s.encode(); sys.stdout.write("data %d\n" % len(b)); sys.stdout.write(s + "\n")
for i in range(1, n + 1):
    f = "src/mod%03d/File%03d.java" % (i % 200, i % 200)
    lines = files.get(f, ["package mod;", "class File {"] + ["    int v%d = %d;" % (k, k) for k in range(40)] + ["}"])
    for _ in range(3):
        k = rnd.randrange(2, len(lines) - 1)
        lines[k] = "    String s%d = \"value %d of commit %d\"; // token count %d" % (k, rnd.randrange(1000), i, k)
    if i % 500 == 0:
        lines.insert(3, '    String key = "%s";' % ("gh" + "p_" + "".join(rnd.choice(alnum) for _ in range(36))))
        lines.insert(4, '    String password = "%s";' % "".join(rnd.choice(alnum) for _ in range(14)))
    files[f] = lines
    sys.stdout.write("commit refs/heads/main\n")
    sys.stdout.write("author Dev %d <dev%d@example.com> %d +0000\n" % (i % 7, i % 7, 1600000000 + i * 60))
    sys.stdout.write("committer Dev <dev@example.com> %d +0000\n" % (1600000000 + i * 60))
    data("commit %d" % i)
    if i > 1: pass
    sys.stdout.write("M 100644 inline %s\n" % f)
    data("\n".join(lines))
PY
git reset -q --hard main
echo "$dir: $(git rev-list --count HEAD) commits"
