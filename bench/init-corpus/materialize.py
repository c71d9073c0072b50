#!/usr/bin/env python3
"""Write the tree of COMMIT from a (possibly partial) git mirror into DEST, skipping blobs
the mirror does not hold (the fetch snapshots omit their largest files)."""
import os, subprocess, sys

def main():
    mirror, commit, dest = sys.argv[1:4]
    out = subprocess.run(["git", "--git-dir", mirror, "ls-tree", "-r", "-z", commit],
                         check=True, capture_output=True).stdout
    entries = []
    for rec in out.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob":
            entries.append((mode, sha.decode(), path.decode()))
    cat = subprocess.Popen(["git", "--git-dir", mirror, "cat-file", "--batch"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    missing = 0
    for mode, sha, path in entries:
        cat.stdin.write((sha + "\n").encode()); cat.stdin.flush()
        header = cat.stdout.readline().split()
        if len(header) < 3:
            missing += 1
            continue
        data = cat.stdout.read(int(header[2])); cat.stdout.read(1)
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if mode == b"120000":
            try: os.symlink(data.decode(), target)
            except OSError: pass
            continue
        with open(target, "wb") as f:
            f.write(data)
        if mode == b"100755":
            os.chmod(target, 0o755)
    cat.stdin.close(); cat.wait()
    if missing:
        print(f"materialize: {missing} blob(s) absent from the mirror, skipped", file=sys.stderr)

main()
