package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** DF0003: ADD used where COPY fits. */
final class DF0003AddWhereCopyFits {
    private DF0003AddWhereCopyFits() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0003", WARNING, "ADD used where COPY fits",
            "ADD also downloads URLs and unpacks local tar archives; for plain files that magic is a "
                    + "surprise waiting to happen. Use COPY for files and directories, and keep ADD for "
                    + "archives you want extracted. Hadolint DL3020: " + DockerfileRule.HADOLINT + "DL3020",
            DF0003AddWhereCopyFits::addWhereCopyFits);

    private static boolean isUrl(String src) {
        String l = src.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("git@") || l.startsWith("git://");
    }

    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|"
            + "tar\\.zst|tar\\.lz|gz|bz2|xz)$");

    private static void addWhereCopyFits(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("ADD", i -> {
            List<String> src = i.copySources();
            if (!i.heredocs().isEmpty() && src.stream().allMatch(w -> w.startsWith("<<"))) {
                o.report(i.line(), "ADD of a heredoc: COPY does the same", "use COPY <<EOF …");
                return;
            }
            if (!src.isEmpty() && src.stream().noneMatch(w -> isUrl(w) || ARCHIVE.matcher(w).matches() || w.contains("$"))) {
                o.report(i.line(), "ADD of local files: COPY is clearer (ADD also unpacks archives and downloads URLs)",
                        "use COPY " + i.rest());
            }
        });
    }
}
