package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

import java.util.List;

/** DF0023: COPY of several sources to a target without a trailing '/'. */
final class DF0023CopyManyToFile {
    private DF0023CopyManyToFile() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0023", ERROR, "COPY of several sources to a target without a trailing '/'",
            "With more than one source, the destination must be a directory written with a trailing slash: the "
                    + "classic builder (the Engine API's build, which devops up and devops build use, and docker build "
                    + "with DOCKER_BUILDKIT=0) refuses the build otherwise, even when the directory exists; BuildKit "
                    + "accepts it. \".\" is a destination like any other: write COPY a b ./ or COPY a b /app/. Hadolint DL3021.",
            DF0023CopyManyToFile::copyManyToFile);

    private static void copyManyToFile(DockerfileScope s, DockerfileRule.Reporter o) {
        if (s.buildKitOnly()) {
            return; // a file of a BuildKit frontend (or a part of one): the classic builder never reads it
        }
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("COPY") || i.is("ADD")) {
                List<String> src = i.copySources();
                String dest = i.copyDestination();
                // "." is no exception: the classic builder refuses COPY a b . as it refuses COPY a b /app (checked on
                // the Docker Engine 20.10 of the test suite), and hadolint's DL3021 reports it
                if (src.size() > 1 && dest != null && !dest.endsWith("/") && !dest.startsWith("$")) {
                    o.report(i.line(), i.keyword() + " of " + src.size() + " sources to '" + dest + "', which has no trailing '/': "
                            + "the classic builder (devops up, DOCKER_BUILDKIT=0) refuses it", "write the destination as a directory: " + dest + "/");
                }
            }
        }
    }
}
