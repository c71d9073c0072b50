package dev.devops.lint.secrets;

import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.secrets.rules.SecretRule;
import dev.devops.lint.secrets.rules.Validators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The secret scanning engine: one keyword automaton over every detector's keywords (provider rules
 * from the rules data, and the keyword parts of the generic rules registered in {@link GenericRules}),
 * so that a file is read once and a detector's regex runs only on the lines where one of its keywords
 * occurs; then the generic rules' whole-file parts, or instead of all that their binary part. It names
 * the rule in a LINT0000 when a part fails, and the findings' fingerprints are made in one place
 * ({@link ScanJob#emit}). Immutable and thread-safe; each scan keeps its state in a {@link ScanJob}.
 */
public final class SecretScanner {
    private final Detector[] detectors;
    /** Per detector: the rule a LINT0000 names when it fails (a generic rule's id, or the provider rule's). */
    private final String[] owners;
    private final List<ProviderRuleDetector> unkeyed = new ArrayList<>();
    private final KeywordAutomaton automaton;
    /** The generic rules' whole-file and binary parts, with the ids of their rules. */
    private final List<GenericRule.FileCheck> fileChecks = new ArrayList<>();
    private final List<String> fileCheckOwners = new ArrayList<>();
    private final List<GenericRule.BinaryCheck> binaryChecks = new ArrayList<>();
    private final List<String> binaryCheckOwners = new ArrayList<>();
    private final List<RuleInfo> rules = new ArrayList<>();
    /** Per-thread working arrays of {@link #scanFile}, reused from file to file (made at a thread's first file). */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

    private Scratch newScratch() {
        return new Scratch(detectors.length);
    }

    /** One thread's working state of file scans: hit lists and per-detector arrays that every file needs afresh. */
    private static final class Scratch {
        final KeywordAutomaton.Lanes lanes = new KeywordAutomaton.Lanes();
        /** {@link #dropRejectedHits}: per slot, 1 + the start of the line its verdict is for, 0 for none. */
        final int[] verdictLine;
        final boolean[] verdict;
        /** {@link Runner}: per slot, the offset its last scan ran to, and whether it applies to the file. */
        final int[] ranUntil;
        final boolean[] applies;

        Scratch(int detectors) {
            verdictLine = new int[detectors];
            verdict = new boolean[detectors];
            ranUntil = new int[detectors];
            applies = new boolean[detectors];
        }
    }

    /** With the built-in checksum validators. */
    public SecretScanner(List<SecretRule> providerRules) {
        this(providerRules, Validators::valid);
    }

    /** @param validators (validator id, secret) → whether the secret's checksum is right */
    public SecretScanner(List<SecretRule> providerRules, BiPredicate<String, String> validators) {
        List<Detector> ds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (GenericRule g : GenericRules.all()) {
            String id = g.info().id();
            rules.add(g.info());
            ids.add(id);
            for (Detector d : g.detectors) {
                ds.add(d);
                names.add(id);
            }
            for (GenericRule.FileCheck f : g.files) {
                fileChecks.add(f);
                fileCheckOwners.add(id);
            }
            if (g.binary != null) {
                binaryChecks.add(g.binary);
                binaryCheckOwners.add(id);
            }
        }
        Assignments.fuse(ds, names); // the assignment forms' parts of SEC0030/0031/0051: one read per hit for all
        Assignments.fuse(fileChecks, fileCheckOwners);
        for (SecretRule r : providerRules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate secret rule id " + r.id());
            }
            ProviderRuleDetector d = new ProviderRuleDetector(r, validators);
            rules.add(d.info);
            if (r.keywords().isEmpty()) {
                unkeyed.add(d);
            } else {
                ds.add(d);
                names.add(d.id());
            }
        }
        detectors = ds.toArray(new Detector[0]);
        owners = names.toArray(new String[0]);
        List<List<String>> keywords = new ArrayList<>();
        for (Detector d : detectors) {
            keywords.add(d.keywords());
        }
        automaton = new KeywordAutomaton(keywords);
    }

    /** Every rule this scanner reports: the generic ones first, then the provider rules in data order. */
    public List<RuleInfo> rules() {
        return List.copyOf(rules);
    }

    int keywordStates() {
        return automaton.states();
    }

    /**
     * Scans one text.
     *
     * @param path        repository-relative path (decides the file kind: code, config, env, lock file …)
     * @param text        the whole file, or added lines
     * @param lineNumbers null for a whole file, else the file line of each text line
     * @param properties  copied into every finding (commit, author, date)
     * @param allow       the value allowlist (regexes, stopwords)
     * @param committed   whether the file is tracked, staged or committed (a committed .env is a finding)
     */
    public List<Finding> scan(String path, String text, int[] lineNumbers, Map<String, String> properties,
            Allowlist allow, boolean committed) {
        ScanJob job = new ScanJob(path, text, lineNumbers, properties, allow);
        if (job.kind == FileKind.LOCKFILE) {
            return List.of();
        }
        scanText(job);
        return finish(job, committed);
    }

    /**
     * Scans a file's bytes: the keyword automaton runs over the raw bytes, so a file without any
     * keyword is never decoded; for pure-ASCII files the byte offsets of the hits are the char offsets.
     */
    public List<Finding> scanFile(String path, byte[] bytes, Allowlist allow, boolean committed) {
        return scanFile(path, bytes, bytes.length, allow, committed);
    }

    /** Scans {@code bytes[0, length)}. */
    public List<Finding> scanFile(String path, byte[] bytes, int length, Allowlist allow, boolean committed) {
        return scanFile(path, bytes, length, allow, committed, false);
    }

    /**
     * Scans {@code bytes[0, length)}; {@code envFile}: a compose {@code env_file} reaches this file, so it is
     * an env file whatever its name ({@code config/app.conf}): bare values are values, and committed it is SEC0050.
     */
    public List<Finding> scanFile(String path, byte[] bytes, int length, Allowlist allow, boolean committed,
            boolean envFile) {
        return scanFile(path, FileKind.of(path), bytes, length, allow, committed, envFile);
    }

    /** {@link #scanFile(String, byte[], int, Allowlist, boolean, boolean)} with the path's kind already known. */
    List<Finding> scanFile(String path, FileKind pathKind, byte[] bytes, int length, Allowlist allow, boolean committed,
            boolean envFile) {
        FileKind kind = pathKind;
        if (envFile && kind == FileKind.CONFIG) {
            kind = FileKind.ENV;
        }
        if (kind == FileKind.LOCKFILE) {
            return List.of();
        }
        for (int i = 0; i < binaryChecks.size(); i++) {
            GenericRule.BinaryCheck b = binaryChecks.get(i);
            if (b.recognises(bytes, length)) {
                ScanJob job = new ScanJob(path, FileKind.CONFIG, "", null, null, allow);
                guarded(job, binaryCheckOwners.get(i), () -> b.scan(job, bytes, length));
                return job.findings;
            }
        }
        Scratch work = scratch.get();
        KeywordAutomaton.HitList hits = automaton.searchLanes(bytes, length, work.lanes);
        dropRejectedHits(path, hits, bytes, length, work);
        boolean fileLevel = false;
        for (GenericRule.FileCheck f : fileChecks) {
            fileLevel |= f.appliesTo(path, kind, committed);
        }
        if (hits.isEmpty() && !fileLevel && unkeyed.isEmpty()) {
            return List.of();
        }
        // ASCII (the automaton saw no byte >= 0x80) decodes one to one: Latin-1 copies without a second pass
        String text = new String(bytes, 0, length, hits.ascii ? java.nio.charset.StandardCharsets.ISO_8859_1
                : java.nio.charset.StandardCharsets.UTF_8);
        ScanJob job = new ScanJob(path, kind, text, null, null, allow);
        if (text.length() == length) {
            Runner r = new Runner(job, work.ranUntil, work.applies);
            int[] d = hits.data;
            for (int i = 0; i < hits.size; i += 3) {
                r.hit(d[i], d[i + 1], d[i + 2]);
            }
            runUnkeyed(job);
        } else {
            scanText(job);
        }
        return finish(job, committed);
    }

    /**
     * Removes the hits their detector's byte-level checks reject ({@link Detector#acceptsHit}, then
     * {@link Detector#mayMatch} on the hit's line), before the file is decoded.
     */
    private void dropRejectedHits(String path, KeywordAutomaton.HitList hits, byte[] bytes, int length, Scratch work) {
        int[] d = hits.data;
        int kept = 0;
        FileBytes file = null;
        int lineStart = 0;
        int lineEnd = -1;
        int[] verdictLine = null; // per slot: 1 + the start of the line its verdict is for, 0 for none
        boolean[] verdict = work.verdict;
        for (int i = 0; i < hits.size; i += 3) {
            Detector det = detectors[d[i]];
            int start = d[i + 1];
            int end = d[i + 2];
            if (!det.acceptsHit(bytes, start, end)) {
                continue;
            }
            if (det.checksBytes()) {
                if (file == null) {
                    file = new FileBytes(bytes, length, hits.ascii, path);
                }
                if (start > lineEnd || start < lineStart) {
                    lineStart = file.lineStart(start);
                    lineEnd = file.lineEnd(start);
                }
                boolean ok;
                if (det.verdictPerLine()) {
                    if (verdictLine == null) {
                        verdictLine = work.verdictLine;
                        java.util.Arrays.fill(verdictLine, 0); // the previous file's lines
                    }
                    if (verdictLine[d[i]] != lineStart + 1) {
                        verdictLine[d[i]] = lineStart + 1;
                        verdict[d[i]] = det.mayMatch(file, lineStart, lineEnd, start, end);
                    }
                    ok = verdict[d[i]];
                } else {
                    ok = det.mayMatch(file, lineStart, lineEnd, start, end);
                }
                if (!ok) {
                    continue;
                }
            }
            d[kept] = d[i];
            d[kept + 1] = start;
            d[kept + 2] = end;
            kept += 3;
        }
        hits.size = kept;
    }

    private List<Finding> finish(ScanJob job, boolean committed) {
        for (int i = 0; i < fileChecks.size(); i++) {
            GenericRule.FileCheck f = fileChecks.get(i);
            if (f.appliesTo(job.path, job.kind, committed)) {
                guarded(job, fileCheckOwners.get(i), () -> f.scan(job, this));
            }
        }
        return dedupe(job.findings);
    }

    /**
     * Runs one rule's part of a scan: a bug in it (an exception, a stack overflow) becomes one LINT0000 finding
     * naming the rule, the runner's way, and the other rules' findings of the file are kept.
     */
    private static boolean guarded(ScanJob job, String rule, Runnable scan) {
        try {
            scan.run();
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            job.failed(rule, e);
            return false;
        }
    }

    /** Runs the keyword-triggered detectors over the job's text. */
    void scanText(ScanJob job) {
        automaton.search(job.text, new Runner(job, new int[detectors.length], new boolean[detectors.length]));
        runUnkeyed(job);
    }

    private void runUnkeyed(ScanJob job) {
        for (ProviderRuleDetector d : unkeyed) {
            if (d.appliesTo(job.kind)) {
                guarded(job, d.id(), () -> d.scanRegion(job, 0, job.text.length()));
            }
        }
    }

    /** Hands each keyword hit to its detector, once per line (or window) and detector. */
    private final class Runner implements KeywordAutomaton.Hits {
        private final ScanJob job;
        private final String text;
        private final int[] ranUntil;
        private final boolean[] applies;
        private int lineStart;
        private int lineEnd = -1;

        /** @param ranUntil, applies one slot per detector, overwritten here (a thread's arrays, reused per file) */
        Runner(ScanJob job, int[] ranUntil, boolean[] applies) {
            this.job = job;
            this.text = job.text;
            this.ranUntil = ranUntil;
            this.applies = applies;
            java.util.Arrays.fill(ranUntil, 0);
            for (int i = 0; i < detectors.length; i++) {
                applies[i] = detectors[i].appliesTo(job.kind);
            }
        }

        @Override
        public void hit(int slot, int start, int end) {
            if (!applies[slot] || start < ranUntil[slot]) {
                return;
            }
            if (start > lineEnd || start < lineStart) {
                lineStart = text.lastIndexOf('\n', start - 1) + 1;
                int e = text.indexOf('\n', start);
                lineEnd = e < 0 ? text.length() : e;
            }
            Detector d = detectors[slot];
            int until;
            try {
                until = d.scan(job, lineStart, lineEnd, start, end);
            } catch (RuntimeException | StackOverflowError e) {
                applies[slot] = false; // reported once; the other detectors go on with the file
                job.failed(owners[slot], e);
                return;
            }
            ranUntil[slot] = d.anchored() ? until : Math.max(end, until);
        }
    }

    /**
     * A provider rule and a generic assignment often see the same secret ({@code GITHUB_TOKEN="ghp_…"}):
     * keep the specific finding. Exact repeats (two rules of one format on one place) are kept once.
     */
    static List<Finding> dedupe(List<Finding> findings) {
        if (findings.size() < 2) {
            return findings;
        }
        Set<Integer> specificLines = new HashSet<>();
        Set<String> specificPlaces = new HashSet<>();
        for (Finding f : findings) {
            switch (GenericRules.overlap(f.rule())) {
                // one field of a line (Password=…; in a connection string): other fields keep their findings
                case FIELD -> specificPlaces.add(f.line() + ":" + f.column());
                case LINE -> specificLines.add(f.line());
                default -> {
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            if (GenericRules.overlap(f.rule()) == GenericRule.Overlap.YIELDS
                    && (specificLines.contains(f.line()) || specificPlaces.contains(f.line() + ":" + f.column()))) {
                continue;
            }
            if (seen.add(f.line() + ":" + f.column() + ":" + f.fingerprint())) {
                out.add(f);
            }
        }
        return out;
    }
}
