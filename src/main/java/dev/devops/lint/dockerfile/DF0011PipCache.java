package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

/** DF0011: pip install without --no-cache-dir. */
final class DF0011PipCache {
    private DF0011PipCache() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0011", INFO, "pip install without --no-cache-dir",
            "pip keeps downloaded wheels in ~/.cache/pip, which ends up in the image layer. Add "
                    + "--no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use a cache mount. Hadolint DL3042.",
            DF0011PipCache::pipCache);

    private static void pipCache(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            boolean envSet = false;
            for (Stage anc : s.lineage(st)) {
                for (Instruction i : anc.body()) {
                    if (i.is("ENV") && i.rest().contains("PIP_NO_CACHE_DIR")) {
                        envSet = true;
                    }
                }
            }
            if (envSet) {
                continue;
            }
            for (Instruction i : st.body()) {
                if (!i.is("RUN") || (i.hasCacheMount())) {
                    continue;
                }
                for (ShellCommand c : s.commands(i)) {
                    // pip's option parser (optparse) takes an unambiguous prefix of a long option: --no-cache is --no-cache-dir
                    if (c.isPipInstall() && !c.hasFlag("--no-cache-dir", "--no-cache")) {
                        o.report(i.line(), "pip install keeps its download cache in the image",
                                "add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1)");
                        break;
                    }
                }
            }
        }
    }
}
