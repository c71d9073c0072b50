package dev.devops.descriptor;

import dev.devops.core.Quote;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link Descriptor} as commented, deterministic YAML that {@link DescriptorLoader} reads back
 * to an equal descriptor. Defaults are left out so the file stays short.
 */
public final class DescriptorWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./@-]*");

    private DescriptorWriter() {
    }

    public static String write(Descriptor d) {
        StringBuilder sb = new StringBuilder();
        sb.append("# devops.yaml: the project descriptor. 'devops init' renders the Dockerfile, .dockerignore,\n")
          .append("# .env.example and docker-compose.yml from it; 'devops render --check' tells when they drifted.\n")
          .append("# Reference: docs/DESCRIPTOR.md in the devops repository; JSON Schema: devops schema\n");
        sb.append("name: ").append(scalar(d.name())).append('\n');
        sb.append("\napps:\n");
        for (App a : d.apps()) {
            sb.append("  ").append(a.name()).append(":\n");
            if (!".".equals(a.path())) {
                sb.append("    path: ").append(scalar(a.path())).append('\n');
            }
            if (a.dockerfile() != null) {
                sb.append("    dockerfile: ").append(scalar(a.dockerfile())).append('\n');
            }
            Runtime r = a.runtime();
            sb.append("    runtime:\n");
            sb.append("      language: ").append(r.language().id()).append('\n');
            if (r.version() != null) {
                sb.append("      version: ").append(Quote.json(r.version())).append('\n');
            }
            sb.append("      buildTool: ").append(r.buildTool()).append('\n');
            if (r.framework() != null) {
                sb.append("      framework: ").append(scalar(r.framework())).append('\n');
            }
            if (a.port() != null) {
                sb.append("    port: ").append(a.port()).append('\n');
            }
            if (!a.build().isEmpty()) {
                sb.append("    build: ").append(flowList(a.build())).append('\n');
            }
            if (!a.start().isEmpty()) {
                sb.append("    start: ").append(flowList(a.start())).append('\n');
            }
            if (a.healthcheck() != null) {
                sb.append("    healthcheck: ").append(scalar(a.healthcheck())).append('\n');
            }
            if (a.output() != null) {
                sb.append("    output: ").append(scalar(a.output())).append('\n');
            }
            if (!a.dependsOn().isEmpty()) {
                sb.append("    dependsOn: ").append(flowList(a.dependsOn())).append('\n');
            }
            if (!a.processes().isEmpty()) {
                sb.append("    processes:\n");
                a.processes().forEach((p, cmd) -> sb.append("      ").append(p).append(": ").append(flowList(cmd)).append('\n'));
            }
            if (!a.files().isEmpty()) {
                sb.append("    files: ").append(flowList(a.files())).append('\n');
            }
            if (a.migrate() != null) {
                Migrate mg = a.migrate();
                if (mg.image() == null && mg.mount() == null) {
                    sb.append("    migrate: ").append(flowList(mg.command())).append('\n');
                } else {
                    sb.append("    migrate:\n");
                    sb.append("      command: ").append(flowList(mg.command())).append('\n');
                    if (mg.image() != null) {
                        sb.append("      image: ").append(scalar(mg.image())).append('\n');
                    }
                    if (mg.mount() != null) {
                        sb.append("      mount: ").append(scalar(mg.mount())).append('\n');
                    }
                }
            }
            if (!a.env().isEmpty()) {
                sb.append("    env:\n");
                for (EnvVar v : a.env().values()) {
                    sb.append("      ").append(v.name()).append(":");
                    StringBuilder props = new StringBuilder();
                    if (v.description() != null) {
                        props.append("        description: ").append(Quote.json(v.description())).append('\n');
                    }
                    if (v.required()) {
                        props.append("        required: true\n");
                    }
                    if (v.secret()) {
                        props.append("        secret: true\n");
                    }
                    if (v.defaultValue() != null) {
                        props.append("        default: ").append(Quote.json(v.defaultValue())).append('\n');
                    }
                    if (v.from() != null) {
                        props.append("        from: ").append(v.from()).append('\n');
                    }
                    sb.append(props.length() == 0 ? " {}\n" : "\n" + props);
                }
            }
        }
        if (!d.services().isEmpty()) {
            sb.append("\nservices:\n");
            for (Service s : d.services().values()) {
                sb.append("  ").append(s.name()).append(":\n");
                if (!s.type().equals(s.name())) {
                    sb.append("    type: ").append(s.type()).append('\n');
                }
                sb.append("    version: ").append(Quote.json(s.version())).append('\n');
                if (s.publish()) {
                    sb.append("    publish: true\n");
                }
            }
        }
        if (!d.environments().isEmpty()) {
            sb.append("\nenvironments:\n");
            for (Environment e : d.environments().values()) {
                sb.append("  ").append(e.name()).append(":");
                if (e.env().isEmpty()) {
                    sb.append(" {}\n");
                } else {
                    sb.append("\n    env:\n");
                    for (Map.Entry<String, String> kv : e.env().entrySet()) {
                        sb.append("      ").append(kv.getKey()).append(": ").append(Quote.json(kv.getValue())).append('\n');
                    }
                }
            }
        }
        LintSettings l = d.lint();
        if (!l.allowPaths().isEmpty() || !l.allowRules().isEmpty() || !l.allowValues().isEmpty()
                || !l.stopwords().isEmpty()) {
            sb.append("\nlint:\n  allowlist:\n");
            list(sb, "paths", l.allowPaths());
            list(sb, "rules", l.allowRules());
            list(sb, "values", l.allowValues());
            list(sb, "stopwords", l.stopwords());
        }
        if (!l.testPaths().isEmpty() || !l.docsPaths().isEmpty()) {
            if (l.allowPaths().isEmpty() && l.allowRules().isEmpty() && l.allowValues().isEmpty() && l.stopwords().isEmpty()) {
                sb.append("\nlint:\n");
            }
            sb.append("  paths:\n");
            list(sb, "tests", l.testPaths());
            list(sb, "docs", l.docsPaths());
        }
        return sb.toString();
    }

    private static void list(StringBuilder sb, String key, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append("    ").append(key).append(":\n");
        for (String i : items) {
            sb.append("      - ").append(Quote.json(i)).append('\n');
        }
    }

    private static String flowList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Quote.json(items.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n").contains(s.toLowerCase(java.util.Locale.ROOT))) {
            return s;
        }
        return Quote.json(s);
    }


}
