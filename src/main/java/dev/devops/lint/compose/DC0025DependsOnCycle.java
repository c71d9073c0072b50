package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.compose.ComposeService;
import dev.devops.compose.ComposeService.Dependency;
import java.util.List;

/** DC0025: depends_on cycle. */
final class DC0025DependsOnCycle {
    private DC0025DependsOnCycle() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0025", ERROR, "depends_on cycle",
            "Services that depend on each other in a circle can never start: compose refuses the project. "
                    + "Break the cycle: usually one side only needs the other at run time (it retries), not "
                    + "at start.",
            (s, o) -> {
                List<String> cycle = dev.devops.compose.StartOrder.cycle(s.project());
                if (!cycle.isEmpty()) {
                    ComposeService first = s.project().services().get(cycle.get(0));
                    Dependency d = first.dependsOn().get(cycle.get(1));
                    o.report(d.at(), "depends_on forms a cycle: " + String.join(" -> ", cycle),
                            "remove one of these depends_on entries");
                }
            });
}
