package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

import java.util.List;

/** DF0023: COPY of several sources to a target without a trailing '/'. */
final class DF0023CopyManyToFile {
    private DF0023CopyManyToFile() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0023", ERROR, "COPY of several sources to a target without a trailing '/'",
            "With more than one source, the destination must be a directory written with a trailing slash; "
                    + "Docker refuses the build otherwise. Write COPY a b /app/. Hadolint DL3021.",
            DF0023CopyManyToFile::copyManyToFile);

    private static void copyManyToFile(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("COPY") || i.is("ADD")) {
                List<String> src = i.copySources();
                String dest = i.copyDestination();
                if (src.size() > 1 && dest != null && !dest.endsWith("/") && !dest.equals(".") && !dest.endsWith("/.")
                        && !dest.equals("..") && !dest.startsWith("$")) {
                    o.report(i.line(), i.keyword() + " of " + src.size() + " sources to '" + dest + "', which has no trailing '/'",
                            "write the destination as a directory: " + dest + "/");
                }
            }
        }
    }
}
