"""Scores lint JSON reports against labels.tsv. Usage: score.py labels.tsv repos.tsv REPORT_DIR"""
import collections, json, os, sys

labels_path, repos_path, reports = sys.argv[1:4]
labels = {}
misses = []
for row in list(open(labels_path, encoding='utf-8'))[1:]:
    repo, commit, path, line, rule, label, cls = row.rstrip('\n').split('\t')
    if label == 'miss':
        misses.append((repo, path, int(line), cls))
    else:
        labels[(repo, path, int(line), rule)] = (label, cls)

WARNING_CLASSES = ('default-credential',)  # a true finding of these classes belongs at warning, not error
found = {}
for row in list(open(repos_path, encoding='utf-8'))[1:]:
    name = row.split('\t')[0]
    report = os.path.join(reports, name + '.json')
    if not os.path.exists(report):
        print('no report for', name); continue
    for f in json.load(open(report, encoding='utf-8'))['findings']:
        if f['severity'] not in ('error', 'warning'):
            continue
        key = (name, f['path'], f['line'], f['rule'])
        if key not in found or f['severity'] == 'error':
            found[key] = f['severity']

def family(rule):
    return 'secrets' if rule.startswith('SEC') else {'DC': 'compose', 'DF': 'dockerfile', 'EN': 'env', 'DR': 'drift'}.get(rule[:2], 'other')

per_rule = collections.defaultdict(lambda: [0, 0, 0])   # true, false, unlabelled
per_sev = collections.defaultdict(lambda: [0, 0, 0])
sev_wrong = collections.Counter()
unlabelled = []
for key, sev in sorted(found.items()):
    lab = labels.get(key)
    i = 2 if lab is None else 0 if lab[0] == 'true' else 1
    per_rule[(key[3], sev)][i] += 1
    per_sev[(family(key[3]), sev)][i] += 1
    if lab is None:
        unlabelled.append(key)
    elif lab[0] == 'true' and sev == 'error' and lab[1].startswith(WARNING_CLASSES):
        sev_wrong[family(key[3])] += 1

def p(t, f):
    return '%.2f' % (t / (t + f)) if t + f else '-'

print('## precision per rule (error/warning findings; unlabelled findings are not counted)')
print('| rule | severity | true | false | unlabelled | precision |')
print('|---|---|---:|---:|---:|---:|')
for (rule, sev), (t, f, u) in sorted(per_rule.items()):
    print(f'| {rule} | {sev} | {t} | {f} | {u} | {p(t, f)} |')
print()
print('## precision per family and severity')
print('| family | severity | true | false | unlabelled | precision | true but belongs at warning |')
print('|---|---|---:|---:|---:|---:|---:|')
for (fam, sev), (t, f, u) in sorted(per_sev.items()):
    print(f'| {fam} | {sev} | {t} | {f} | {u} | {p(t, f)} | {sev_wrong[fam] if sev == "error" else ""} |')
print()
# recall: labelled true secret findings (any rule) and misses, by location; found at any severity / at error
positives = {}
for (repo, path, line, rule), (label, cls) in labels.items():
    if label == 'true' and rule.startswith('SEC'):
        positives[(repo, path, line)] = cls
for repo, path, line, cls in misses:
    positives[(repo, path, line)] = cls
by_loc = collections.defaultdict(set)
for (repo, path, line, rule), sev in found.items():
    if rule.startswith('SEC') or rule in ('DC0003', 'DF0020', 'ENV0004'):
        by_loc[(repo, path, line)].add(sev)
    if rule in ('ENV0004', 'SEC0050'):
        by_loc[(repo, path, 0)].add(sev)
hit_any = sum(1 for k in positives if by_loc.get(k) or by_loc.get(k[:2] + (0,)))
live = [k for k, c in positives.items() if not c.startswith(WARNING_CLASSES)]
hit_err = sum(1 for k in live if by_loc.get(k) or by_loc.get(k[:2] + (0,)))
print('## secret recall (labelled true positives and misses found by reading)')
print(f'- any severity: {hit_any}/{len(positives)} = {p(hit_any, len(positives) - hit_any)}')
print(f'- live-looking credentials (provider tokens, keys, long-lived tokens), any severity: {hit_err}/{len(live)} = {p(hit_err, len(live) - hit_err)}')
missed = sorted(k for k in positives if not (by_loc.get(k) or by_loc.get(k[:2] + (0,))))
for k in missed:
    print('  missed:', *k)
if unlabelled:
    print()
    print(f'## {len(unlabelled)} unlabelled findings (label them in labels.tsv)')
    for k in unlabelled:
        print('  ', *k, found[k])
