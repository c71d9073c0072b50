package dev.devops.lint.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile.
 *
 * @param path         repo-relative path
 * @param directives   parser directives from the top (syntax, escape, check), lower-case names
 * @param instructions every instruction, in order
 * @param stages       the build stages
 * @param metaArgs     ARGs declared before the first FROM, with their defaults (null: no default)
 * @param errors       problems that stop Docker from parsing the file (line, message)
 */
public record Dockerfile(String path, Map<String, String> directives, List<Instruction> instructions,
        List<Stage> stages, Map<String, String> metaArgs, List<ParseError> errors) {

    /** A problem with where it is. */
    public record ParseError(int line, String message) {
    }

    public Stage lastStage() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    /** The stage named {@code name} (case-insensitive), or null. */
    public Stage stage(String name) {
        for (Stage s : stages) {
            if (s.name() != null && s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
