package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.compose.ComposeService.Mount;

/** DC0008: Stateful service without a volume for its data. */
final class DC0008StatefulWithoutVolume {
    private DC0008StatefulWithoutVolume() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0008", WARNING, "Stateful service without a volume for its data",
            "A database, cache or broker without a volume on its data directory keeps its data in the "
                    + "container (or an anonymous volume): recreating the container (a new image, a changed "
                    + "setting, down/up) loses it. Mount a named volume: volumes: [\"db-data:/var/lib/postgresql/data\"] "
                    + "and declare db-data under top-level volumes:.",
            DC0008StatefulWithoutVolume::statefulWithoutVolume);

    /**
     * A Redis Sentinel ({@code command: redis-sentinel /etc/sentinel.conf}, {@code redis-server … --sentinel}) run from
     * the redis image: it watches the data set's primary and keeps no data of its own, only its configuration.
     */
    static boolean isSentinel(dev.devops.compose.ComposeService svc) {
        if (svc.command() == null) {
            return false;
        }
        String cmd = String.join(" ", svc.command());
        return cmd.contains("redis-sentinel") || cmd.contains("--sentinel");
    }

    private static void statefulWithoutVolume(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> {
            String dir = ComposeScope.dataDir(svc);
            if (dir == null || isSentinel(svc)) {
                return;
            }
            for (Mount m : svc.volumes()) {
                boolean persistent = m.isBind() || m.isNamedVolume();
                String t = m.target().replaceAll("/+$", "");
                if (persistent && (dir.equals(t) || dir.startsWith(t + "/") || t.startsWith(dir + "/"))) {
                    return;
                }
            }
            o.report(svc.locate("image"), "service '" + svc.name() + "' (" + ComposeScope.imageBase(svc) + ") keeps its data in the container: "
                    + dir + " has no volume", "mount a named volume: volumes: [\"" + svc.name() + "-data:" + dir
                    + "\"] and declare it under top-level volumes:");
        });
    }
}
