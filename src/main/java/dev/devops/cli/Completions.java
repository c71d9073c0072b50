package dev.devops.cli;

import dev.devops.lint.Check;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.report.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Option values for shell completion ({@code devops generate-completion}), from the same definitions the options parse. */
final class Completions {
    private Completions() {
    }

    /** text, json, sarif, github, junit. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }

    /** info, warning, error. */
    static final class Levels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Severity.values()).map(Severity::id).iterator();
        }
    }

    /** The lint categories (secrets, dockerfile, compose, env, drift; render for check). */
    static final class Categories implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            Set<String> out = new LinkedHashSet<>();
            for (Check c : LintChecks.withRender()) {
                out.add(c.category());
            }
            return out.iterator();
        }
    }

    /** Every rule id. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> out = new ArrayList<>();
            for (RuleInfo r : LintChecks.rules()) {
                out.add(r.id());
            }
            return out.iterator();
        }
    }
}
