package dev.devops.descriptor;

import java.util.List;
import java.util.Locale;

/**
 * The stacks devops knows, with the build tools each allows (the first is the default) and the runtime
 * version used when neither the repository nor devops.yaml names one (init and render both read it here).
 */
public enum Language {
    NODE("node", List.of("npm", "yarn", "pnpm"), "24"),
    JAVA("java", List.of("maven", "gradle"), "21"),
    PYTHON("python", List.of("pip", "poetry", "uv", "pipenv"), "3.12"),
    GO("go", List.of("go"), "1.24");

    private final String id;
    private final List<String> buildTools;
    private final String defaultVersion;

    Language(String id, List<String> buildTools, String defaultVersion) {
        this.id = id;
        this.buildTools = buildTools;
        this.defaultVersion = defaultVersion;
    }

    /** The runtime version when nothing names one: Node's Active LTS, Java's latest LTS, a current Python and Go. */
    public String defaultVersion() {
        return defaultVersion;
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
