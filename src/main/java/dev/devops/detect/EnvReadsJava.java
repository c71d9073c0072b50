package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java/Kotlin env reads: {@code System.getenv("X")} (with its null test or fallback), {@code getOrDefault}, Spring
 * {@code @Value("${X:default}")}.
 */
final class EnvReadsJava extends EnvReads {
    private static final Pattern JAVA_GETENV = Pattern.compile("\\bSystem\\.getenv\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern JAVA_GETENV_DEFAULT = Pattern.compile(
            "\\bSystem\\.getenv\\(\\s*\\)\\s*\\.getOrDefault\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern JAVA_VALUE = Pattern.compile("@Value\\(\\s*(?:value\\s*=\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Java/Kotlin null handling right after a getenv: a test, or a fallback. */
    private static final Pattern JAVA_NULL_TEST = Pattern.compile("\\s*\\)\\s*(?:[!=]=\\s*null|\\?:)");
    private static final Pattern JAVA_FALLBACK = Pattern.compile(
            "\\s*\\)\\s*(?:\\?:\\s*\"([^\"]*)\"|\\)\\s*\\.orElse\\(\\s*\"([^\"]*)\"|,\\s*\"([^\"]*)\"\\s*\\))");
    private static final Pattern JAVA_WRAPPED = Pattern.compile("\\b(?:Optional\\.ofNullable|Objects\\.requireNonNullElse)\\(\\s*$");

    EnvReadsJava(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.JAVA, out);
    }

    @Override
    void read() {
        Matcher m = JAVA_GETENV.matcher(text);
        while (m.find()) {
            int close = m.end() - 1; // the getenv call's ')'
            Matcher fb = JAVA_FALLBACK.matcher(text).region(close, text.length());
            boolean wrapped = JAVA_WRAPPED.matcher(text).region(Math.max(0, m.start() - 60), m.start()).find();
            String def = null;
            if (fb.lookingAt() && (wrapped || fb.group(1) != null)) {
                def = fb.group(1) != null ? fb.group(1) : fb.group(2) != null ? fb.group(2) : fb.group(3);
            }
            boolean tested = wrapped || JAVA_NULL_TEST.matcher(text).region(close, text.length()).lookingAt();
            add(m.group(1), m.start(1), def, Kind.SYSTEM_GETENV, def == null && tested);
        }
        m = JAVA_GETENV_DEFAULT.matcher(text);
        while (m.find()) {
            add(m.group(1), m.start(1), m.group(2), Kind.SYSTEM_GETENV);
        }
        m = JAVA_VALUE.matcher(text);
        while (m.find()) {
            placeholders(m.start(1), m.end(1), false);
        }
    }
}
