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
 * @param optional     the code copes with the variable unset although no default value is known (a
 *                     schema key marked optional, or defaulted to an expression)
 */
public record EnvReference(String name, String path, int line, int column, String defaultValue, Kind kind,
        boolean optional) {

    /** A read that is not marked optional. */
    public EnvReference(String name, String path, int line, int column, String defaultValue, Kind kind) {
        this(name, path, line, column, defaultValue, kind, false);
    }

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
        GO_LOOKUPENV(false),
        /**
         * Go struct tag {@code env:"X"} (caarlos0/env, cleanenv): optional unless {@code ,required} or
         * {@code env-required:"true"}; {@code envDefault}/{@code env-default} give the default
         */
        GO_STRUCT_TAG(true),
        /** A key of an envalid {@code cleanEnv(process.env, {X: str()})} schema */
        ENVALID(true),
        /** A key of a zod {@code z.object({X: …})} parsed from {@code process.env} in the same file */
        ZOD(true),
        /** A key of a Joi {@code Joi.object({X: …})} that validates {@code process.env} in the same file */
        JOI(true),
        /** A key of {@code server}, {@code client} or {@code shared} in {@code @t3-oss/env}'s {@code createEnv} */
        T3_ENV(true),
        /** A property of a JSON Schema that {@code @fastify/env} / {@code env-schema} validates the environment with */
        JSON_SCHEMA_ENV(true),
        /**
         * {@code env("X")} in a Prisma schema's datasource ({@code url}, {@code directUrl}) or Prisma's
         * {@code prisma.config.ts} ({@code env} from {@code prisma/config}): the ORM cannot start without it
         */
        PRISMA_ENV(true, true),
        /**
         * A variable an ORM's own configuration names as its connection ({@code "use_env_variable": "X"} in
         * Sequelize's config.json): the ORM cannot connect without it
         */
        ORM_CONFIG(true, true),
        /**
         * A key of a committed KEY=value file the app loads its environment from ({@link ConfigFiles}: viper's config
         * file, {@code godotenv.Load("config.env")}, {@code load_dotenv("config.env")}); its value is the default
         */
        CONFIG_FILE(false),
        /** A field of a pydantic {@code BaseSettings} subclass (upper-cased, env_prefix or alias applied) */
        PYDANTIC_SETTINGS(true),
        /**
         * A call of a helper that reads the environment by its parameter ({@code env_bool("X", False)},
         * {@code getEnv("X", "def")}), python-decouple's {@code config("X")} or django-environ's {@code env("X")}
         * ({@link EnvHelpers}); required only when the helper fails on an unset variable
         */
        HELPER(true),
        /**
         * A variable a client library reads by itself when the code leaves the setting out ({@link LibraryEnv}:
         * node-postgres's libpq {@code PGHOST} … for {@code new Pool()}): the library has its own default
         */
        LIBRARY_DEFAULT(false);

        private final boolean failsWhenUnset;
        private final boolean declaresRequired;

        Kind(boolean failsWhenUnset) {
            this(failsWhenUnset, false);
        }

        Kind(boolean failsWhenUnset, boolean declaresRequired) {
            this.failsWhenUnset = failsWhenUnset;
            this.declaresRequired = declaresRequired;
        }

        /**
         * True when a read of this kind without a default declares the variable required for the whole app, whatever
         * other reads do (an ORM's schema or configuration that cannot start without it).
         */
        public boolean declaresRequired() {
            return declaresRequired;
        }

        /** False when the syntax itself tells the code copes with an unset variable. */
        public boolean requiredWithoutDefault() {
            return failsWhenUnset;
        }
    }

    /** Whether the code copes with the variable unset: a default, an optional schema key, or a syntax like LookupEnv. */
    public boolean copesWhenUnset() {
        return defaultValue != null || optional || !kind.requiredWithoutDefault();
    }

    /** Whether this read alone makes the variable required: a declaring kind (ORM schema) read without a default. */
    public boolean declaresRequired() {
        return kind.declaresRequired() && !copesWhenUnset();
    }

    /** "src/db.js:12" */
    public String where() {
        return path + ":" + line;
    }
}
