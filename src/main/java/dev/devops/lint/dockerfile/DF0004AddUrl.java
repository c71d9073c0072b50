package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.Locale;

/** DF0004: ADD downloads a URL without a checksum. */
final class DF0004AddUrl {
    private DF0004AddUrl() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0004", WARNING, "ADD downloads a URL without a checksum",
            "ADD https://… fetches a file at build time with no integrity check, so a compromised or changed "
                    + "download goes into the image unnoticed. Add --checksum=sha256:… to the ADD (BuildKit), "
                    + "or RUN curl -fsSLo file URL && echo \"SHA  file\" | sha256sum -c -. Hadolint DL3020.",
            DF0004AddUrl::addUrl);

    private static void addUrl(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("ADD", i -> {
            if (i.hasFlag("checksum")) {
                return;
            }
            for (String src : i.copySources()) {
                if (src.toLowerCase(Locale.ROOT).startsWith("http://") || src.toLowerCase(Locale.ROOT).startsWith("https://")) {
                    o.report(i.line(), "ADD downloads " + src + " with no integrity check",
                            "add --checksum=sha256:<hash>, or download with curl and verify with sha256sum");
                    return;
                }
            }
        });
    }
}
