package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

import java.util.List;

/** DF0021: Legacy 'ENV key value' or 'LABEL key value' form. */
final class DF0021LegacyKeyValue {
    private DF0021LegacyKeyValue() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0021", INFO, "Legacy 'ENV key value' or 'LABEL key value' form",
            "The space-separated form sets one variable whose value is the rest of the line, which surprises "
                    + "when a second pair is added; Docker marks it deprecated. Write ENV KEY=value (and "
                    + "LABEL key=value). BuildKit check LegacyKeyValueFormat.",
            DF0021LegacyKeyValue::legacyKeyValue);

    private static void legacyKeyValue(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("ENV") || i.is("LABEL")) {
                List<String> words = ShellCommand.words(i.rest());
                if (!words.isEmpty() && words.get(0).indexOf('=') < 0) {
                    String rest = i.rest().strip();
                    int sp = rest.indexOf(' ');
                    String value = sp < 0 ? "" : rest.substring(sp + 1).strip();
                    o.report(i.line(), i.keyword() + " " + words.get(0) + " " + value + " uses the legacy space-separated form",
                            "write " + i.keyword() + " " + words.get(0) + "=" + (value.contains(" ") && !value.startsWith("\"")
                                    ? "\"" + value + "\"" : value));
                }
            }
        }
    }
}
