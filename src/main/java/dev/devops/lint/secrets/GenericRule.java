package dev.devops.lint.secrets;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One generic secret rule (SEC0001–SEC0099): its id, severity, title, explanation, literal match/ignore examples and
 * its check, in one unit ({@code SEC0020UriPassword}: a {@code RULE} constant made with {@link #rule} and the check
 * beside it), registered by one line in {@link GenericRules}. The provider rules (SEC0100 and up) carry the same parts
 * as data ({@code rules/*.yaml}); {@code SecretRulesExamplesTest} checks both kinds of examples.
 *
 * <p>A rule's check is made of parts of three kinds, which {@link SecretScanner} runs; it makes the fingerprints
 * ({@link ScanJob#emit}) and turns a part that throws into one LINT0000 naming the rule, once for every rule:
 * <ul>
 * <li>keyword parts: {@link Detector}s behind the keyword prefilter, run on the lines where their keywords occur;
 * <li>file parts ({@link FileCheck}): run once over a whole decoded file they apply to (a committed .env file, a YAML
 * manifest, a .pgpass file), after the keyword parts;
 * <li>a binary part ({@link BinaryCheck}): run on the raw bytes of a file it recognises (a keystore), instead of
 * the text scan.
 * </ul>
 * Parsing that several rules share is one helper they call: the PEM block reader ({@link PemBlocks}, SEC0001–SEC0003),
 * the assignment forms ({@link Assignments}, SEC0030, SEC0031, SEC0051), which read a line once for all of them.
 */
public final class GenericRule {
    /** How a finding of the rule overlaps a finding of another rule on the same line ({@link SecretScanner#dedupe}). */
    enum Overlap {
        /** A specific finding: a generic assignment finding on its line gives way to it. */
        LINE,
        /** Specific for its own field only (Password=… of a connection string): other fields keep their findings. */
        FIELD,
        /** A generic assignment finding: dropped when a specific finding is on its line or at its place. */
        YIELDS,
        /** Neither (a whole-file finding). */
        NONE
    }

    private final RuleInfo info;
    private final Examples examples;
    final boolean nameBased;
    final Overlap overlap;
    final List<Detector> detectors;
    final List<FileCheck> files;
    final BinaryCheck binary;

    private GenericRule(Builder b) {
        this.info = b.info;
        this.examples = b.examples;
        this.nameBased = b.nameBased;
        this.overlap = b.overlap;
        this.detectors = List.copyOf(b.detectors);
        this.files = List.copyOf(b.files);
        this.binary = b.binary;
    }

    /** Id, title, default severity and the explanation {@code devops rules ID} prints. */
    public RuleInfo info() {
        return info;
    }

    /** The literal texts the rule must find, and near misses it must not, each in the file it is scanned as. */
    public Examples examples() {
        return examples;
    }

    /** Starts a unit's rule. */
    static Builder rule(String id, Severity severity, String title, String explanation) {
        return new Builder(new RuleInfo(id, title, severity, GenericRules.CATEGORY, explanation));
    }

    /** A part of a check run once over a whole decoded file. */
    interface FileCheck {
        /** Whether the file (its path, kind, and whether git tracks it) gets this part. */
        boolean appliesTo(String path, FileKind kind, boolean committed);

        void scan(ScanJob job, SecretScanner scanner);
    }

    /** A part of a check that recognises a binary file by its bytes and then reads only them. */
    interface BinaryCheck {
        boolean recognises(byte[] bytes, int length);

        void scan(ScanJob job, byte[] bytes, int length);
    }

    /**
     * A rule's examples, the shape of the provider rules' {@code examples.match} / {@code examples.ignore}. A generic
     * rule depends on the file a text is in (code, config, env file, manifest), so the examples name the file they are
     * scanned as; an example may name its own. {@code committed}: the file is tracked by git; {@code binary}: the text
     * is bytes (each char one byte, ISO-8859-1).
     */
    public record Examples(String file, boolean committed, boolean binary, List<Example> match, List<Example> ignore) {
        public Examples {
            match = List.copyOf(match);
            ignore = List.copyOf(ignore);
        }

        /** Examples scanned as {@code file}. */
        static Examples in(String file) {
            return new Examples(file, false, false, List.of(), List.of());
        }

        Examples tracked() {
            return new Examples(file, true, binary, match, ignore);
        }

        Examples asBytes() {
            return new Examples(file, committed, true, match, ignore);
        }

        Examples match(String text) {
            return match(file, text);
        }

        Examples match(String inFile, String text) {
            List<Example> m = new ArrayList<>(match);
            m.add(new Example(inFile, text));
            return new Examples(file, committed, binary, m, ignore);
        }

        Examples ignore(String text) {
            return ignore(file, text);
        }

        Examples ignore(String inFile, String text) {
            List<Example> i = new ArrayList<>(ignore);
            i.add(new Example(inFile, text));
            return new Examples(file, committed, binary, match, i);
        }
    }

    /** One example text and the file it is scanned as. */
    public record Example(String file, String text) {
    }

    /** Builds a unit's {@code RULE}: metadata first, then examples and the parts of its check. */
    static final class Builder {
        private final RuleInfo info;
        private Examples examples;
        private boolean nameBased;
        private Overlap overlap = Overlap.LINE;
        private final List<Detector> detectors = new ArrayList<>();
        private final List<FileCheck> files = new ArrayList<>();
        private BinaryCheck binary;

        private Builder(RuleInfo info) {
            this.info = info;
        }

        Builder examples(Examples e) {
            this.examples = e;
            return this;
        }

        /**
         * The rule judges a value by the name it is assigned to or the form it sits in, not by its own format: in a CI
         * pipeline that runs tests its findings are warnings at most.
         */
        Builder nameBased() {
            this.nameBased = true;
            return this;
        }

        Builder overlap(Overlap o) {
            this.overlap = o;
            return this;
        }

        /** A keyword part; it gets the rule's metadata to report with. */
        Builder keyword(Function<RuleInfo, Detector> part) {
            detectors.add(part.apply(info));
            return this;
        }

        /** A whole-file part. */
        Builder file(Function<RuleInfo, FileCheck> part) {
            files.add(part.apply(info));
            return this;
        }

        /** The binary part. */
        Builder binary(Function<RuleInfo, BinaryCheck> part) {
            binary = part.apply(info);
            return this;
        }

        GenericRule build() {
            if (examples == null || examples.match().isEmpty() || examples.ignore().isEmpty()) {
                throw new IllegalStateException(info.id() + ": a generic rule needs match and ignore examples");
            }
            if (detectors.isEmpty() && files.isEmpty() && binary == null) {
                throw new IllegalStateException(info.id() + ": a generic rule needs a check");
            }
            return new GenericRule(this);
        }
    }
}
