package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.compose.ComposeService;
import dev.devops.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** DC0015: Host port used twice. */
final class DC0015DuplicateHostPort {
    private DC0015DuplicateHostPort() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0015", ERROR, "Host port used twice",
            "Two ports: entries publishing the same host port (or overlapping ranges) on the same address and "
                    + "protocol cannot both start: the second container fails with 'port is already allocated'. "
                    + "Change one host port. Container-only entries (\"80\") publish no host port and never "
                    + "conflict, and neither do services in disjoint profiles (alternative deployments that are "
                    + "never started together; a service without profiles runs with every profile).",
            DC0015DuplicateHostPort::duplicateHostPorts);

    private record Bound(String service, List<String> profiles, String ip, String protocol, int first, int last,
            String target, SourceLocation at) {
    }

    /**
     * Whether entry {@code b} restates entry {@code x} of the same service in a file of its own: the same container
     * port, written in another compose file that defines the service whole, with its own {@code image:} or
     * {@code build:} ({@code docker-compose.dev.yml} beside {@code docker-compose.yml}, each a complete stack run on its
     * own with {@code -f}). One binding written once per variant, not two: an overlay that only changes a service's
     * ports does not repeat its image.
     */
    static boolean restatedByVariant(ComposeService svc, SourceLocation x, String xTarget, SourceLocation b, String bTarget) {
        if (x.file() == null || b.file() == null || x.file().equals(b.file()) || xTarget == null || !xTarget.equals(bTarget)) {
            return false;
        }
        for (String key : List.of("image", "build")) {
            SourceLocation at = svc.has(key) ? svc.locate(key) : null;
            if (at != null && b.file().equals(at.file())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two services can run at the same time: a service without profiles always runs; services whose
     * profiles are disjoint belong to alternative deployments ({@code profiles: [default]} vs {@code [deprecated]})
     * that are never started together. The same service (two entries of one service) always counts.
     */
    static boolean canRunTogether(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static void duplicateHostPorts(ComposeScope s, ComposeRule.Reporter o) {
        List<Bound> seen = new ArrayList<>();
        s.each(svc -> svc.ports().forEach(p -> {
            int[] r = p.publishedRange();
            if (r == null) {
                return;
            }
            String ip = p.allInterfaces() ? "*" : p.hostIp();
            List<String> profiles = svc.profiles() == null ? List.of() : svc.profiles();
            Bound b = new Bound(svc.name(), profiles, ip, p.protocol(), r[0], r[1], p.target(), p.at());
            for (Bound x : seen) {
                boolean ipClash = x.ip().equals("*") || ip.equals("*") || x.ip().equals(ip);
                if (!x.service().equals(b.service()) && !canRunTogether(x.profiles(), b.profiles())) {
                    continue;
                }
                if (x.service().equals(b.service()) && restatedByVariant(svc, x.at(), x.target(), b.at(), b.target())) {
                    continue;
                }
                if (ipClash && x.protocol().equals(b.protocol()) && x.first() <= b.last() && b.first() <= x.last()) {
                    String what = x.first() == x.last() && b.first() == b.last() ? "host port " + b.first()
                            : "host ports " + b.first() + "-" + b.last() + " overlap " + x.first() + "-" + x.last();
                    o.report(p.at(), "service '" + svc.name() + "' publishes " + what + ", already used by '" + x.service()
                            + "' at line " + x.at().line(), "pick another host port for one of them");
                    break;
                }
            }
            seen.add(b);
        }));
    }
}
