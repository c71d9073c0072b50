package dev.devops.descriptor;

import java.util.List;
import java.util.Locale;

/** The stacks devops knows, with the build tools each allows (the first is the default). */
public enum Language {
    NODE("node", List.of("npm", "yarn", "pnpm")),
    JAVA("java", List.of("maven", "gradle")),
    PYTHON("python", List.of("pip", "poetry", "uv", "pipenv")),
    GO("go", List.of("go"));

    private final String id;
    private final List<String> buildTools;

    Language(String id, List<String> buildTools) {
        this.id = id;
        this.buildTools = buildTools;
    }

    public String id() {
        return id;
    }

    public List<String> buildTools() {
        return buildTools;
    }

    public static List<String> ids() {
        return List.of("node", "java", "python", "go");
    }

    /** The language for an id ("node"), or null. */
    public static Language of(String id) {
        for (Language l : values()) {
            if (l.id.equals(id.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
