package dev.devops.files;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a repository file is, decided from its repository-relative path (forward slashes): the one
 * definition that {@code detect}, every lint family, {@code scaffold} and {@code engine} use. Names are
 * compared case-insensitively, the way Docker and compose tools on case-insensitive file systems see them.
 */
public final class FileKinds {
    private FileKinds() {
    }

    /** Suffixes that make a Dockerfile-named file a template, a backup or source code, not a Dockerfile. */
    /**
     * Source code by extension ({@link #isSourceCode}): the languages apps are written in, Ruby's Rake tasks, gem
     * specifications and Jbuilder views, Bicep, SQL, build scripts and server pages, interface definitions.
     */
    private static final Set<String> SOURCE_EXT = Set.of("java", "kt", "kts", "scala", "groovy", "js", "jsx", "mjs", "cjs",
            // TypeScript's module extensions beside .ts (a seed script's seed.mts, a config's vite.config.cts)
            "ts", "tsx", "mts", "cts", "py", "rb", "go", "cs", "php", "swift", "rs", "c", "cc", "cpp", "h", "hpp", "m", "dart", "lua",
            "pl", "r", "clj", "cljs", "cljc", "bicep", "ex", "exs", "erl", "fs", "vb", "vue", "svelte", "jl", "ps1", "psm1", "sql",
            // Ruby beyond .rb: Rake tasks (lib/tasks/*.rake), gem specifications, Jbuilder views
            "rake", "gemspec", "jbuilder",
            // Perl modules beside .pl scripts (an Apache auth handler's Redmine.pm: 'my $pass = shift;' is code)
            "pm",
            // functional and systems languages: Haskell, OCaml, Elm, PureScript, Gleam, Zig, Nim, Crystal
            "hs", "lhs", "ml", "mli", "elm", "purs", "gleam", "zig", "nim", "cr",
            // build scripts written in a programming language (Gradle's Groovy DSL; the Kotlin one is .kts), server pages
            // whose ${…} and <% … %> hold code (Grails' GSP, JSP), Starlark (Bazel, Tilt)
            "gradle", "gsp", "jsp", "bzl", "star",
            // interface definitions: 'string password = 4;' is a field's number, never a value
            "proto", "thrift", "avdl", "graphql", "gql",
            // CoffeeScript (Sprockets' payments.js.coffee, and .js.coffee.erb through its template suffix): 'stripe_token: token' passes a variable
            "coffee");

    /**
     * Source code by its whole lower-cased name: Tilt's {@code Tiltfile} (Starlark: {@code 'argocd-secret:secret'} names a
     * resource and its kind), Ruby's DSL files ({@code Rakefile}, {@code Gemfile}, fastlane's {@code Fastfile}, Danger's
     * {@code Dangerfile}, CocoaPods' {@code Podfile}).
     */
    private static final Set<String> SOURCE_NAMES = Set.of("tiltfile", "rakefile", "gemfile", "fastfile", "dangerfile",
            "podfile", "guardfile");

    /** Whether the path names a source file by its extension (a lower-case {@link #SOURCE_EXT} one) or its name ({@link #SOURCE_NAMES}). */
    public static boolean isSourceCode(String path) {
        String name = name(path).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && SOURCE_EXT.contains(name.substring(dot + 1)) || SOURCE_NAMES.contains(name);
    }

