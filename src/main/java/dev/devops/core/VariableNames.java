package dev.devops.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an environment variable's name says about it, the one definition every package uses: whether it
 * holds a secret (init marks it, lint reports a literal value, diffs and errors redact it) and whether the
 * platform sets it (init neither requires nor passes it, lint asks for no documentation).
 */
public final class VariableNames {
    private VariableNames() {
    }

    private static final List<String> SECRET_WORDS =
            List.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "PRIVATE_KEY", "PRIVATEKEY", "CREDENTIAL", "API_KEY", "APIKEY", "DSN");

    /**
     * Variables command-line clients read their credential from, whose names carry none of the secret words:
     * redis-cli's REDISCLI_AUTH, sshpass's SSHPASS, the Neo4j image's NEO4J_AUTH (user/password). libpq's
     * PGPASSWORD, mysql's MYSQL_PWD and sqlcmd's SQLCMDPASSWORD are secret by their words already.
     */
    private static final Set<String> CLIENT_CREDENTIALS = Set.of("REDISCLI_AUTH", "SSHPASS", "NEO4J_AUTH",
            "LFTP_PASSWORD", "ISC_PASSWORD");

    /** Last words of a name that make it a duration, size, count or switch, whatever it is about. */
    private static final Pattern SETTING_SUFFIX = Pattern.compile("_(?:MS|MILLIS|SECONDS|SECS|SEC|MINUTES|MINS|HOURS|DAYS"
            + "|TTL|EXPIRE|EXPIRES|EXPIRES_IN|EXPIRY|EXPIRATION|TIMEOUT|LENGTH|LEN|ROUNDS|ENABLED|ENABLE|DISABLED"
            + "|ALGORITHM|ALG|FILE|PATH|DIR|ENDPOINT|HEADER|TYPE|POLICY|VERSION|MIN|MAX|URL_PATH"
            // what names or schedules a secret, not the secret: an HSM's TOKEN_LABEL, a key's ROTATION_GRACE_PERIOD, a
            // secret manager's SECRETS_ID / SECRET_NAME
            + "|LABEL|PERIOD|INTERVAL|ID|NAME"
            // the realm an htpasswd login prompt shows (a registry's REGISTRY_AUTH_HTPASSWD_REALM: Registry Realm)
            + "|REALM"
            // the identity beside the secret: QUARKUS_MONGODB_CREDENTIALS_USERNAME, TOKEN_USER
            + "|USERNAME|USER)$");
    /** Last words of a name that make it an address: an OAuth TOKEN_URL or a SECRET_MANAGER_HOST holds no secret. */
    private static final Pattern ADDRESS_SUFFIX = Pattern.compile("_(?:URL|URI|HOST|ENDPOINT|ADDR|ADDRESS|PORT)$");

    /**
     * Variables the operating system, the shell, CI, a hosting platform, compose/Docker or a language runtime
     * sets: an app reads them, but they are not the app's configuration to document or to set in a stack.
     */
    private static final Set<String> PLATFORM = Set.of("NODE_ENV", "HOME", "PATH", "PWD", "OLDPWD", "USER", "LOGNAME",
            "SHELL", "HOSTNAME", "TERM", "LANG", "LANGUAGE", "TZ", "CI", "TMPDIR", "TEMP", "TMP", "JAVA_HOME",
            "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "VERCEL", "VERCEL_ENV", "VERCEL_URL", "NETLIFY",
            "HEROKU_APP_NAME", "DYNO", "GAE_ENV", "K_SERVICE", "AWS_LAMBDA_FUNCTION_NAME", "AWS_REGION",
            "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "FLY_APP_NAME", "FLY_REGION", "FLY_ALLOC_ID", "FLY_MACHINE_ID",
            "RENDER", "RENDER_SERVICE_NAME", "RENDER_EXTERNAL_URL", "RENDER_EXTERNAL_HOSTNAME", "RAILWAY_PUBLIC_DOMAIN",
            "RAILWAY_SERVICE_NAME", "RAILWAY_STATIC_URL", "GITHUB_ACTIONS", "GITHUB_SHA", "GITHUB_REPOSITORY",
            "GITHUB_WORKSPACE", "GITHUB_ACTOR", "GITHUB_JOB", "GITHUB_WORKFLOW", "GITHUB_SERVER_URL", "GITHUB_API_URL",
            "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY", "GITHUB_GRAPHQL_URL",
            "USERNAME", "OS", "NO_COLOR",
            "FORCE_COLOR", "PYTHONPATH", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "VIRTUAL_ENV", "GOPATH",
            "GOROOT", "GOOS", "GOARCH", "GOMAXPROCS", "EDITOR", "VISUAL", "PAGER", "UID", "GID", "NOTIFY_SOCKET",
            "LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES", "INVOCATION_ID", "JOURNAL_STREAM", "WATCHDOG_USEC", "WATCHDOG_PID",
            // the container manager's marker (podman, systemd-nspawn: container=podman), as systemd's detect_container reads it
            "container", "XDG_CONFIG_HOME",
            // Next.js sets them for the code it runs: the build phase (phase-production-build …) and the runtime (nodejs, edge)
            "NEXT_PHASE", "NEXT_RUNTIME",
            "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "DISPLAY", "COLUMNS", "LINES", "SSH_AUTH_SOCK",
            "DEBIAN_FRONTEND", "COMPOSE_PROJECT_NAME", "COMPOSE_FILE", "COMPOSE_PROFILES", "DOCKER_HOST",
            "DOCKER_BUILDKIT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
            "NODE_TLS_REJECT_UNAUTHORIZED", "NODE_EXTRA_CA_CERTS", "NODE_OPTIONS",
            // Node's own runtime knobs (node(1), "Environment"): which core modules log, where modules are looked up
            "NODE_DEBUG", "NODE_PATH", "NODE_NO_WARNINGS", "NODE_PENDING_DEPRECATION", "NODE_V8_COVERAGE",
            // git's own environment (git(1), "Environment Variables"): where a repository is and how git runs in it
            "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES",
            "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM",
            "GIT_TERMINAL_PROMPT", "GIT_SSH_COMMAND", "GIT_EDITOR", "GIT_PAGER",
            // the Go runtime's knobs (runtime package, "Environment Variables"): how whoever runs the binary tunes it
            "GODEBUG", "GOGC", "GOMEMLIMIT", "GOTRACEBACK",
            // kubectl's and every Kubernetes client library's configuration file
            "KUBECONFIG",
            // what the terminal a CLI runs in says about itself (supports-hyperlinks, supports-color): its program and
            // version, a CI server's marker, the user's override
            "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "VTE_VERSION", "COLORTERM", "TEAMCITY_VERSION", "FORCE_HYPERLINK",
            "WT_SESSION", "CURSOR_TRACE_ID",
            // the platform arguments BuildKit sets in every build (docker buildx's automatic ARGs)
            "BUILDPLATFORM", "TARGETPLATFORM", "BUILDOS", "BUILDARCH", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
            // sudo's, the desktop session's and the browser's (xdg-open)
            "SUDO_USER", "SUDO_UID", "SUDO_GID", "SUDO_COMMAND", "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE",
            "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "WAYLAND_DISPLAY", "DESKTOP_SESSION", "BROWSER",
            // the Go toolchain's and runtime's, gRPC-Go's logging, Rust's backtraces
            "GOARM", "GOAMD64", "CGO_ENABLED", "GOFLAGS", "GRPC_GO_LOG_SEVERITY_LEVEL",
            "GRPC_GO_LOG_VERBOSITY_LEVEL", "RUST_BACKTRACE",
            // Storybook's builder sets it while it renders stories (import.meta.env.STORYBOOK, process.env.STORYBOOK)
            "STORYBOOK",
            // what Read the Docs sets in every docs build (a VitePress or Sphinx config reads READTHEDOCS_CANONICAL_URL
            // for its canonical links); by name, not by prefix: READTHEDOCS_PASSWORD in Read the Docs' own code is its own
            "READTHEDOCS", "READTHEDOCS_CANONICAL_URL", "READTHEDOCS_VERSION", "READTHEDOCS_VERSION_NAME",
            "READTHEDOCS_VERSION_TYPE", "READTHEDOCS_PROJECT", "READTHEDOCS_LANGUAGE", "READTHEDOCS_OUTPUT",
            "READTHEDOCS_GIT_CLONE_URL", "READTHEDOCS_GIT_IDENTIFIER", "READTHEDOCS_GIT_COMMIT_HASH",
            "READTHEDOCS_VIRTUALENV_PATH", "READTHEDOCS_REPOSITORY_PATH", "READTHEDOCS_PRODUCTION_DOMAIN");
    /**
     * Variables Windows sets, named in any case as Windows compares them case-insensitively ({@code ProgramData},
     * {@code SystemRoot}, {@code windir}): code reads them on Windows only, never as a container's configuration.
     */
    private static final Set<String> WINDOWS = Set.of("APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "PROGRAMFILES",
            "PROGRAMFILES(X86)", "PROGRAMW6432", "COMMONPROGRAMFILES", "USERPROFILE", "ALLUSERSPROFILE", "SYSTEMROOT",
            "SYSTEMDRIVE", "WINDIR", "HOMEDRIVE", "HOMEPATH", "COMSPEC", "PATHEXT", "COMPUTERNAME", "USERDOMAIN",
            "PROCESSOR_ARCHITECTURE", "NUMBER_OF_PROCESSORS");
    /**
     * The proxy variables of the network an app runs in, read by HTTP clients (curl, Go's net/http, Python's
     * requests, undici) in either case: set by whoever runs the app on that network, not app configuration.
     */
    private static final Set<String> PROXIES = Set.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "FTP_PROXY");
    /**
     * Prefixes the platform owns. Not GITHUB_, HEROKU_, FLY_ or BITBUCKET_ as a whole: GITHUB_CLIENT_SECRET and
     * FLY_API_TOKEN are an app's own configuration.
     */
    private static final List<String> PLATFORM_PREFIXES = List.of("npm_", "RUNNER_", "VERCEL_", "LC_", "COMPOSE_",
            "DOCKER_", "BUILDKIT_", "CI_", "CIRCLE_", "TRAVIS_", "KUBERNETES_", "GITHUB_ACTION", "GITHUB_EVENT_",
            "GITHUB_RUN_", "GITHUB_REF", "GITHUB_BASE_REF", "GITHUB_HEAD_REF", "RAILWAY_ENVIRONMENT", "RAILWAY_GIT_",
            "ECS_CONTAINER_METADATA",
            // what other CI services set for every job (authelia's .buildkite hooks read BUILDKITE_BRANCH, BUILDKITE_TAG)
            "BUILDKITE_", "DRONE_", "APPVEYOR_", "CODEBUILD_", "BITRISE_",
            // what a cloud development environment sets in every workspace (woodpecker's docker-compose.gitpod.yaml
            // builds its URLs from GITPOD_WORKSPACE_ID; Codespaces' CODESPACE_NAME)
            "GITPOD_", "CODESPACE_",
            // what a local development environment sets for the compose files it runs (DDEV's
            // .ddev/docker-compose.redis.yaml: container_name: ddev-${DDEV_SITENAME}-redis; Lando's LANDO_*)
            "DDEV_", "LANDO_",
            // the OpenTelemetry SDK's environment (the specification's OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES,
            // OTEL_EXPORTER_OTLP_ENDPOINT …): the same in every instrumented app, set by whoever runs it
            "OTEL_");
    /** What front-end build tools define themselves: create-react-app's PUBLIC_URL, Vite's BASE_URL, MODE, DEV, PROD, SSR. */
    private static final Set<String> BUNDLER_BUILTINS = Set.of("PUBLIC_URL", "BASE_URL", "MODE", "DEV", "PROD", "SSR");

    /**
     * Whether the name says the variable holds an address (its last word URL, URI, HOST, ENDPOINT, ADDR, ADDRESS,
     * PORT, or a DSN): a connection URL may carry a credential, a bare host never does.
     */
    public static boolean isAddress(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return ADDRESS_SUFFIX.matcher(n).find() || n.equals("DSN") || n.endsWith("_DSN");
    }

    /**
     * The prefixes by which a bundler inlines a variable into the JavaScript it builds for the browser; Nx's web
     * builds put {@code NX_} before them ({@code NX_REACT_APP_…}, {@code NX_PUBLIC_…}).
     */
    private static final Pattern PUBLIC_BUNDLED = Pattern.compile(
            "(?:NX_)?(?:VITE|NEXT_PUBLIC|NUXT_PUBLIC|REACT_APP|VUE_APP|EXPO_PUBLIC|GATSBY|PUBLIC)_.*");
    private static final Pattern SAYS_SECRET = Pattern.compile(
            ".*(?:SECRET|PRIVATE|PASSWORD|PASSWD).*");

    /**
     * A variable a front-end bundler inlines into the JavaScript every browser downloads (Vite's {@code VITE_…},
     * {@code NEXT_PUBLIC_…}, {@code REACT_APP_…}, {@code VUE_APP_…}, {@code EXPO_PUBLIC_…}, SvelteKit's {@code PUBLIC_…},
     * and these under Nx's {@code NX_} prefix):
     * public by design, whatever its other words ({@code VITE_SENTRY_DSN}, {@code NEXT_PUBLIC_MAPS_API_KEY}). Not when
     * the name says secret, private or password ({@code VITE_STRIPE_SECRET_KEY} is a leak into the bundle).
     */
    public static boolean isPublicBundled(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return PUBLIC_BUNDLED.matcher(n).matches() && !SAYS_SECRET.matcher(n).matches();
    }

    /** A CAPTCHA widget's site key (upper-case name): public, every page that shows the widget carries it. */
    private static boolean isCaptchaSiteKey(String upper) {
        return (upper.contains("SITE_KEY") || upper.contains("SITEKEY")) && (upper.contains("CAPTCHA") || upper.contains("TURNSTILE"));
    }

    /**
     * Whether a variable with this name holds a secret: PASSWORD, PASSWD, SECRET, TOKEN, PRIVATE_KEY (PRIVATE as
     * the last word; before other words it is a visibility qualifier: NEXT_PRIVATE_SMTP_FROM_NAME),
     * CREDENTIAL, API_KEY/APIKEY, a {@code _KEY} (but not {@code _KEY_ID} or PUBLIC_KEY), DSN, and
     * connection URLs that carry credentials (DATABASE_URL, *_DATABASE_URL, MONGO*_URI/URL, AMQP_URL,
     * RABBITMQ_URL). Names ending in a unit, TTL, expiry, length, rounds, algorithm or on/off word are
     * settings, not secrets (JWT_RESET_PASSWORD_EXPIRATION_MINUTES, ACCESS_TOKEN_EXPIRE_MINUTES). REDIS_URL
     * is not: the stack's Redis has no password, and a URL with one is caught by the secret scanner.
     */
    public static boolean isSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals("DATABASE_URL") || n.endsWith("_DATABASE_URL") || n.equals("AMQP_URL") || n.equals("RABBITMQ_URL")
                || n.startsWith("MONGO") && (n.endsWith("_URI") || n.endsWith("_URL"))) {
            return true; // connection URLs that carry the credentials
        }
        if (SETTING_SUFFIX.matcher(n).find() || ADDRESS_SUFFIX.matcher(n).find()) {
            return false; // a setting about a secret (JWT_ACCESS_EXPIRATION_MINUTES, PASSWORD_MIN_LENGTH, TOKEN_URL), not one
        }
        if (CLIENT_CREDENTIALS.contains(n)) {
            return true;
        }
        if (n.equals("PWD") || n.equals("OLDPWD")) {
            return false; // the shell's working directory
        }
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        // PRIVATE alone is a secret only as the last word (JWT_PRIVATE); before other words it says who may see a
        // setting (Next.js's NEXT_PRIVATE_SMTP_HOST, PRIVATE_NETWORK, PRIVATE_REGISTRY), not that it is a secret
        if (n.equals("PRIVATE") || n.endsWith("_PRIVATE")) {
            return true;
        }
        // PASS and PWD as whole words: MYSQL_PASS, DB_PWD, PASS_PHRASE (not PASSENGER, PASSPORT_NUMBER)
        for (String part : n.split("_")) {
            if (part.equals("PASS") || part.equals("PWD") || part.equals("PASSPHRASE")) {
                return true;
            }
        }
        if (n.endsWith("_KEY") || n.equals("KEY") || n.contains("_KEY_")) {
            // PUBLIC_KEY and PUBLISHABLE_KEY (Stripe, Clerk pk_…) are public by design, and so is a CAPTCHA's site key
            // (RECAPTCHA_SITE_KEY, HCAPTCHA_SITEKEY, TURNSTILE_SITE_KEY: every page that shows the widget carries it)
            return !n.contains("PUBLIC_KEY") && !n.contains("PUBLISHABLE") && !n.endsWith("_KEY_ID") && !n.contains("_KEY_ID_")
                    && !isCaptchaSiteKey(n);
        }
        return false;
    }

    /**
     * Whether a command-line client reads its password from this variable although the name has no secret
     * word in it (REDISCLI_AUTH, SSHPASS, NEO4J_AUTH).
     */
    public static boolean isClientCredential(String name) {
        return CLIENT_CREDENTIALS.contains(name.toUpperCase(Locale.ROOT));
    }

    /** Those client credential names, lower-cased: keywords for a scanner's prefilter. */
    public static List<String> clientCredentialKeywords() {
        return CLIENT_CREDENTIALS.stream().map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    /**
     * Whether the platform sets this variable (the OS, the shell, CI, hosting platforms, compose and Docker,
     * systemd socket activation, language runtimes, the network's proxies: HTTP_PROXY, no_proxy): not the app's own configuration. {@code init} neither
     * requires nor passes it; lint does not ask for it to be documented.
     */
    public static boolean isPlatform(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (PLATFORM.contains(name) || WINDOWS.contains(upper) || PROXIES.contains(upper)) {
            return true;
        }
        for (String p : PLATFORM_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a front-end build tool defines this variable itself ({@code import.meta.env.MODE}, {@code PUBLIC_URL}). */
    public static boolean isBundlerBuiltin(String name) {
        return BUNDLER_BUILTINS.contains(name);
    }
}
