package dev.devops.lint;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a run's report ({@link Report#rules()}): every rule of the selected checks, then the rule of any
 * other finding (a check's crash), each once. Read only when a report asks for it (SARIF's rule table, JUnit):
 * a text report of a one-file commit loads no rule class of a family that had nothing to say about that file.
 * Unmodifiable, as {@code List.copyOf} would make it.
 */
final class RuleCatalogue extends AbstractList<RuleInfo> {
    private final List<Check> checks;
    private final List<Finding> findings;
    private List<RuleInfo> rules;

    RuleCatalogue(List<Check> checks, List<Finding> findings) {
        this.checks = List.copyOf(checks);
        this.findings = List.copyOf(findings);
    }

    private synchronized List<RuleInfo> rules() {
        if (rules == null) {
            Map<String, RuleInfo> byId = new LinkedHashMap<>();
            checks.forEach(c -> c.rules().forEach(r -> byId.putIfAbsent(r.id(), r)));
            findings.forEach(f -> byId.putIfAbsent(f.rule().id(), f.rule()));
            rules = List.copyOf(byId.values());
        }
        return rules;
    }

    @Override
    public RuleInfo get(int index) {
        return rules().get(index);
    }

    @Override
    public int size() {
        return rules().size();
    }
}
