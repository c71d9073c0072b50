#!/usr/bin/env bash
# Secrets scanner benchmark (docs/BENCHMARKS.md, "Secrets" section). Needs: java 17+, git, python3,
# hyperfine, ripgrep (apt-get install -y hyperfine ripgrep) and, for the secretlint comparison, npm.
# Everything it plants is generated here at run time; nothing secret-shaped is stored in the repository.
#   bench/secrets.sh [WORKDIR]     (default /tmp/devops-bench; reuses what is already there)
# Env: RUNS (hyperfine runs, default 5); BEFORE=DIR adds a row for DIR/bin/devops (e.g. a worktree of main, to compare a
# change with what it changes in the same run); ONLY_TREE=1 stops after the whole-tree comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=${1:-/tmp/devops-bench}
mkdir -p "$work"
jar=$root/target/devops.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o package -DskipTests)
runs=${RUNS:-5}

echo "## machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## java: $(java -version 2>&1 | head -1); rg: $(rg --version | awk "NR==1"); hyperfine: $(hyperfine --version)"

# 1. the tree: JDK sources plus planted secrets
src=$work/jdk-src
if [ ! -d "$src/java.base" ]; then
  rm -rf "$src" && mkdir -p "$src"
  unzip -q "${JDK_SRC_ZIP:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}" -d "$src"
fi
mkdir -p "$src/planted"
python3 - "$src/planted" <<'PY'
import base64, random, sys
r = random.Random(7); a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
t = lambda n: "".join(r.choice(a) for _ in range(n))
d = sys.argv[1]
open(d + "/Config.java", "w").write(
    'class Config {\n  String token = "%s";\n  String password = "%s";\n  String db = "postgres://app:%s@db.internal:5432/app";\n'
    '  String slack = "%s";\n}\n' % ("gh" + "p_" + t(36), t(14), t(12), "xo" + "xb-" + t(12) + "-" + t(24)))
body = "\n".join(base64.b64encode(bytes(r.randrange(256) for _ in range(48))).decode() for _ in range(12))
open(d + "/key.pem", "w").write("-----BEGIN RSA " + "PRIVATE KEY-----\n" + body + "\n-----END RSA " + "PRIVATE KEY-----\n")
open(d + "/.env.production", "w").write("DB_PASSWORD=%s\nAPI_TOKEN=%s\n" % (t(16), t(32)))
PY
echo "## tree: $(find "$src" -type f | wc -l) files, $(du -sh "$src" | cut -f1)"

# the bench harness: generic detectors + 150 synthetic provider rules (until the rules data is merged)
cls=$work/classes
mkdir -p "$cls"
javac -d "$cls" -cp "$jar" "$here/SecretsBench.java"
kw=$work/keywords.txt
mkdir -p "$work/empty-dir-for-keywords"
java -cp "$jar:$cls" SecretsBench "$work/empty-dir-for-keywords" --keywords "$kw" >/dev/null
echo "## keywords: $(wc -l < "$kw") (generic detectors + synthetic rules)"
java -cp "$jar:$cls" SecretsBench "$src" | head -1

echo; echo "### whole tree: devops (150 synthetic rules) vs devops lint --only secrets (built-in rules; java -jar and bin/devops) vs ripgrep (same keywords)"
"$root/bin/devops" --version >/dev/null # builds the launcher's AppCDS archive once, outside the timing
before=()
if [ -n "${BEFORE:-}" ]; then
  "$BEFORE/bin/devops" --version >/dev/null
  before=(-n "before: $BEFORE/bin/devops lint --only secrets" "$BEFORE/bin/devops lint $src --only secrets --format json --output $work/lint-before.json")
fi
hyperfine -N -w 1 -r "$runs" -i \
  -n "devops-bench-150-rules" "java -cp $jar:$cls SecretsBench $src" \
  -n "devops lint --only secrets" "java -jar $jar lint $src --only secrets --format json --output $work/lint.json" \
  "${before[@]}" \
  -n "bin/devops lint --only secrets (launcher: C1, serial GC, AppCDS)" "$root/bin/devops lint $src --only secrets --format json --output $work/lint-launcher.json" \
  -n "rg -i -F -f keywords" "rg -c -i -F -f $kw $src" \
  --export-markdown "$work/tree.md" --export-json "$work/tree.json" 2>&1 | grep -E "^Benchmark|Time|Range|faster|±" || true
