package dev.devops.detect;

import java.util.List;

/** Spring application*.properties|yml (and bootstrap*): {@code ${X}} / {@code ${X:default}} placeholders. */
final class EnvReadsSpringConfig extends EnvReads {
    EnvReadsSpringConfig(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.SPRING_CONFIG, out);
    }

    @Override
    void read() {
        placeholders(0, text.length(), true);
    }
}
