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

    /** Docker's own Dockerfile frontends, named in a {@code # syntax=} directive. */
    private static final java.util.regex.Pattern DOCKER_FRONTEND = java.util.regex.Pattern.compile(
            "(?i)(?:docker\\.io/)?docker/dockerfile(?:-upstream)?(?::[^@\\s]*)?(?:@\\S+)?");

    /**
     * Whether a {@code # syntax=} directive names a frontend other than Docker's own (devthefuture/dockerfile-x,
     * an earthly or a buildpacks frontend): BuildKit hands the file to that image, which defines instructions of
     * its own ({@code INCLUDE}), so an instruction Docker's parser does not know is the frontend's.
     */
    public boolean customFrontend() {
        String syntax = directives.get("syntax");
        return syntax != null && !syntax.isBlank() && !DOCKER_FRONTEND.matcher(syntax.strip()).matches();
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
