package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

import java.util.Locale;

/** DF0024: Invalid EXPOSE port. */
final class DF0024InvalidExpose {
    private DF0024InvalidExpose() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0024", ERROR, "Invalid EXPOSE port",
            "EXPOSE takes container ports from 1 to 65535 with an optional /tcp or /udp; host mappings "
                    + "(8080:80) belong in docker run -p or compose ports. Hadolint DL3011.",
            DF0024InvalidExpose::invalidExpose);

    private static void invalidExpose(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("EXPOSE", i -> {
            for (String w : ShellCommand.words(i.rest())) {
                if (w.contains("$")) {
                    continue;
                }
                String port = w;
                String proto = null;
                int slash = w.indexOf('/');
                if (slash >= 0) {
                    port = w.substring(0, slash);
                    proto = w.substring(slash + 1).toLowerCase(Locale.ROOT);
                }
                String problem = null;
                if (proto != null && !proto.equals("tcp") && !proto.equals("udp")) {
                    problem = "protocol '" + proto + "' is not tcp or udp";
                } else if (port.contains(":")) {
                    problem = "'" + w + "' is a host:container mapping; EXPOSE takes container ports only";
                } else {
                    int[] r = range(port);
                    if (r == null) {
                        problem = "'" + port + "' is not a port number";
                    } else if (r[0] < 1 || r[1] > 65535 || r[0] > r[1]) {
                        problem = "port " + port + " is outside 1-65535";
                    }
                }
                if (problem != null) {
                    o.report(i.line(), "invalid EXPOSE: " + problem, "write EXPOSE <port>[/tcp|/udp] with a port from 1 to 65535");
                }
            }
        });
    }

    static int[] range(String p) {
        try {
            int dash = p.indexOf('-');
            if (dash < 0) {
                int v = Integer.parseInt(p);
                return new int[] {v, v};
            }
            return new int[] {Integer.parseInt(p.substring(0, dash)), Integer.parseInt(p.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
