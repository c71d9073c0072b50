package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.compose.ComposeProject;
import dev.devops.yaml.Suggest;
import java.util.Set;

/** DC0017: Reference to an undefined network, volume, secret or config. */
final class DC0017UndefinedReference {
    private DC0017UndefinedReference() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0017", ERROR, "Reference to an undefined network, volume, secret or config",
            "A service that names a network, named volume, secret or config not declared at the top level "
                    + "makes compose fail before starting anything. Declare it under the top-level networks:, "
                    + "volumes:, secrets: or configs:, or fix the name.",
            DC0017UndefinedReference::undefinedReference);

    private static void undefinedReference(ComposeScope s, ComposeRule.Reporter o) {
        ComposeProject p = s.project();
        s.each(svc -> {
            svc.networks().values().forEach(n -> {
                if (!n.name().equals("default") && !p.networks().containsKey(n.name())) {
                    o.report(n.at(), "service '" + svc.name() + "' uses network '" + n.name() + "', which is not declared",
                            hint("networks", n.name(), p.networks().keySet()));
                }
            });
            svc.volumes().forEach(m -> {
                if (m.isNamedVolume() && !p.volumes().containsKey(m.source())) {
                    o.report(m.at(), "service '" + svc.name() + "' mounts volume '" + m.source() + "', which is not declared",
                            hint("volumes", m.source(), p.volumes().keySet()) + " (or write ./" + m.source() + " for a host directory)");
                }
            });
            svc.secrets().forEach(r -> {
                if (!p.secrets().containsKey(r.source())) {
                    o.report(r.at(), "service '" + svc.name() + "' uses secret '" + r.source() + "', which is not declared",
                            hint("secrets", r.source(), p.secrets().keySet()));
                }
            });
            svc.configs().forEach(r -> {
                if (!p.configs().containsKey(r.source())) {
                    o.report(r.at(), "service '" + svc.name() + "' uses config '" + r.source() + "', which is not declared",
                            hint("configs", r.source(), p.configs().keySet()));
                }
            });
        });
    }

    private static String hint(String section, String name, Set<String> declared) {
        String near = Suggest.closest(name, declared);
        return near != null ? "did you mean '" + near + "'?" : "declare it under the top-level " + section + ": key";
    }
}
