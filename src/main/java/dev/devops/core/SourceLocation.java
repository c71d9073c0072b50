package dev.devops.core;

import java.nio.file.Path;

/** A place in a file, 1-based line and column; line or column may be 0 when unknown. */
public record SourceLocation(Path file, int line, int column) {
    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }
}
