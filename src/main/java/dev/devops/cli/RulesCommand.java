package dev.devops.cli;

import dev.devops.core.UserError;
import dev.devops.lint.RuleInfo;
import dev.devops.yaml.Suggest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devops rules}: lists every lint rule, or explains one. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every lint rule (id, severity, category, title), or explain one: devops rules SEC0030"})
public final class RulesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", completionCandidates = Completions.RuleIds.class, description = "A rule id to explain.")
    String id;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<RuleInfo> rules = LintChecks.rules();
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            int w = rules.stream().mapToInt(r -> r.id().length()).max().orElse(7);
            for (RuleInfo r : rules) {
                out.printf(Locale.ROOT, "%-" + w + "s  %-7s  %-10s  %s%n", r.id(), r.severity().id(), r.category(), r.title());
            }
            out.flush();
            return 0;
        }
        for (RuleInfo r : rules) {
            if (r.id().equalsIgnoreCase(id)) {
                out.println(Terminal.bold(r.id() + "  " + r.title()));
                out.println("severity: " + r.severity().id() + "    category: " + r.category());
                out.println();
                out.println(r.explanation() == null ? r.title() : r.explanation());
                out.println();
                out.println("Suppress one occurrence with a '# devops:ignore " + r.id() + "' comment on its line or the line above,");
                out.println("or every occurrence with lint.allowlist.rules: [" + r.id() + "] in devops.yaml.");
                out.flush();
                return 0;
            }
        }
        String near = Suggest.closest(id, rules.stream().map(RuleInfo::id).toList());
        throw new UserError(null, "unknown rule '" + id + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""),
                "run 'devops rules' for the list");
    }
}
