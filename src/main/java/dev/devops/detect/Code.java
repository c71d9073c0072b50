package dev.devops.detect;

import dev.devops.files.FileKinds;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Literal facts found in an app's source files: the port it listens on, its health route. */
final class Code {
    /** A literal found in a file. */
    record Hit(String value, String file, int line) {
        String where() {
            return file + ":" + line;
        }
    }

    private static final List<String> HEALTH_PATHS = List.of("/health", "/healthz", "/ready", "/api/health");
    private static final Pattern HEALTH = Pattern.compile("[\"'`](/health|/healthz|/ready|/api/health)/?[\"'`]");

    private Code() {
    }

    /** The first match of {@code p} (its first group that matched), in files mentioning one of {@code keywords}, in {@code files} accepted by {@code filter}, or null. */
    static Hit first(RepoFiles repo, List<String> files, Predicate<String> filter, Pattern p, String... keywords) {
        for (String f : files) {
            if (!filter.test(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null || !mentionsAny(text, keywords)) {
                continue;
            }
            Matcher m = p.matcher(text);
            if (m.find()) {
                int g = 1;
                while (m.group(g) == null) {
                    g++;
                }
                return new Hit(m.group(g), f, new SourceLexer.Lines(text).line(m.start(g)));
            }
        }
        return null;
    }

    /** True when {@code keywords} is empty or one of them occurs in {@code text} (a cheap prefilter). */
    private static boolean mentionsAny(String text, String... keywords) {
        for (String k : keywords) {
            if (text.contains(k)) {
                return true;
            }
        }
        return keywords.length == 0;
    }

    /** A health route literal ('/health', '/healthz', '/ready', '/api/health'), preferring that order. */
    static Hit health(RepoFiles repo, List<String> files, Predicate<String> filter) {
        List<Hit> all = healthRoutes(repo, files, filter);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every health route literal of {@link #health}, in its order of preference (then file order). */
    static List<Hit> healthRoutes(RepoFiles repo, List<String> files, Predicate<String> filter) {
        List<Hit> all = new java.util.ArrayList<>();
        for (String f : files) {
            if (!filter.test(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            if (!text.contains("/health") && !text.contains("/ready")) {
                continue;
            }
            Matcher m = HEALTH.matcher(text);
            SourceLexer.Lines lines = new SourceLexer.Lines(text);
            while (m.find()) {
                all.add(new Hit(m.group(1), f, lines.line(m.start(1))));
            }
        }
        all.sort(java.util.Comparator.comparingInt(h -> HEALTH_PATHS.indexOf(h.value())));
        return all;
    }

    /** Files by extension: {@code ext("js", "ts")}. */
    static Predicate<String> ext(String... exts) {
        return f -> {
            String lower = f.toLowerCase(Locale.ROOT);
            for (String e : exts) {
                if (lower.endsWith("." + e)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Whether a path looks like a test (only production code decides ports, routes and env vars). */
    static boolean isTest(String rel) {
        return FileKinds.isTest(rel);
    }

    /** A port number 1–65535 from text, or null. */
    static Integer port(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            return p >= 1 && p <= 65535 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
