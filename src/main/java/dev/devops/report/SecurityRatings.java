package dev.devops.report;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.Locale;
import java.util.Map;

/**
 * Which rules are security rules, and how severe (GitHub code scanning's {@code security-severity}, a
 * CVSS-like score: 9.0 and up critical, 7.0 high, 4.0 medium, below that low). Every secret rule is
 * one, graded by what leaks: a private key or a live provider credential is critical, a password
 * guessed from an assignment is high, a test-mode or sandbox credential medium or low (the provider
 * rules' severity states which). Other families name their security rules here, one line each: a .env
 * baked into an image, literal passwords in compose, privileged containers, the Docker socket, a
 * tracked .env.
 */
public final class SecurityRatings {
    private SecurityRatings() {
    }

    /** Rules outside the secrets family (and generic secret detectors) with their score. */
    static final Map<String, Double> SCORES = Map.ofEntries(
            // generic secret detectors
            Map.entry("SEC0001", 9.5), Map.entry("SEC0002", 9.5), Map.entry("SEC0003", 9.0), Map.entry("SEC0004", 9.5),
            Map.entry("SEC0010", 7.0), Map.entry("SEC0020", 8.0), Map.entry("SEC0030", 7.0), Map.entry("SEC0031", 7.0),
            Map.entry("SEC0040", 8.0), Map.entry("SEC0050", 8.0), Map.entry("SEC0051", 6.0),
            // Dockerfile
            Map.entry("DF0002", 5.0),   // runs as root
            Map.entry("DF0004", 5.5),   // ADD of a URL without a checksum
            Map.entry("DF0018", 4.0),   // sudo in RUN
            Map.entry("DF0019", 6.5),   // downloaded script piped into a shell
            Map.entry("DF0020", 7.5),   // secret-looking ENV or ARG: stays in the image
            Map.entry("DF0036", 4.0),   // EXPOSE 22
            Map.entry("DF0037", 8.0),   // .env copied into the image
            // compose
            Map.entry("DC0003", 8.0),   // hard-coded secret in environment
            Map.entry("DC0004", 8.5),   // database without a password
            Map.entry("DC0005", 6.5),   // database port on all interfaces
            Map.entry("DC0006", 3.0),   // port on all interfaces
            Map.entry("DC0010", 8.5),   // privileged
            Map.entry("DC0011", 9.0),   // Docker socket: root on the host
            Map.entry("DC0012", 5.0),   // network_mode: host
            Map.entry("DC0021", 6.5),   // powerful capability
            Map.entry("DC0022", 6.5),   // host PID/IPC/UTS namespace
            Map.entry("DC0023", 7.0),   // AppArmor/seccomp/SELinux disabled
            Map.entry("DC0024", 7.5),   // sensitive host path mounted
            // env
            Map.entry("ENV0004", 8.0),  // .env tracked by git
            Map.entry("ENV0023", 5.0)); // .env not ignored: the next git add commits it

    /** The rule's security-severity, or null when it is not a security rule. */
    public static Double score(RuleInfo rule) {
        Double s = SCORES.get(rule.id().toUpperCase(Locale.ROOT));
        if (s != null) {
            return s;
        }
        if (!"secrets".equals(rule.category())) {
            return null;
        }
        // provider formats: error = a live credential, warning = test-mode or low privilege, info = sandbox
        return rule.severity() == Severity.ERROR ? 9.0 : rule.severity() == Severity.WARNING ? 6.5 : 3.0;
    }

    /** "9.0"-style, as GitHub expects the property (a string holding a number). */
    static String format(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
