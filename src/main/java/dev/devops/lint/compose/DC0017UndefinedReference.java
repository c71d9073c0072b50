package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.compose.ComposeProject;
import dev.devops.core.InputFiles;
import dev.devops.core.SourceLocation;
import dev.devops.lint.Severity;
import dev.devops.yaml.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DC0017: Reference to an undefined network, volume, secret or config (info when only the override example beside the
 * project, or another compose file of the repository, declares it).
 */
final class DC0017UndefinedReference {
    private DC0017UndefinedReference() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0017", ERROR, "Reference to an undefined network, volume, secret or config",
            "A service that names a network, named volume, secret or config not declared at the top level "
                    + "makes compose fail before starting anything. Declare it under the top-level networks:, "
                    + "volumes:, secrets: or configs:, or fix the name. Info instead when another compose file of the "
                    + "repository declares the name: the file is a fragment run with it (docker compose -f base.yml -f this.yml); "
                    + "info in a fragment a local development environment (DDEV's .ddev/docker-compose.*.yaml) merges with the base "
                    + "file it generates; info for an undeclared volume in a platform's catalogue of compose templates, which the platform completes.",
            DC0017UndefinedReference::undefinedReference);

    private static void undefinedReference(ComposeScope s, ComposeRule.Reporter o) {
        ComposeProject p = s.project();
        Map<String, String> examples = new LinkedHashMap<>();
        s.each(svc -> {
            svc.networks().values().forEach(n -> {
                if (!n.name().equals("default") && !p.networks().containsKey(n.name())) {
                    undeclared(s, o, examples, n.at(), "networks", "service '" + svc.name() + "' uses network '" + n.name() + "'",
                            n.name(), hint("networks", n.name(), p.networks().keySet()));
                }
            });
            svc.volumes().forEach(m -> {
                if (m.isNamedVolume() && !p.volumes().containsKey(m.source())) {
                    undeclared(s, o, examples, m.at(), "volumes", "service '" + svc.name() + "' mounts volume '" + m.source() + "'",
                            m.source(), hint("volumes", m.source(), p.volumes().keySet()) + " (or write ./" + m.source() + " for a host directory)");
                }
            });
            svc.secrets().forEach(r -> {
                if (!p.secrets().containsKey(r.source())) {
                    undeclared(s, o, examples, r.at(), "secrets", "service '" + svc.name() + "' uses secret '" + r.source() + "'",
                            r.source(), hint("secrets", r.source(), p.secrets().keySet()));
                }
            });
            svc.configs().forEach(r -> {
                if (!p.configs().containsKey(r.source())) {
                    undeclared(s, o, examples, r.at(), "configs", "service '" + svc.name() + "' uses config '" + r.source() + "'",
                            r.source(), hint("configs", r.source(), p.configs().keySet()));
                }
            });
        });
    }

    /** An override file's example: compose.override.yaml.example, docker-compose.override.sample.yml … */
    private static final Pattern OVERRIDE_EXAMPLE = Pattern.compile(
            "(?i)(docker-)?compose\\.override(\\.ya?ml\\.(example|sample|template|dist|tpl)|\\.(example|sample|template|dist|tpl)\\.ya?ml)");

    /**
     * DC0017 for one reference: an error, or info when the override example beside the project declares the name (the
     * base file is completed by a {@code compose.override.yaml} each checkout makes from
     * {@code compose.override.yaml.example}; compose merges it by default).
     */
    private static void undeclared(ComposeScope s, ComposeRule.Reporter o, Map<String, String> examples, SourceLocation at,
            String section, String what, String name, String hint) {
        Path dir = s.project().directory();
        String example = null;
        String fragment = null;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString();
                boolean overrideExample = OVERRIDE_EXAMPLE.matcher(n).matches();
                boolean yaml = n.endsWith(".yml") || n.endsWith(".yaml");
                if (overrideExample || yaml && fragment == null) {
                    String text = examples.computeIfAbsent(n, k -> {
                        try {
                            return InputFiles.readText(f, InputFiles.MAX_CONFIG_BYTES);
                        } catch (IOException | RuntimeException e) {
                            return "";
                        }
                    });
                    if (!declares(text, section, name)) {
                        continue;
                    }
                    if (overrideExample) {
                        example = n;
                        break;
                    }
                    // a fragment of declarations only, beside the stack's other files and combined with them by -f
                    // (a networks.yml holding the external network every service file joins): found by name it is not
                    // a compose file (no services), but it declares the name
                    if (!hasSection(text, "services")) {
                        fragment = n;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a directory that cannot be listed explains nothing
        }
        if (example == null) {
            String other = s.declared().by(section, name, ComposeCheck.relative(s.root().toAbsolutePath().normalize(),
                    s.project().directory().resolve(s.project().files().get(0))));
            if (other == null && fragment != null) {
                other = ComposeCheck.relative(s.root().toAbsolutePath().normalize(), dir.resolve(fragment));
            }
            if (other != null) {
                // a fragment of a stack combined with -f (authelia's suites: each service's compose.yml joins the
                // network internal/suites/compose.yml declares): alone it does not load, but that is how it is used
                o.report(at, Severity.INFO, what + ", which only " + other + " declares: this file is a fragment meant "
                        + "to be combined with it (docker compose -f " + other + " -f <this file>)",
                        "declare it here too if this file is also run on its own");
                return;
            }
            if (s.completedByDevEnvironment()) {
                o.report(at, Severity.INFO, what + ", which is not declared here: the development environment that runs "
                        + "this file merges it with the base file it generates, which declares it", hint);
                return;
            }
            if (section.equals("volumes") && s.inCatalogue()) {
                // a platform's template (a catalogue of one-app compose files that mount volumes none declares): the
                // platform declares them when it deploys the app
                o.report(at, Severity.INFO, what + ", which is not declared: like most of the compose templates beside it, "
                        + "this file is completed by the platform that deploys it", hint);
                return;
            }
            o.report(at, what + ", which is not declared", hint);
            return;
        }
        String override = example.replaceAll("(?i)\\.(example|sample|template|dist|tpl)", "");
        o.report(at, Severity.INFO, what + ", which only " + example + " declares: each checkout creates " + override
                + " from it, and compose merges that file by default", "cp " + example + " " + override + " and fill in the values");
    }

    /** Whether a YAML text has the top-level key {@code section}. */
    private static boolean hasSection(String text, String section) {
        for (String line : text.split("\n")) {
            if (line.startsWith(section + ":")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a compose file's text declares {@code name} under the top-level {@code section}. */
    private static boolean declares(String text, String section, String name) {
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                in = line.startsWith(section + ":");
            } else if (in && line.strip().startsWith(name) && line.strip().substring(name.length()).stripLeading().startsWith(":")) {
                return true;
            }
        }
        return false;
    }

    private static String hint(String section, String name, Set<String> declared) {
        String near = Suggest.closest(name, declared);
        return near != null ? "did you mean '" + near + "'?" : "declare it under the top-level " + section + ": key";
    }
}