# medians and CPU (user + sys, the steadier figure on a shared machine), each as a ratio to ripgrep of the same run
python3 - "$work/tree.json" <<'PY'
import json, statistics, sys
res = json.load(open(sys.argv[1]))["results"]
rg = [r for r in res if r["command"].startswith("rg ")][0]
rw, rc = statistics.median(rg["times"]), rg["user"] + rg["system"]
print("| command | wall, median (min-max) | user + sys, mean | ratio to rg: wall / CPU |\n|---|---:|---:|---:|")
for r in res:
    w, c = statistics.median(r["times"]), r["user"] + r["system"]
    print(f"| {r['command']} | {w:.3f} s ({min(r['times']):.2f}-{max(r['times']):.2f}) | {c:.2f} s | {w / rw:.2f}x / {c / rc:.2f}x |")
PY
echo "## load after the whole-tree runs: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BEFORE:-}" ]; then
  python3 - "$work/lint-before.json" "$work/lint-launcher.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
same = a["findings"] == b["findings"]
print(f"## findings before/after: {len(a['findings'])}/{len(b['findings'])}, identical: {same}")
PY
fi
[ -z "${ONLY_TREE:-}" ] || exit 0
for cmd in "java -cp $jar:$cls SecretsBench $src" "rg -c -i -F -f $kw $src"; do
  /usr/bin/time -f "peak RSS %M KB, user %U s, sys %S s, wall %e s: ${cmd%% *} ${cmd##* }" $cmd >/dev/null 2>"$work/time.txt" || true
  tail -1 "$work/time.txt"
done

# 2. secretlint on the first 3000 files (it slows super-linearly)
small=$work/jdk-3000
if [ ! -d "$small" ]; then
  mkdir -p "$small"
  (cd "$src" && find . -type f -name '*.java' | sort | awk 'NR<=3000' > "$work/first-3000.txt" && tar -cf - -T "$work/first-3000.txt" | tar -xf - -C "$small")
  cp -r "$src/planted" "$small/"
fi
sl=$work/secretlint
if [ ! -x "$sl/node_modules/.bin/secretlint" ] && command -v npm >/dev/null; then
  mkdir -p "$sl" && (cd "$sl" && npm init -y >/dev/null && npm install --no-audit --no-fund secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null 2>&1)
fi
if [ -x "$sl/node_modules/.bin/secretlint" ]; then
  echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$sl/.secretlintrc.json"
  echo; echo "### first 3000 files ($(du -sh "$small" | cut -f1)): devops vs secretlint vs ripgrep"
  # secretlint takes minutes here: one run each, timed with /usr/bin/time
  for cmd in "java -cp $jar:$cls SecretsBench $small" "rg -c -i -F -f $kw $small" \
      "$sl/node_modules/.bin/secretlint --secretlintrc $sl/.secretlintrc.json '$small/**/*'"; do
    /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB: $(basename "${cmd%% *}")" sh -c "$cmd" >/dev/null 2>"$work/time.txt" || true
    tail -1 "$work/time.txt"
  done
fi

# 3. pre-commit: lint --staged on a one-file change (process start included)
repo=$work/staged-repo
if [ ! -d "$repo/.git" ]; then
  "$here/gen-history.sh" "$repo" 2000 >/dev/null
fi
(cd "$repo" && echo "// touched $(date +%s)" >> src/mod001/File001.java && git add src/mod001/File001.java)
cds=$work/devops.jsa
(cd "$repo" && java -XX:ArchiveClassesAtExit="$cds" -jar "$jar" lint --staged >/dev/null 2>&1 || true)
echo; echo "### lint --staged, one staged file (process start included)"
(cd "$repo" && hyperfine -N -w 3 -r $((runs * 4)) -i \
  -n "java -jar devops.jar lint --staged" "java -jar $jar lint --staged" \
  -n "same, AppCDS archive + C1 only" "java -XX:SharedArchiveFile=$cds -XX:TieredStopAtLevel=1 -jar $jar lint --staged" \
  -n "git diff --cached -U0 (floor)" "git diff --cached -U0" \
  --export-markdown "$work/staged.md" 2>&1 | grep -E "^Benchmark|Time|Range|faster|±" || true)

# 4. history of a generated 10,000-commit repository
hist=$work/history-10k
if [ ! -d "$hist/.git" ]; then
  "$here/gen-history.sh" "$hist" 10000 >/dev/null
fi
echo; echo "### lint --history, $(git -C "$hist" rev-list --count HEAD) commits"
(cd "$hist" && /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" java -jar "$jar" lint --history --format json --output "$work/history.json" 2>&1 | tail -1 || true)
python3 -c "import json,sys; d=json.load(open('$work/history.json')); print('history findings:', len(d['findings']), 'blobs scanned:', d['stats']['filesScanned'])"
echo "## load after: $(cut -d' ' -f1-3 /proc/loadavg)"
