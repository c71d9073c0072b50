package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.WARNING;

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
                    + "never started together; a service without profiles runs with every profile). Two versions of one "
                    + "data store on the same container port (elasticsearch 7 and 8 on 9200), which a stack starts one "
                    + "at a time by name, are a warning; profile-gated services that inherit the same ports: line through "
                    + "extends (variants of one template, each started by its profile) are not reported, nor two services of a "
                    + "library of definitions that other compose files extend (extends: file:) and compose never starts whole.",
            DC0015DuplicateHostPort::duplicateHostPorts);

    private record Bound(String service, List<String> profiles, String ip, String protocol, int first, int last,
            String target, String store, SourceLocation at) {
    }

    /**
     * Whether two services that publish the same host port are alternative versions of one data store, which a stack
     * starts one at a time by name ({@code docker compose up elasticsearch8}, a CI job's service list): the same
     * container port of a known database, cache, broker or search image (elasticsearch 7 and 8, opensearch 2 and 3 on
     * 9200). Still reported, as a warning: a plain {@code up} fails, and disjoint profiles say so.
     */
    static boolean alternativeStores(String storeA, String targetA, String storeB, String targetB) {
        return storeA != null && storeB != null && targetA != null && targetA.equals(targetB);
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
            String store = ComposeScope.dataDir(svc) == null ? null : ComposeScope.imageBase(svc);
            Bound b = new Bound(svc.name(), profiles, ip, p.protocol(), r[0], r[1], p.target(), store, p.at());
            for (Bound x : seen) {
                boolean ipClash = x.ip().equals("*") || ip.equals("*") || x.ip().equals(ip);
                if (!x.service().equals(b.service()) && !canRunTogether(x.profiles(), b.profiles())) {
                    continue;
                }
                if (x.service().equals(b.service()) && restatedByVariant(svc, x.at(), x.target(), b.at(), b.target())) {
                    continue;
                }
                if (!x.service().equals(b.service()) && x.at() != null && x.at().line() > 0 && x.at().equals(b.at())
                        && !x.profiles().isEmpty() && !b.profiles().isEmpty()) {
                    // one ports: line that profile-gated services inherit through extends: variants of one template,
                    // each started by its own profile (a worker that inherits the web's port without a profile fails)
                    continue;
                }
                if (ipClash && x.protocol().equals(b.protocol()) && x.first() <= b.last() && b.first() <= x.last()
                        && !(!x.service().equals(b.service()) && s.isExtendsLibrary())) {
                    // (a library of service definitions that suites extend one service at a time never starts whole)
                    String what = x.first() == x.last() && b.first() == b.last() ? "host port " + b.first()
                            : "host ports " + b.first() + "-" + b.last() + " overlap " + x.first() + "-" + x.last();
                    if (!x.service().equals(b.service()) && alternativeStores(x.store(), x.target(), b.store(), b.target())) {
                        o.report(p.at(), WARNING, "service '" + svc.name() + "' publishes " + what + ", already used by '"
                                + x.service() + "' at line " + x.at().line() + ": alternative versions of one data store, "
                                + "started one at a time?", "give each alternative its own profile (profiles: [" + svc.name()
                                + "]) so that a plain 'docker compose up' starts one of them, or pick another host port");
                    } else {
                        o.report(p.at(), "service '" + svc.name() + "' publishes " + what + ", already used by '" + x.service()
                                + "' at line " + x.at().line(), "pick another host port for one of them");
                    }
                    break;
                }
            }
            seen.add(b);
        }));
    }
}
