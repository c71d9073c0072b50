package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.descriptor.App;
import dev.devops.detect.EnvScanner;
import dev.devops.detect.ServiceWiring;
import dev.devops.files.FileKinds;
import java.util.regex.Pattern;

/** ENV0024: Service the app depends on but no variable of the app points at. */
final class ENV0024UnwiredService {
    private ENV0024UnwiredService() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0024", WARNING, "Service the app depends on but no variable of the app points at", """
            devops.yaml starts a backing service (a database, a cache, a broker) for an app, but no variable of \
            that app takes its value from the service (`from: SERVICE.ATTRIBUTE`, which compose sets to the \
            in-stack address) and the app's code does not name the service's host in a URL either. The app \
            keeps dialling its own default (often localhost, which inside a container is the app itself) while \
            the service runs unused: `devops up` reports a stack that can never work. It is the same fact `devops \
            init` warns about when it adds the service. Static sites are not checked. Fix: make the app read \
            its address from a variable and give that variable `from: SERVICE.url` (or host/port/user/password) \
            in devops.yaml, or remove the service from the app's dependsOn.""",
            ENV0024UnwiredService::unwiredServices);

    private static void unwiredServices(EnvScope scope, EnvRule.Reporter o) {
        if (scope.context().descriptor() == null) {
            return;
        }
        String yaml = scope.text("devops.yaml");
        for (App a : scope.context().descriptor().apps()) {
            if (a.runtime() != null && a.runtime().staticSite()) {
                continue;
            }
            String code = null;
            for (String s : a.dependsOn()) {
                dev.devops.descriptor.Service svc = scope.context().descriptor().services().get(s);
                if (svc == null || ServiceWiring.viaVariable(s, a.env().values())) {
                    continue;
                }
                if (code == null) {
                    code = appCode(scope, a);
                }
                if (ServiceWiring.atLiteralHost(s, code)) {
                    continue;
                }
                int line = EnvScope.lineOf(yaml, "^\\s*" + Pattern.quote(a.name()) + "\\s*:");
                o.report("devops.yaml", line, 0, "app " + a.name() + " depends on service " + s
                        + " but no variable of the app points at it (no 'from: " + s + ".…') and its code does not "
                        + "reach the host '" + s + "': the app cannot reach the service", ServiceWiring.advice(s, svc.type()), s);
            }
        }
    }

    /** The text of the app's source files (what EnvScanner reads), up to 4 MB, for the literal-host check. */
    private static String appCode(EnvScope s, App a) {
        StringBuilder sb = new StringBuilder();
        String dir = a.path() == null || ".".equals(a.path()) ? "" : a.path().replaceAll("/$", "") + "/";
        for (String f : s.context().files()) {
            if (sb.length() > 4_000_000 || !f.startsWith(dir) || !EnvScanner.supports(f) || FileKinds.isTest(f)) {
                continue;
            }
            sb.append(s.text(f)).append('\n');
        }
        return sb.toString();
    }
}
