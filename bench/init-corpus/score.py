#!/usr/bin/env python3
"""Scores one `devops init` run per repository (done by score.sh) against expectations.tsv."""
import collections, os, re, sys
import yaml

CLASSES = {1: "optional vs required", 2: "services wired", 3: "helpers/config maps", 4: "apps, processes, ports, commands",
           5: "runtime version", 6: "render --check", 7: "compose 1.29", 8: "render own files", 9: "up --wait",
           10: "unread service", 11: "Node without lockfile",
           # beyond issue 9's numbering: what a stack that starts needs besides its variables
           12: "files the app opens at run time are in its image", 13: "migrate step before the app"}

def load(path):
    try:
        with open(path) as f:
            return yaml.safe_load(f) or {}
    except (OSError, yaml.YAMLError):
        return {}

def text(v):
    if v is None: return ""
    if isinstance(v, list): return " ".join(str(x) for x in v)
    return str(v)

def program(a):
    """The Go package a Go app builds ('go build … ./cmd/counter' -> 'cmd/counter'), or None: several programs of one
    module share the module root as their path, and the program is what tells them apart."""
    build = a.get("build") or []
    rt = a.get("runtime") or {}
    if not isinstance(build, list) or not build: return None
    if rt.get("language") == "java":  # the module a multi-module build builds for this app: -pl X, :X:bootJar
        m = re.search(r"-pl\s+(\S+)|^:([\w.:-]+):\w*[jJ]ar$", " ".join(str(x) for x in build) if "-pl" in build else
                      next((str(x) for x in build if str(x).startswith(":")), ""))
        if not m: return None
        return os.path.normpath(os.path.join(str(a.get("path", ".")), (m.group(1) or m.group(2)).replace(":", "/")))
    if rt.get("language") != "go": return None
    last = str(build[-1])
    if not last.startswith("./") or last == "./": return None
    base = str(a.get("path", "."))
    return os.path.normpath(os.path.join(base, last[2:]))

def app_ids(apps, by_program=False):
    paths = collections.Counter(str(a.get("path", ".")) for a in apps.values())
    ids = {}
    for name, a in apps.items():
        p = str(a.get("path", "."))
        if by_program and program(a): ids[name] = program(a)
        else: ids[name] = p if paths[p] == 1 else (program(a) or name)
    return ids

def find_app(apps, want):
    for name, a in apps.items():
        if str(a.get("path", ".")) == want and sum(1 for b in apps.values() if str(b.get("path", ".")) == want) == 1:
            return name, a
    for name, a in apps.items():
        if program(a) == want:
            return name, a
    for name, a in apps.items():
        if name == want or name == os.path.basename(want):
            return name, a
    return None, None

def dockerfile_of(d, name, app):
    if app.get("dockerfile"):  # the repository's own Dockerfile builds the app (apps.X.dockerfile)
        own = os.path.join(d, str(app["dockerfile"]))
        if os.path.isfile(own):
            with open(own, errors="replace") as f:
                return own, f.read()
    path = os.path.join(d, str(app.get("path", ".")))
    build = text(app.get("build"))
    m = re.search(r"-pl\s+(\S+)|:([\w.-]+):bootJar", build)
    cands = []
    if m: cands.append(os.path.join(path, (m.group(1) or m.group(2)).replace(":", "/"), "Dockerfile"))
    cands.append(os.path.join(path, "Dockerfile"))
    for c in cands:
        if os.path.isfile(c):
            with open(c, errors="replace") as f:
                return c, f.read()
    return None, ""

def copies_exist(d, app, dockerfile):
    base = os.path.join(d, str(app.get("path", ".")))
    bad = []
    for line in dockerfile.splitlines():
        line = line.strip()
        if not line.upper().startswith("COPY ") or "--from" in line: continue
        toks = [t for t in line.split()[1:] if not t.startswith("--")]
        if toks and toks[0].startswith("["): continue
        for src in toks[:-1]:
            if any(ch in src for ch in "*?[$") or src in (".", "./"): continue
            if not os.path.exists(os.path.join(base, src)): bad.append(src)
    return bad

