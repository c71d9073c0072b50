package dev.devops.detect;

/**
 * One place where code or configuration reads an environment variable.
 *
 * @param name         the variable's name
 * @param path         repository-relative path with forward slashes
 * @param line         1-based line of the name
 * @param column       1-based column of the name
 * @param defaultValue the value the code falls back to when the variable is unset, or null
 * @param kind         the syntax the read was found in
 */
public record EnvReference(String name, String path, int line, int column, String defaultValue, Kind kind) {

    /** How a variable is read. */
    public enum Kind {
        /** {@code process.env.X}, {@code process.env["X"]} */
        PROCESS_ENV(true),
        /** {@code const { X } = process.env} */
        PROCESS_ENV_DESTRUCTURE(true),
        /** {@code import.meta.env.VITE_X} (Vite; baked in at build time) */
        IMPORT_META_ENV(true),
        /** {@code System.getenv("X")} */
        SYSTEM_GETENV(true),
        /** Spring {@code ${X}} / {@code ${X:default}} in application*.properties|yml or {@code @Value} */
        SPRING_PLACEHOLDER(true),
        /** Python {@code os.environ["X"]}, {@code os.environ.get("X")} */
        PYTHON_ENVIRON(true),
        /** Python {@code os.getenv("X")} */
        PYTHON_GETENV(true),
        /** Go {@code os.Getenv("X")} */
        GO_GETENV(true),
        /** Go {@code os.LookupEnv("X")}: the code handles the unset case itself */
        GO_LOOKUPENV(false);

        private final boolean failsWhenUnset;

        Kind(boolean failsWhenUnset) {
            this.failsWhenUnset = failsWhenUnset;
        }

        /** False when the syntax itself tells the code copes with an unset variable. */
        public boolean requiredWithoutDefault() {
            return failsWhenUnset;
        }
    }

    /** "src/db.js:12" */
    public String where() {
        return path + ":" + line;
    }
}