    /** Names that are no Dockerfile whatever they start with: templates, docs, data, build output (source code too). */
    private static final List<String> NOT_A_DOCKERFILE = List.of(".ftl", ".ftlh", ".tmpl", ".tpl", ".template", ".j2", ".jinja",
            ".erb", ".mustache", ".hbs", ".md", ".txt", ".orig", ".bak", ".swp", ".dockerignore", ".json", ".yml", ".yaml",
            ".sh", ".html", ".css", ".xml", ".class", ".jar", ".go.snap", ".pm", ".mm", ".toml", ".ini", ".cfg",
            // a fragment a build script adds to a Dockerfile (Dockerfile.append, Dockerfile.partial): no image of its own
            ".append", ".prepend", ".partial", ".fragment", ".snippet",
            // an icon or picture of a Dockerfile (a dashboard's svgs/resources/dockerfile.svg)
            ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp");

    /**
     * The names docker compose reads when no -f is given, in its order of preference: with two of them in a
     * directory it reads the first (and warns).
     */
    public static final List<String> COMPOSE_DEFAULT_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");

    /** Compose file names: compose.yaml, docker-compose.yml, docker-compose.prod.yml, compose.override.yaml … */
    private static final Pattern COMPOSE_NAME = Pattern.compile("(?i)(docker-)?compose(\\.[A-Za-z0-9_.-]+)?\\.ya?ml");

    /** What follows {@code .env.} in the name of an example file: documentation, never real values. */
    private static final Set<String> EXAMPLE_WORDS = Set.of("example", "examples", "sample", "template", "dist",
            "defaults", "default", "tpl", "tmpl", "schema", "skel", "stub", "editme",
            // a template engine's suffix: .env.hbs, .env.j2 (a generator renders it; its values are the template's)
            "hbs", "handlebars", "mustache", "j2", "jinja", "jinja2", "gotmpl", "liquid", "njk", "ejs",
            // a copy kept as text (.env.dev.txt, which the README copies to .env.dev): no dotenv loader reads it
            "txt");
    /** Extensions that make {@code .env.X} source code or another format, not a dotenv file ({@code .env.d.ts}). */
    private static final Set<String> NOT_DOTENV_EXT = Set.of("js", "mjs", "cjs", "ts", "mts", "cts", "json", "yml", "yaml", "md",
            "sh", "py", "go", "java", "rb", "toml", "bak", "swp", "orig", "patch", "diff", "rej",
            // a REUSE sidecar (.env.license, .env.test.license): the SPDX copyright and licence lines of the file beside it
            "license");

    private static final Set<String> DOCS_EXT = Set.of("md", "markdown", "mdx", "rst", "adoc", "asciidoc", "txt",
            "textile", "rdoc", "pod", "1", "5", "8", "man",
            // a man page's source in Markdown for ronn (debian/tool.ronn) or scdoc (tool.1.scd): prose with sample config
            "ronn", "scd",
            // an AI editor's rule files (.cursor/rules/*.mdc): Markdown with front matter, prose and example code
            "mdc");
    private static final DirPattern DOCS_DIR = DirPattern.lowerCase("docs?|docs?_src|documentation|man|manual|website/docs");
    /**
     * Prose a project names by convention and writes without an extension (a plugin's README, INSTALL, UPGRADING), by
     * lower-cased name: read, never run. Written in capitals (a script may be called bin/install), but for a Readme and a
     * Changelog.
     */
    private static final Set<String> PROSE_NAMES = Set.of("readme", "install", "installing", "upgrading", "upgrade",
            "changelog", "changes", "news", "history", "contributing", "authors", "faq", "usage", "todo");
    /**
     * A project's metadata for catalogues and citation, by lower-cased name: publiccode.yml (a software catalogue's
     * description with its links), CITATION.cff, codemeta.json, .zenodo.json. Described, never run.
     */
    private static final Set<String> METADATA_NAMES = Set.of("publiccode.yml", "publiccode.yaml", "citation.cff",
            "codemeta.json", ".zenodo.json");
    private static final DirPattern TEST_DIR = DirPattern.lowerCase(
            "_?(?:test|tests|__tests__|__mocks__|mocks?|spec|e2e|test[-_]?data|testing|fixtures|__fixtures__"
                    + "|integration-tests?|it|cypress|playwright|stubs?|__stubs__|__snapshots__|\\.snapshots|test[-_]?helpers?|test[-_]?utils?"
                    // a test's resources: authelia's internal/configuration/test_resources/, Maven-style test-resources/
                    + "|test[-_]?resources"
                    // a suite's directory by its kind: DefectDojo's unittests/ (unittests/scans/: the scanner reports its
                    // parsers' tests read), unit_tests/, functional-tests/, acceptance_tests/
                    + "|unit[-_]?tests?|(?:functional|acceptance|integration|system)[-_]?tests?"
                    // and by the kind of run: e2e-tests/, end2end_tests/, smoke-tests/, load-tests/, tests-e2e/, test_integration/
                    + "|(?:e2e|end2end|smoke|load|perf|performance|regression|contract|ui)[-_]tests?"
                    + "|tests?[-_](?:e2e|end2end|unit|integration|functional|acceptance|system|smoke|load|perf|regression)"
                    // Behat's contexts (PHP BDD step definitions): src/Sylius/Behat/Context/, features/bootstrap/
                    + "|behat|features/bootstrap"
                    // integration test suites and their stacks: authelia's internal/suites/{LDAP,OIDC,…}/configuration.yml
                    + "|suites|test[-_]?suites?"
                    // Perl's and celery's t/ (t/unit/, t/integration/)
                    + "|t"
                    // .NET test projects by their naming convention: BTCPayServer.Tests/, Ordering.UnitTests/,
                    // Catalog.FunctionalTests/, App.IntegrationTests/, App.Specs/ (the project directory, at any depth)
                    + "|[\\w.-]+\\.(?:unit|integration|functional|acceptance|e2e|end2end|architecture)?tests?|[\\w.-]+\\.specs"
                    // a build's end-to-end or integration-test module by its naming convention: a project-prefixed
                    // Maven/Gradle module or an Nx project (app-e2e/, app-e2e-case/, web-e2e/, app-integrated-test-http/,
                    // app-integration-tests/): e2e or integration-test as one hyphen- or underscore-separated part of the
                    // name. Not a bare "-test" or "-tests" part: a sample named jwt-auth-tests/, a demo module
                    // app-cloud-test/ and a CI stack's cluster-test/ run with the credentials they hold
                    + "|[\\w.-]*[-_](?:e2e|integrat(?:ion|ed)[-_]tests?)(?:[-_][\\w.-]*)?"
                    // Laravel's model factories (database/factories/): test and seed data. Not any factories/
                    // directory: in C# or Java one holds the app's own factory classes
                    + "|database/factories"
                    // a Ruby gem's test support it ships for its extensions' suites (Rails engines' lib/<gem>/testing_support/:
                    // factories, shared examples, a dummy app), and the like named test_support/, test-support/
                    + "|(?:testing|test)[-_]support)");
    /**
     * A framework's configuration of the test environment: Phoenix/Elixir's {@code config/test.exs}, Rails'
     * {@code config/environments/test.rb}: what the test run uses (a dummy secret_key_base), never a deployment.
     */
    private static final Pattern TEST_ENV_CONFIG = Pattern.compile("(^|.*/)config/(environments/)?test\\.(exs|rb)");
    private static final Pattern TEST_NAME = Pattern.compile(
            "[^/]*\\.(test|spec|e2e|cy)\\.[a-z]+|[^/]*_tests?\\.(go|py|rb|exs|sh|rs)|test_[^/]*\\.py|conftest\\.py|tests\\.(?:py|rs)|[^/]*_testing\\.py|test_?helpers?\\.[a-z]+"
                    + "|[^/]*(Test|Tests|IT|Spec)\\.(java|kt|scala|groovy|cs)|[^/]*_spec\\.rb"
                    // test runners' own configuration: what it sets (a test user's password, a base URL) is test data
                    + "|(?:cypress|playwright|jest|vitest|karma|wdio|nightwatch)\\.config\\.[a-z]+|pytest\\.ini|tox\\.ini|\\.mocharc\\.[a-z]+"
                    // PHPUnit's (phpunit.xml, phpunit.xml.dist, phpunit.dist.xml: the <env> a test run sets, an APP_KEY)
                    + "|phpunit(?:\\.dist)?\\.xml(?:\\.dist)?"
                    // a Nix flake's checks (nix flake check): NixOS VM tests that boot the service with made-up secrets
                    + "|checks\\.nix"
                    // a test's YAML input named as one (a platform's templates/test-database-detection.yaml: compose
                    // services its detection tests read); a CI pipeline so named is a pipeline (isTest asks isCi)
                    + "|test[-_][^/]*\\.ya?ml"
                    // test data by the module's name: Vendure's mock-events.ts (email previews of made-up events),
                    // lobsters' fake_data.rake, mocks.py, user_fakes.go, mockData.ts, fake-users.json
                    // and a dev script that simulates a provider's event with made-up data (dub's simulate-shopify-webhook.ts)
                    + "|(?i:(?:mocks?|fakes?|fake[-_]?data|dummy[-_]?data)(?:[-_.][^/]*)?|[^/]*[-_.](?:mocks?|fakes?)"
                    + "|simulate[-_][^/]*)\\.[a-z]+"
                    + "|(?:mock|fake)[A-Z][^/]*\\.[a-z]+"
                    // test-data factories by name: factory_boy's factories.py, ExMachina's factory.ex (tfa_factory())
                    + "|factories\\.(?:py|rb|ex|exs|ts|js)|factory\\.exs?"
                    // a package's test fixtures by name: photoprism's auth_session_fixtures.go, fixtures.go (the rows
                    // its tests load into a test database), user_fixture.rb
                    + "|(?i:fixtures?|[^/]*[-_.]fixtures?)\\.[a-z]+"
                    // a test word as a part of a config file's name: compose-e2e-test.yml, docker-compose.ci-test.yml,
                    // smoketest_configuration.py (not latest.yml: the word must stand alone)
                    + "|[^/]*[-_.](e2e|tests?|testing|smoketests?)([-_.][^/]*)?\\.(ya?ml|json|toml|env|ini|conf|cfg|py)"
                    + "|(smoke|e2e|integration)[-_]?tests?[-_.][^/]*"
                    // an end-to-end run's shell script by name (scripts/e2e-cluster-setup.sh, run_e2e.sh): it seeds the
                    // throwaway cluster the suite runs against with made-up secrets
                    + "|(?:e2e|end2end)[-_][^/]*\\.(?:sh|bash)|[^/]*[-_](?:e2e|end2end)\\.(?:sh|bash)"
                    // a test runner's setup file: vitestSetup.ts, jest.setup.js, setupTests.ts, test-setup.ts
                    + "|(?i:(?:jest|vitest|mocha|karma|tests?)[-_.]?setup(?:[-_.][\\w-]+)?|setup[-_.]?(?:jest|vitest|tests?))\\.[a-z]+");
    /** Helm chart-testing's values files ({@code charts/x/ci/*-values.yaml}): what {@code ct install} tests the chart with. */
    private static final Pattern CHART_TEST_VALUES = Pattern.compile("(^|.*/)ci/[^/]*values[^/]*\\.ya?ml");
    /**
     * A code generator's recorded answers or template inputs: Yeoman's {@code .yo-rc.json}, Copier's
     * {@code .copier-answers.yml}, Cookiecutter's {@code cookiecutter.json}. Read when the generator runs again, never by
     * the app.
     */
    private static final Pattern GENERATOR_ANSWERS = Pattern.compile(
            "\\.yo-rc(-global)?\\.json|\\.copier-answers(\\.[\\w-]+)?\\.ya?ml|cookiecutter\\.json");
    /**
     * The stack a CI run or a browser-test runner starts, by a word of its config file's name: compose.ci.yaml,
     * compose.cypress.yaml, settings.ci.py (a CI pipeline's own file, .gitlab-ci.yml, is not one).
     */
    private static final Pattern CI_STACK_NAME = Pattern.compile(
            "[^/]*[-_.](ci|cypress|playwright|selenium)([-_.][^/]*)?\\.(ya?ml|json|toml|env|ini|conf|cfg|py)");
    private static final DirPattern VENDOR_DIR = DirPattern.lowerCase("vendor|node_modules|third_party|third-party|bower_components");
    /**
     * A copy of a library's release, named by the library and its full version: {@code public/plugins/codemirror-5.17.0/},
     * {@code static/js/jquery-ui-1.12.1/}. A project names its own directories without a release number.
     */
    private static final DirPattern VERSIONED_COPY = DirPattern.lowerCase(
            "[a-z][a-z0-9_.]*(?:-[a-z][a-z0-9_]*)*-v?\\d+\\.\\d+\\.\\d+(?:[-.][a-z0-9]+)*");
    /** Minified bundles and source maps, by lower-cased name. */
    private static final Pattern VENDORED_NAME = Pattern.compile(".*\\.min\\.(js|mjs|css)"
            // source maps: a bundler writes them, their "sourcesContent" is code flattened into one JSON string
            + "|.*\\.(js|mjs|cjs|css)\\.map");
    /** The directories a bundler writes its chunks to under {@code dist/}. */
    private static final Set<String> DIST_SUBDIRS = Set.of("assets", "js", "css", "static", "chunks");
    /** Built bundles, by lower-cased name, in a {@code dist/} directory. */
    private static final Pattern DIST_BUNDLE = Pattern.compile("[^/]+\\.(js|mjs|cjs|css)");
    /** Storybook stories ({@code X.stories.tsx}, or {@code X.story.tsx} as many projects name them): demos of components, documentation that runs. */
    private static final Pattern STORIES = Pattern.compile("[^/]*\\.stor(?:ies|y)\\.(js|jsx|ts|tsx|mdx|svelte|vue)");
    /** The dotenv files of the test environment: .env.test, .env.testing, .env.test.local. */
    /**
     * {@code .env.test}, {@code .env.testing}, {@code .env.test.local}, and the test word as a part of the name:
     * {@code .env.tests}, {@code .env.unit-tests}, {@code .env.testing-ci}, Symfony's {@code .env.test_cached},
     * Laravel Dusk's {@code .env.dusk} / {@code .env.dusk.local} (the browser tests' environment).
     */
    private static final Pattern TEST_DOTENV = Pattern.compile(
            "\\.env\\.(?:(test|testing)(\\.local)?|(?:[a-z0-9]+[-_])*(?:tests?|testing|dusk)(?:[-_.][a-z0-9_-]+)*)");
    /** The dotenv file a CI pipeline runs the test suite with: .env.ci (Laravel's {@code cp .env.ci .env} before phpunit). */
    private static final Pattern CI_DOTENV = Pattern.compile("\\.env\\.ci(\\.local)?");
    private static final Pattern CI_PATH = Pattern.compile("(?i)(^|.*/)(\\.github/workflows/[^/]+\\.ya?ml"
            + "|\\.gitlab-ci\\.ya?ml|\\.circleci/config\\.ya?ml|\\.travis\\.ya?ml|azure-pipelines\\.ya?ml"
            + "|bitbucket-pipelines\\.ya?ml|jenkinsfile|\\.drone\\.ya?ml|\\.woodpecker\\.ya?ml|\\.woodpecker/[^/]+\\.ya?ml|\\.buildkite/[^/]+\\.ya?ml|\\.depot/workflows/[^/]+\\.ya?ml"
            + "|appveyor\\.ya?ml|cloudbuild\\.ya?ml|\\.gitlab/ci/[^/]+\\.ya?ml)");
    /** Directories of build, release and CI tooling, and of build-tool wrappers ({@code .mvn/wrapper}, {@code gradle/wrapper}). */
    private static final DirPattern BUILD_SCRIPT_DIR = DirPattern.ignoringCase(
            "scripts?|tools|\\.github|\\.circleci|\\.husky|\\.buildkite|\\.mvn|gradle/wrapper|ci|\\.ci|release");
    /** Build-tool configuration and build/release scripts by name: evaluated when the app is built, not when it runs. */
    private static final Pattern BUILD_SCRIPT_NAME = Pattern.compile("(?i)(?:(?:webpack|vite|vitest|rollup|esbuild|babel"
            + "|postcss|tailwind|jest|karma|playwright|cypress|eslint|prettier|stylelint|commitlint|lint-staged|tsup"
            + "|turbo|svelte|astro|snowpack|parcel|gulpfile|gruntfile|metro|craco|storybook)(?:[.-][\\w.-]*)?"
            + "\\.(?:js|cjs|mjs|ts|cts|mts)|\\.eslintrc\\.c?js|setup\\.py|noxfile\\.py|fabfile\\.py|dodo\\.py|magefile\\.go"
            + "|mvnw|gradlew|mvnw\\.cmd|gradlew\\.bat|mavenwrapperdownloader\\.java"
            + "|(?:release|publish|deploy|build|bump-version|version-bump)(?:[._-][\\w-]+)?\\.(?:js|cjs|mjs|ts|py|sh))");

    /** Directories of CI and release tooling: what code there reads is the pipeline's, not the app's. */
    private static final DirPattern CI_OR_RELEASE_DIR = DirPattern.ignoringCase("\\.github|\\.circleci|\\.buildkite|\\.gitlab|release");
    /** Release and deployment scripts by name: release.py, bin/release_manager.py, publish-npm.mjs, deploy_staging.sh. */
    private static final Pattern RELEASE_SCRIPT_NAME = Pattern.compile(
            "(?i)(?:release|publish|deploy|bump-version|version-bump)(?:[._-][\\w-]+)?\\.(?:js|cjs|mjs|ts|py|sh|rb)");

    /** Lock files by name: what a package manager or generator writes (integrity hashes, resolved versions). */
    private static final Set<String> LOCKFILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "go.sum", "cargo.lock", "poetry.lock", "pipfile.lock", "composer.lock", "gemfile.lock",
            "gradle.lockfile", "packages.lock.json", "flake.lock", "pubspec.lock", "mix.lock", "podfile.lock", "bun.lock",
            "uv.lock", "pdm.lock", "deno.lock");
    /** Lock files by shape: {@code *.lock} (Lingo.dev's i18n.lock, conan.lock), {@code *.lockfile}, {@code *-lock.json|yaml}. */
    private static final Pattern LOCKFILE_NAME = Pattern.compile("[^/]+\\.lock|[^/]+\\.lockfile|[^/]+[-.]lock\\.(json|ya?ml)");