def check(d, rc, app_col, field, expected):
    if rc != 0:
        return False, f"init exit {rc}"
    desc = load(os.path.join(d, "devops.yaml"))
    compose = load(os.path.join(d, "docker-compose.yml"))
    apps = desc.get("apps") or {}
    services = desc.get("services") or {}
    csvc = (compose.get("services") or {})
    if app_col == "*":
        ids = set(app_ids(apps).values())
        if field == "apps":
            want = set(expected.split(","))
            alt = set(app_ids(apps, True).values())  # a Go app named by the program it builds
            return ids == want or alt == want, ",".join(sorted(ids if ids == want or alt != want else alt))
        if field == "not-app":
            name, _ = find_app(apps, expected)
            return name is None, ",".join(sorted(ids))
        if field in ("service", "services"):
            types = {s if not isinstance(v, dict) or "type" not in v else v["type"] for s, v in services.items()}
            if field == "services":  # the exact set of backing services ("-": none)
                want = set() if expected == "-" else set(expected.split(","))
                return types == want, ",".join(sorted(types)) or "-"
            return expected in types, ",".join(sorted(types)) or "-"
        if field == "migrate":
            # a one-shot service some app waits for (condition: service_completed_successfully) that runs the
            # expected command (or mounts the expected migrations dir); "-": no such service
            waited = set()
            for v in csvc.values():
                deps = (v or {}).get("depends_on") if isinstance(v, dict) else None
                if isinstance(deps, dict):
                    waited |= {k for k, c in deps.items() if isinstance(c, dict)
                               and c.get("condition") == "service_completed_successfully"}
            hay = {k: " ".join([text(csvc[k].get("command")), text(csvc[k].get("entrypoint")),
                                text(csvc[k].get("volumes"))]) for k in waited if isinstance(csvc.get(k), dict)}
            if expected == "-":
                return not hay, ",".join(sorted(hay)) or "none"
            return any(expected in h for h in hay.values()), " | ".join(f"{k}: {h.strip()}" for k, h in hay.items()) or "none"
        if field == "process":
            cmds = [text(v.get("command")) + " " + text(v.get("entrypoint")) for v in csvc.values() if isinstance(v, dict)]
            for a in apps.values():
                for p in (a.get("processes") or {}).values():
                    cmds.append(text(p.get("start") if isinstance(p, dict) else p))
            return any(expected in c for c in cmds), " | ".join(c.strip() for c in cmds if c.strip()) or "-"
        return False, f"unknown field {field}"
    name, app = find_app(apps, app_col)
    if app is None:
        return False, "no such app (" + ",".join(sorted(app_ids(apps).values())) + ")"
    rt = app.get("runtime") or {}
    dpath, dfile = dockerfile_of(d, name, app)
    if field == "stack": actual = str(rt.get("language")); return actual == expected, actual
    if field == "framework": actual = str(rt.get("framework")); return actual == expected, actual
    if field == "version":
        actual = str(rt.get("version"))
        return actual == expected or actual.startswith(expected + "."), actual
    if field == "port": actual = str(app.get("port")); return actual == expected, actual
    if field == "healthcheck": actual = str(app.get("healthcheck")); return actual == expected, actual
    if field in ("start", "build", "listen"):
        key = "start" if field != "build" else "build"
        hay = text(app.get(key))
        for line in dfile.splitlines():
            s = line.strip()
            if (field != "build" and re.match(r"(CMD|ENTRYPOINT)\b", s)) or (field == "build" and s.startswith("RUN")):
                hay += " || " + s
        if field == "listen":
            env = (csvc.get(name) or {}).get("environment") or {}
            vals = env.values() if isinstance(env, dict) else env
            hay += " || " + " ".join(str(v) for v in vals)
        return expected in hay, hay.strip()[:160] or "-"
    if field == "env-default":  # the value the stack gives a variable (a backend selector's choice)
        var, _, val = expected.partition("=")
        v = (app.get("env") or {}).get(var)
        if v is None: return False, "not read"
        actual = str((v or {}).get("default", ""))
        return actual == val, "default " + (actual or "-")
    if field in ("env-from", "env-required", "env-optional"):
        env = app.get("env") or {}
        var, _, svc = expected.partition("=")
        v = env.get(var)
        if v is None: return False, "not read"
        v = v or {}
        if field == "env-from":
            frm = str(v.get("from", ""))
            return (frm == svc) if "." in svc else frm.startswith(svc + "."), "from " + str(v.get("from", "-"))
        req = bool(v.get("required"))
        return req == (field == "env-required"), "required" if req else "optional"
    if field == "runtime-file":
        # the runtime (last) stage of the app's image carries this path of the app (a COPY naming it, or the whole tree)
        if dpath is None: return False, "no Dockerfile"
        last = dfile.split("\nFROM ")[-1]
        copies = [l.strip() for l in last.splitlines() if l.strip().upper().startswith("COPY ")]
        whole = any(re.match(r"COPY\s+(--chown=\S+\s+)?\.\s+\S+$", c) for c in copies)
        named = any(re.search(r"(^|[\s/\"])" + re.escape(expected) + r"(/|\s|$|\")", c) for c in copies)
        return whole or named, " | ".join(copies)[:160] or "-"
    if field == "dockerfile-copies-exist":
        if dpath is None: return False, "no Dockerfile"
        bad = copies_exist(d, app, dfile)
        return not bad, "missing: " + ",".join(bad) if bad else "ok"
    return False, f"unknown field {field}"

def main():
    tsv, work = sys.argv[1], sys.argv[2]
    filters = sys.argv[3:]
    per_class = collections.defaultdict(lambda: [0, 0])
    per_repo = collections.defaultdict(lambda: [0, 0])
    with open(tsv) as f:
        rows = [l.rstrip("\n").split("\t") for l in f][1:]
    for repo, commit, app, field, expected, cls in rows:
        if filters and not any(x in repo for x in filters): continue
        d = os.path.join(work, repo.replace("/", "+"))
        try: rc = int(open(d + ".rc").read().strip())
        except OSError: rc = 99
        ok, actual = check(d, rc, app, field, expected)
        per_class[int(cls)][0] += ok; per_class[int(cls)][1] += 1
        per_repo[repo][0] += ok; per_repo[repo][1] += 1
        print(f"{'pass' if ok else 'FAIL'}\t{cls}\t{repo}\t{app}\t{field}\t{expected}\t{actual}")
    print()
    print("| class | what | pass | total |")
    print("|---|---|---|---|")
    tp = tt = 0
    for c in sorted(per_class):
        p, t = per_class[c]; tp += p; tt += t
        print(f"| {c} | {CLASSES[c]} | {p} | {t} |")
    print(f"| all | | {tp} | {tt} ({100.0 * tp / max(tt, 1):.0f}%) |")
    print()
    for r in sorted(per_repo):
        p, t = per_repo[r]
        print(f"{r}: {p}/{t}")

main()