    /** The kinds of dotenv file. */
    public enum Dotenv {
        /** Not a dotenv file. */
        NONE,
        /** The developer's own values: {@code .env}, {@code .env.local}, {@code .env.development.local}. */
        LOCAL,
        /** An environment's values: {@code .env.production}, {@code .env.staging}, {@code prod.env}. */
        ENVIRONMENT,
        /** Documentation of the variables, no real values: {@code .env.example}, {@code .env.sample}, {@code .env.tpl}. */
        EXAMPLE,
        /** A named env file ({@code app.env}, {@code docker/db.env}): often a compose {@code env_file} of plain settings. */
        NAMED;

        /** Whether a file of this kind holds real values (so should not be committed). */
        public boolean holdsValues() {
            return this == LOCAL || this == ENVIRONMENT;
        }
    }

    /** The file name of a path: what follows the last slash. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The directory of a path ("" at the root). */
    public static String dir(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /**
     * The names Docker tools treat as Dockerfiles: {@code Dockerfile}, {@code Dockerfile.X}, {@code X.Dockerfile},
     * {@code Containerfile}, {@code Containerfile.X}; not templates or source files named after them
     * ({@code Dockerfile.ftl}, {@code Dockerfile.java}).
     */
    public static boolean isDockerfile(String path) {
        if ((path.indexOf('{') >= 0 || path.contains("_template/")) && isTemplate(path)) {
            return false; // a generator's template of a Dockerfile ({{cookiecutter.project_slug}}/Dockerfile)
        }
        if (isSourceCode(path)) {
            // a source file named after Dockerfiles (a parser's Dockerfile.java, a test's dockerfile.go, livebook's
            // lib/livebook/hubs/dockerfile.ex, a module that writes Dockerfiles)
            return false;
        }
        String lower = name(path).toLowerCase(Locale.ROOT);
        for (String ext : NOT_A_DOCKERFILE) {
            if (lower.endsWith(ext)) {
                return false;
            }
        }
        int dot = lower.lastIndexOf('.');
        if (dot > 0 && DOCS_EXT.contains(lower.substring(dot + 1)) && !Character.isDigit(lower.charAt(lower.length() - 1))) {
            // documentation about a Dockerfile (a docs site's dockerfile-prompt.mdx, Dockerfile-guide.rst); not the man
            // page extensions, which are a variant's number (Dockerfile.8)
            return false;
        }
        // Dockerfile-counter: one image per program of a repository (docker/Dockerfile-NAME), built with -f
        return lower.equals("dockerfile") || lower.equals("containerfile") || lower.startsWith("dockerfile.")
                || lower.startsWith("dockerfile-")
                || lower.endsWith(".dockerfile") || lower.startsWith("containerfile.");
    }

    /** node-config's map of settings to environment variables: {@code config/custom-environment-variables.json} (or .yml, .js …). */
    private static final Pattern ENVIRONMENT_MAPPING = Pattern.compile("custom-environment-variables\\.(?:json5?|ya?ml|[cm]?js|ts|toml|hjson|properties)");

    /**
     * A file whose values are the names of the environment variables that set each setting (node-config's
     * {@code custom-environment-variables.json}: {@code "password": "REDIS_PASSWORD"}), not values.
     */
    public static boolean isEnvironmentMapping(String path) {
        return ENVIRONMENT_MAPPING.matcher(name(path)).matches();
    }

    /** The compose file names: {@code compose.yaml}, {@code docker-compose.yml}, {@code docker-compose.prod.yml} … */
    public static boolean isComposeName(String path) {
        return COMPOSE_NAME.matcher(name(path)).matches();
    }

    /**
     * A compose file, by name ({@link #isComposeName}) or by content: a YAML file, not a CI pipeline, whose
     * top level has {@code services:} with an entry that has {@code image: <name>} or {@code build:} (what
     * docker compose itself requires of a service), wherever it lives and whatever its name
     * ({@code deploy/compose/basic.yml}, {@code src/main/docker/app.yml}, {@code podman-compose.yml},
     * {@code docker-compose-mysql.yml}, a swarm {@code stack.yml}). {@code text} is read only for YAML files
     * whose name is not a compose name; it may return null (unreadable).
     */
    public static boolean isCompose(String path, java.util.function.Supplier<? extends CharSequence> text) {
        if (!isYaml(path)) {
            return false; // every compose name is a YAML name: this test first spares the regex on most files of a tree
        }
        if ((path.indexOf('{') >= 0 || path.contains("_template/")) && isTemplate(path)) {
            return false; // a generator's template of a compose file: {% if %} lines, {{ var }} values
        }
        if (isComposeName(path)) {
            return true;
        }
        if (isCi(path)) {
            return false;
        }
        CharSequence t = text.get();
        return t != null && looksLikeCompose(t);
    }

    /** A service's short volume entry: {@code - name:/path[:mode]}, the source quoted or not. */
    private static final Pattern SHORT_MOUNT = Pattern.compile("-\\s+[\"']?([A-Za-z0-9][\\w.-]*):/.*");

    /**
     * Whether compose text mounts a named volume ({@code - pg-data:/var/lib/postgresql/data}) and has no top-level
     * {@code volumes:} at all: docker compose refuses it as written ("refers to undefined volume"); a platform that
     * declares the volumes itself completes it. One pass over the lines, no YAML parsing.
     */
    public static boolean mountsUndeclaredVolume(CharSequence t) {
        boolean mounts = false;
        for (String line : t.toString().split("\n")) {
            if (line.startsWith("volumes:")) {
                return false;
            }
            if (!mounts && !line.isEmpty() && line.charAt(0) == ' ') {
                var m = SHORT_MOUNT.matcher(line.strip());
                mounts = m.matches() && !m.group(1).contains(".");
            }
        }
        return mounts;
    }

    /**
     * Whether YAML text is a compose file: a top-level {@code services:} mapping with an entry whose own keys
     * include {@code image:} with a value or {@code build:}. A Helm values file ({@code image:} a mapping) or a
     * GitLab CI {@code services:} list is not. One pass over the lines, no YAML parsing.
     */
    public static boolean looksLikeCompose(CharSequence t) {
        int n = t.length();
        int ls = 0;
        boolean inServices = false;
        int entryIndent = -1;
        int childIndent = -1;
        boolean expectChild = false;
        while (ls < n) {
            int le = ls;
            while (le < n && t.charAt(le) != '\n') {
                le++;
            }
            int indent = 0;
            while (ls + indent < le && t.charAt(ls + indent) == ' ') {
                indent++;
            }
            int cs = ls + indent;
            int ce = le;
            while (ce > cs && Character.isWhitespace(t.charAt(ce - 1))) {
                ce--;
            }
            boolean blank = cs >= ce || t.charAt(cs) == '#';
            if (!blank && t.charAt(cs) != '\t') {
                if (indent == 0) {
                    inServices = startsWith(t, cs, ce, "services:") && (ce == cs + 9 || t.charAt(cs + 9) == ' ')
                            && restIsEmpty(t, cs + 9, ce);
                    entryIndent = -1;
                    expectChild = false;
                    if (startsWith(t, cs, ce, "---")) {
                        inServices = false;
                    }
                } else if (inServices) {
                    if (entryIndent < 0) {
                        entryIndent = indent;
                    }
                    if (indent == entryIndent) {
                        expectChild = t.charAt(cs) != '-' && t.charAt(ce - 1) == ':';
                        childIndent = -1;
                    } else if (indent > entryIndent && expectChild) {
                        if (childIndent < 0) {
                            childIndent = indent;
                        }
                        if (indent == childIndent) {
                            if (startsWith(t, cs, ce, "build:")) {
                                return true;
                            }
                            if (startsWith(t, cs, ce, "image:") && !restIsEmpty(t, cs + 6, ce)) {
                                return true;
                            }
                        }
                    }
                }
            }
            ls = le + 1;
        }
        return false;
    }

    private static boolean startsWith(CharSequence t, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (t.charAt(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether only blanks or a comment follow {@code from}. */
    private static boolean restIsEmpty(CharSequence t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * A Docker ignore file: {@code .dockerignore}, or a Dockerfile's own ({@code Dockerfile.dockerignore},
     * {@code api.Dockerfile.dockerignore}: BuildKit reads it instead of the context's {@code .dockerignore}).
     */
    public static boolean isDockerignore(String path) {
        return name(path).toLowerCase(Locale.ROOT).endsWith(".dockerignore");
    }

    /** Whether a path ends in .yaml or .yml. */
    public static boolean isYaml(String path) {
        // the suffix, case ignored, without a lower-case copy of the whole path (this runs for every file of a tree)
        int n = path.length();
        return path.regionMatches(true, n - 5, ".yaml", 0, 5) || path.regionMatches(true, n - 4, ".yml", 0, 4);
    }

    /**
     * The dotenv kind of a path: {@code .env}, {@code .env.X} (not code such as {@code .env.d.ts} or
     * {@code .env.js}), {@code X.env} and {@code .X.env}; an example when any dot-separated part of the name after
     * {@code .env} is an example word ({@code .env.example}, {@code .env.local.example},
     * {@code .env.sample.production}, {@code example.env}, {@code .example.env}, {@code .env.tpl}), and
     * {@code env.example} / {@code env.sample} / {@code env.template}; {@code X.env} is a named env file.
     */
    public static Dotenv dotenv(String path) {
        String n = name(path).toLowerCase(Locale.ROOT);
        String rest;
        if (n.equals(".env")) {
            return Dotenv.LOCAL;
        } else if (n.startsWith(".env.")) {
            rest = n.substring(5);
            if (NOT_DOTENV_EXT.contains(rest.substring(rest.lastIndexOf('.') + 1))) {
                return Dotenv.NONE;
            }
        } else if (n.endsWith(".env") && n.length() > 4 && !n.equals("..env")) {
            // X.env, and the hidden form .X.env (.example.env, .sample.env, .prod.env)
            String stem = n.substring(n.startsWith(".") ? 1 : 0, n.length() - 4);
            return isExample(stem) ? Dotenv.EXAMPLE : Dotenv.NAMED;
        } else if (n.startsWith("env.") && isExampleOnly(n.substring(4))) {
            return Dotenv.EXAMPLE; // env.example, env.sample, env.template
        } else {
            return Dotenv.NONE;
        }
        if (isExample(rest)) {
            return Dotenv.EXAMPLE;
        }
        return rest.equals("local") || rest.endsWith(".local") ? Dotenv.LOCAL : Dotenv.ENVIRONMENT;
    }

    /** Whether every dot-separated part of {@code nameParts} is an example word ({@code sample}, {@code example.local} is not). */
    private static boolean isExampleOnly(String nameParts) {
        for (String part : nameParts.split("\\.")) {
            if (!EXAMPLE_WORDS.contains(part)) {
                return false;
            }
        }
        return !nameParts.isEmpty();
    }

    private static boolean isExample(String nameParts) {
        for (String part : nameParts.split("[.\\-_]")) {
            if (EXAMPLE_WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Env files a deployment platform writes next to the compose file: Portainer's {@code stack.env} (the stack's variables). */
    private static final Set<String> PLATFORM_ENV_FILES = Set.of("stack.env");

    /**
     * An env file that a deployment platform creates from its own settings, so no checkout has it
     * ({@code stack.env}: Portainer writes a stack's environment variables into it).
     */
    public static boolean isPlatformEnvFile(String path) {
        return PLATFORM_ENV_FILES.contains(name(path).toLowerCase(Locale.ROOT));
    }

    /** Whether the path is a dotenv file of any kind. */
    public static boolean isDotenv(String path) {
        return dotenv(path) != Dotenv.NONE;
    }

    /**
     * Test code and test data: files under a test directory ({@code test/}, {@code tests/}, {@code __tests__/},
     * {@code spec/}, {@code e2e/}, {@code testdata/}, {@code test_data/}, {@code fixtures/}, {@code mocks/} (mock servers a
     * dev or test script preloads), {@code src/test/} …) and test files by
     * name ({@code *.test.ts}, {@code *.spec.js}, {@code *_test.go}, {@code test_*.py}, {@code conftest.py}, the test
     * modules {@code tests.py} (Django) and {@code tests.rs} (Rust),
     * {@code *Test.java}, {@code *IT.java}, {@code *_spec.rb}), and Helm chart-testing's {@code ci/*-values.yaml}. Only production code decides what an app
     * needs; a dummy credential in a test is not a leak.
     */
    public static boolean isTest(String path) {
        // a CI pipeline named after the tests it runs (integration-tests.yml, elixir_test.yml) is a pipeline: its
        // service containers' passwords are development defaults to report, not test data
        if (TEST_DIR.matches(path) || TEST_NAME.matcher(name(path)).matches() && !isCi(path)) {
            return true;
        }
        if (path.endsWith(".ejs") || path.endsWith(".hbs") || path.endsWith(".tmpl") || path.endsWith(".j2") || path.endsWith(".jinja")) {
            // a test a code generator renders (login.spec.ts.ejs, user_test.go.tmpl): named as a test before the suffix
            Matcher m = TEMPLATE_SUFFIX.matcher(name(path).toLowerCase(Locale.ROOT));
            if (m.find() && TEST_NAME.matcher(name(path).substring(0, m.start())).matches()) {
                return true;
            }
        }
        String lowerName = name(path).toLowerCase(Locale.ROOT);
        // the name tests first: each of these regexes names the file, and most files are none of them
        return isYaml(lowerName) && CHART_TEST_VALUES.matcher(path.toLowerCase(Locale.ROOT)).matches()
                || (lowerName.equals("test.exs") || lowerName.equals("test.rb")) && TEST_ENV_CONFIG.matcher(path.toLowerCase(Locale.ROOT)).matches()
                || CI_STACK_NAME.matcher(lowerName).matches() && !isCi(path);
    }

    /**
     * A code generator's answers file ({@code .yo-rc.json}, {@code .copier-answers.yml}, {@code cookiecutter.json}):
     * the input of a template, which the generator copies into the files it writes; the app never reads it.
     */
    public static boolean isGeneratorAnswers(String path) {
        return GENERATOR_ANSWERS.matcher(name(path).toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * The values a CI pipeline runs the test suite with: {@code .env.ci}. Like {@link #isTestDotenv} not a deployment
     * (not compared with the deployment's env files, its tracking is no leak), but its credentials are those of the
     * CI test run's services: the secrets family still reports them, at warning at most (as a CI test run's).
     */
    public static boolean isCiDotenv(String path) {
        return CI_DOTENV.matcher(name(path).toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * The values of the test environment: {@code .env.test}, {@code .env.testing}, {@code .env.test.local}.
     * They configure test runs (dummy credentials), not a deployment.
     */
    public static boolean isTestDotenv(String path) {
        return TEST_DOTENV.matcher(name(path).toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Third-party or generated code committed with the project: {@code vendor/}, {@code node_modules/},
     * {@code third_party/}, {@code bower_components/}, a library's release copied under its versioned name
     * ({@code plugins/codemirror-5.17.0/}), minified bundles ({@code *.min.js}, {@code *.min.css}),
     * built bundles in a {@code dist/} directory and source maps ({@code *.js.map}). Not the project's own code or configuration.
     */
    public static boolean isVendored(String path) {
        if (VENDOR_DIR.matches(path)) {
            return true;
        }
        if (VERSIONED_COPY.matches(path) && !isDockerfile(path) && !isComposeName(path)) {
            return true; // a project may keep an image's build per version (postgres-15.2.0/Dockerfile): still its own
        }
        String n = name(path).toLowerCase(Locale.ROOT);
        if (VENDORED_NAME.matcher(n).matches()) {
            return true;
        }
        if (!DIST_BUNDLE.matcher(n).matches()) {
            return false;
        }
        String parent = name(dir(path)).toLowerCase(Locale.ROOT);
        // a bundler's output: dist/app.js, and the chunks Vite, Vue CLI and the like put in dist/assets/, dist/js/, dist/css/
        return parent.equals("dist") || DIST_SUBDIRS.contains(parent) && name(dir(dir(path))).toLowerCase(Locale.ROOT).equals("dist");
    }

    /** Scripts and style sheets a bundler or minifier writes: what {@link #looksMinified} is asked about. */
    private static final Pattern BUNDLE_EXT = Pattern.compile("(?i)[^/]*\\.(?:js|mjs|cjs|css)");

    /** A script or style sheet by name ({@code .js}, {@code .mjs}, {@code .cjs}, {@code .css}): one a minifier may have written. */
    public static boolean isScriptOrStyle(String path) {
        return BUNDLE_EXT.matcher(name(path)).matches();
    }

    /**
     * Text a minifier wrote, whatever its name ({@code vs/basic-languages/src/php.js} of a copied editor bundle, not
     * {@code .min.js}): a line of a thousand characters or more in a text whose lines average 300 or more. Hand-written
     * code breaks its lines; a licence header above one long line of code still averages far above 300, or that line
     * holds two thirds of the text or more. Third-party or
     * generated code like {@link #isVendored} bundles.
     */
    public static boolean looksMinified(String text) {
        int lines = 1;
        int longest = 0;
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            longest = Math.max(longest, i - start);
            start = i + 1;
            lines++;
        }
        longest = Math.max(longest, text.length() - start);
        // or one line holds most of the text: a copied editor's language file is a ten-line licence banner and a
        // module definition above one line of 2,500 characters (averaging 270 a line)
        return longest >= 1000 && (text.length() / lines >= 300 || longest * 3 >= text.length() * 2);
    }

    /** A template engine's suffix after the real name: helm-docs' README.md.gotmpl, a Jinja README.md.j2. */
    private static final Pattern TEMPLATE_SUFFIX = Pattern.compile("(?<=\\.[a-z0-9]{1,9})\\.(gotmpl|tmpl|tpl|j2|jinja2?|mustache|hbs|erb|ejs|njk|liquid)$");

    /**
     * Source code a template engine renders, by the name before the engine's suffix: a code generator's
     * {@code summary.py.jinja}, {@code client.go.tmpl}, {@code api.ts.hbs}. Its literals and identifiers are the
     * rendered code's: {@code token=auth_token} passes a variable.
     */
    public static boolean isSourceCodeTemplate(String path) {
        String n = name(path).toLowerCase(Locale.ROOT);
        Matcher m = TEMPLATE_SUFFIX.matcher(n);
        return m.find() && isSourceCode(n.substring(0, m.start()));
    }

    /**
     * A directory or file of a project generator's template, named by a template expression: Cookiecutter's
     * {@code {{cookiecutter.project_slug}}/}, Copier's {@code {{ project_name }}/}, {@code {{_copier_conf.answers_file}}.jinja}.
     */
    private static final Pattern GENERATOR_TEMPLATE = Pattern.compile("(?:^|.*/)[^/]*\\{\\{[^/]*}}.*");

    /**
     * A file of a project generator's template (under a directory named by a template expression,
     * {@code {{cookiecutter.project_slug}}/compose/production/django/Dockerfile}), or a file with a template engine's
     * suffix after its real name ({@code .env.hbs}, {@code README.md.gotmpl}, {@code config.yml.j2}): text a generator
     * renders ({@code {% if … %}} lines, {@code {{ var }}} values), not the file it becomes. Not linted as a Dockerfile,
     * compose file or dotenv file; what its code reads is the generated project's, not this repository's.
     */
    public static boolean isTemplate(String path) {
        return isGeneratorTemplate(path) || TEMPLATE_SUFFIX.matcher(name(path).toLowerCase(Locale.ROOT)).find();
    }

    /**
     * A file under a directory (or named by) a project generator's template expression: Cookiecutter's
     * {@code {{cookiecutter.project_slug}}/…}, Copier's {@code {{ project_name }}/…}. Its code is the generated
     * project's: the variables it reads are that project's to document, not this repository's.
     */
    public static boolean isGeneratorTemplate(String path) {
        return path.indexOf('{') >= 0 && GENERATOR_TEMPLATE.matcher(path).matches()
                || path.contains("_template/") && DJANGO_TEMPLATE_DIR.matcher(path).find();
    }

    /**
     * Django's project and app templates ({@code django-admin startproject --template}): a package's
     * {@code project_template/} or {@code app_template/}, whose files {@code {{ project_name }}} fills in.
     */
    private static final Pattern DJANGO_TEMPLATE_DIR = Pattern.compile("(?:^|/)(?:project|app)_template/");

    /**
     * An image kept as text: SVG (drawing commands and embedded base64 images, {@code data:image/png;base64,…},
     * whose runs of letters happen to contain token shapes). Images in binary formats are skipped by their bytes.
     */
    public static boolean isTextImage(String path) {
        return name(path).toLowerCase(Locale.ROOT).endsWith(".svg");
    }

    /**
     * Documentation: Markdown, reStructuredText, AsciiDoc, text and man pages (also as a template: {@code README.md.gotmpl}),
     * Storybook stories ({@code *.stories.tsx}), project metadata ({@link #METADATA_NAMES}), and anything under
     * {@code docs/} (except Dockerfiles and compose files).
     */
    public static boolean isDocs(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String n = TEMPLATE_SUFFIX.matcher(name(lower)).replaceFirst("");
        int dot = n.lastIndexOf('.');
        if (dot > 0 && DOCS_EXT.contains(n.substring(dot + 1)) && dotenv(path) == Dotenv.NONE
                || STORIES.matcher(n).matches() || METADATA_NAMES.contains(n)
                || dot < 0 && PROSE_NAMES.contains(n) && (n.startsWith("readme") || n.startsWith("changelog")
                        || name(path).equals(name(path).toUpperCase(Locale.ROOT)))) {
            return true; // not an env file kept as text (.env.dev.txt): an example env file, its values read as such
        }
        return DOCS_DIR.matches(path) && !isDockerfile(path) && !isComposeName(path);
    }

    /** A CI pipeline definition: GitHub Actions workflows, GitLab CI, CircleCI, Travis, Azure, Jenkinsfile … */
    public static boolean isCi(String path) {
        return CI_PATH.matcher(path).matches();
    }

    /**
     * An HTTP request collection ({@code *.http}, {@code *.rest}: JetBrains HTTP Client, VS Code REST Client; Bruno's
     * {@code *.bru}): sample
     * requests against a development server, examples that run, not configuration the app reads.
     */
    public static boolean isRequestCollection(String path) {
        String n = name(path).toLowerCase(Locale.ROOT);
        return n.endsWith(".http") || n.endsWith(".rest") || n.endsWith(".bru");
    }

    /**
     * A lock file: a package manager's ({@code yarn.lock}, {@code package-lock.json}, {@code go.sum},
     * {@code Cargo.lock}, {@code gradle.lockfile} …) or any other tool's by shape ({@code i18n.lock}: a translation
     * tool's checksums; {@code *.lockfile}, {@code *-lock.yaml}). Generated, never edited: integrity hashes and
     * resolved versions, no configuration.
     */
    public static boolean isLockfile(String path) {
        String n = name(path).toLowerCase(Locale.ROOT);
        // every shape names "lock": the regex, which backtracks over the name, is asked only then
        return LOCKFILES.contains(n) || n.contains("lock") && LOCKFILE_NAME.matcher(n).matches();
    }

    /**
     * CI and release tooling: files under {@code .github/}, {@code .circleci/}, {@code .buildkite/}, {@code .gitlab/},
     * a {@code release/} directory, a repository's or package's {@code scripts/} ({@link #OPERATOR_SCRIPTS}), CI
     * pipelines, a task runner's tasks ({@link #TASK_RUNNER}: {@code magefile.go}), and release or deployment scripts by name ({@code release.py},
     * {@code bin/release_manager.py}, {@code deploy_staging.sh}). What such code reads is the pipeline's knob, not the
     * app's configuration. Narrower than {@link #isBuildScript}: build-tool configuration (vite.config.ts) is not one.
     */
    public static boolean isCiOrReleaseTooling(String path) {
        return CI_OR_RELEASE_DIR.matches(path) || isCi(path) || RELEASE_SCRIPT_NAME.matcher(name(path)).matches()
                || OPERATOR_SCRIPTS.matcher(path).find() || TASK_RUNNER.matcher(path).matches();
    }

    /**
     * A task runner's task file written in code, the Makefile of its language: Mage's {@code magefile.go} (or a
     * {@code magefiles/} directory), Fabric's {@code fabfile.py}, doit's {@code dodo.py}, nox's {@code noxfile.py}. Its
     * tasks build, test and release the project; the variables they read are those tasks' knobs.
     */
    private static final Pattern TASK_RUNNER = Pattern.compile(
            "(?i)(?:.*/)?(?:magefile\\.go|fabfile\\.py|dodo\\.py|noxfile\\.py)|(?:.*/)?magefiles/[^/]+\\.go");

    /**
     * A repository's or a workspace package's {@code scripts/} directory ({@code scripts/model-price-audit/x.mjs},
     * {@code packages/back-end/scripts/test-ai-models.ts}, a {@code packages/scripts/} package of migrations and
     * backfills): scripts an operator runs by hand, with their own knobs, not the app's runtime code. Not a
     * {@code scripts/} directory deeper in an app's source ({@code resources/scripts/}, Laravel's front end).
     */
    private static final Pattern OPERATOR_SCRIPTS = Pattern.compile("^scripts/|(?:^|/)(?:packages|apps|libs|services)/(?:[^/]+/)?scripts/");

    /** Where {@code devops build} records artifact manifests, relative to the project directory. */
    public static final String ARTIFACT_RECORDS = ".devops/artifacts";

    /**
     * Whether {@code path} is one of devops's own artifact records (under {@link #ARTIFACT_RECORDS} of this or any
     * project of a monorepo): never part of a build context and never a change that makes the work tree dirty.
     */
    public static boolean isArtifactRecord(String path) {
        return path.equals(ARTIFACT_RECORDS) || path.startsWith(ARTIFACT_RECORDS + "/")
                || path.endsWith("/" + ARTIFACT_RECORDS) || path.contains("/" + ARTIFACT_RECORDS + "/");
    }

    /**
     * Build, release and CI tooling rather than the app's runtime code: files under {@code scripts/}, {@code tools/},
     * {@code .github/}, {@code ci/}, build-tool wrappers ({@code mvnw}, {@code gradlew}, {@code .mvn/wrapper}), and
     * build-tool configuration ({@code webpack.config.js}, {@code vite.config.ts}, {@code babel.config.js},
     * {@code setup.py}, {@code release.js} …). What they read is configuration of the build, not of the running app.
     */
    public static boolean isBuildScript(String path) {
        return BUILD_SCRIPT_DIR.matches(path) || BUILD_SCRIPT_NAME.matcher(name(path)).matches()
                || isCi(path);
    }
}
