package dev.devops.detect;

import dev.devops.core.VariableNames;
import dev.devops.files.FileKinds;
import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.EnvVar;
import dev.devops.descriptor.Environment;
import dev.devops.descriptor.Language;
import dev.devops.descriptor.LintSettings;
import dev.devops.descriptor.Migrate;
import dev.devops.descriptor.Runtime;
import dev.devops.descriptor.Service;
import dev.devops.descriptor.ServiceCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Descriptor assembly: turns the discovered apps' drafts and their evidence (env reads, config files, services
 * implied by variables, Spring profiles) into the {@link Descriptor} model, with one evidence line per decision.
 */
final class DescriptorAssembly {
    private DescriptorAssembly() {
    }

    static Detection assemble(String project, List<AppDraft> drafts, Map<String, List<String>> sources,
            RepoFiles repo, List<Service> serviceOverrides, List<String> notes) {
        boolean multi = drafts.size() > 1;
        List<String> evidence = new ArrayList<>(notes);

        // helpers that read the environment by a parameter, anywhere in the apps' runtime code
        List<EnvHelpers.Helper> helpers = new ArrayList<>();
        Set<String> seenFiles = new HashSet<>();
        for (AppDraft d : drafts) {
            for (String f : d.sources) {
                if (seenFiles.add(f) && !FileKinds.isBuildScript(f) && EnvHelpers.lang(f) != null) {
                    helpers.addAll(EnvHelpers.find(f, repo.source(f)));
                }
            }
        }
        for (EnvHelpers.Helper h : helpers) {
            evidence.add("env helper " + h.name() + "(…) at " + h.where() + ": its calls are reads"
                    + (h.failsWhenUnset() ? " (fails when unset without a default)" : ""));
        }

        // env references per app, and services implied by variable names or by defaults pointing at a local service
        Map<AppDraft, Map<String, List<EnvReference>>> refs = new LinkedHashMap<>();
        Map<AppDraft, StringBuilder> codeText = new LinkedHashMap<>();
        for (AppDraft d : drafts) {
            Map<String, List<EnvReference>> byName = new LinkedHashMap<>();
            StringBuilder code = new StringBuilder();
            for (String f : d.sources) { // the stack may have narrowed the directory's files (other programs)
                if (FileKinds.isBuildScript(f) || FileKinds.isDocs(f) || Manifests.isManifestOrLock(f)) {
                    continue; // build, release and CI scripts, wrappers: not the running app's configuration
                }
                boolean scannable = EnvScanner.supports(f);
                if (!scannable && !USAGE_FILES.matcher(f).matches()) {
                    continue;
                }
                String text = repo.source(f);
                if (text == null) {
                    continue;
                }
                if (code.length() < 4_000_000) {
                    code.append(text).append('\n');
                }
                // in a Go, Python or Java app, JavaScript is its front end: a bundler inlines what it reads when the
                // image is built (VUE_APP_*, VITE_*, REACT_APP_*), so those reads configure no running server
                boolean frontEnd = d.language != Language.NODE && EnvScanner.isJavaScript(f);
                List<EnvReference> found = new ArrayList<>(scannable && !frontEnd ? EnvScanner.scan(f, text) : List.of());
                found.addAll(EnvHelpers.calls(f, text, helpers));
                if (!frontEnd) {
                    found.addAll(LibraryEnv.reads(repo, d.dir, f, text)); // new Pool(): libpq's PG*; TypeORM's TYPEORM_*
                }
                for (EnvReference r : found) {
                    if (!VariableNames.isPlatform(r.name())) {
                        byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            configFileDefaults(repo, d, byName);
            ConfigFiles.sectionServices(repo, d).forEach(d::service);
            refs.put(d, byName);
            codeText.put(d, code);
            unusedServices(d, code, byName);
            for (Map.Entry<String, List<EnvReference>> e : byName.entrySet()) {
                String def = firstDefault(e.getValue());
                String type = EnvNames.impliedService(e.getKey(), def);
                boolean sqlTaken = type != null && SQL.contains(type) && d.services.keySet().stream().anyMatch(SQL::contains);
                if (type != null && !d.services.containsKey(type) && !sqlTaken) {
                    d.service(type, type + " from env var " + e.getKey() + " read at " + e.getValue().get(0).where()
                            + (EnvNames.impliedService(e.getKey()) == null ? " (its default " + withoutPassword(def) + ")" : ""));
                }
            }
            if ("spring-boot".equals(d.framework)) {
                SpringWiring.productionDatabase(repo, d, byName);
            }
            chooseDatabase(repo, d, byName, code);
        }

        // services: detected, or replaced by --services
        Map<String, Service> services = new LinkedHashMap<>();
        Map<AppDraft, List<String>> dependsOn = new LinkedHashMap<>();
        if (serviceOverrides.isEmpty()) {
            for (AppDraft d : drafts) {
                for (String type : d.services.keySet()) {
                    services.putIfAbsent(type, new Service(type, type, ServiceCatalog.get(type).version(), false));
                }
                dependsOn.put(d, new ArrayList<>(d.services.keySet()));
            }
        } else {
            Set<String> detected = new LinkedHashSet<>();
            drafts.forEach(d -> detected.addAll(d.services.keySet()));
            for (Service s : serviceOverrides) {
                services.put(s.name(), s);
            }
            evidence.add("services from --services: " + String.join(", ", serviceOverrides.stream()
                    .map(s -> s.type() + ":" + s.version()).toList())
                    + (detected.isEmpty() ? "" : " (replacing detected " + String.join(", ", detected) + ")"));
            for (AppDraft d : drafts) {
                List<String> deps = new ArrayList<>();
                for (Service s : serviceOverrides) {
                    boolean usedByNone = drafts.stream().noneMatch(x -> x.services.containsKey(s.type()));
                    if (d.services.containsKey(s.type()) || usedByNone) {
                        deps.add(s.name());
                    }
                }
                dependsOn.put(d, deps);
            }
        }

        // names: the root app is named after the project; others after their directory
        Map<AppDraft, String> names = names(project, drafts, services.keySet());

        List<App> apps = new ArrayList<>();
        for (AppDraft d : drafts) {
            String name = names.get(d);
            String prefix = multi ? name + ": " : "";
            if (multi) {
                evidence.add(prefix + d.language.id() + " app in " + d.dir);
            }
            // a draft's warning stays a warning (init prints it as one), naming the app after the word
            d.evidence.forEach(line -> evidence.add(line.startsWith("warning: ") ? "warning: " + prefix
                    + line.substring("warning: ".length()) : prefix + line));
            if (serviceOverrides.isEmpty()) {
                d.services.values().forEach(line -> evidence.add(prefix + line));
            }
            Set<String> depTypes = new HashSet<>();
            for (String s : dependsOn.get(d)) {
                depTypes.add(services.get(s).type());
            }
            Map<String, EnvVar> env = new LinkedHashMap<>();
            boolean staticSite = Runtime.STATIC_SITES.containsKey(d.framework);
            String sqlType = depTypes.stream().filter(SQL::contains).findFirst().orElse(null);
            Set<String> inlined = d.language == Language.NODE ? NodeStack.nextConfigEnvKeys(repo, d.dir) : Set.of();
            for (Map.Entry<String, List<EnvReference>> e : refs.get(d).entrySet()) {
                if (inlined.contains(e.getKey())) {
                    evidence.add(prefix + e.getKey() + " is set by next.config env (inlined when the app is built), not read at run time");
                    continue;
                }
                EnvVar v = RunEvidence.listenOnAllInterfaces(envVar(repo, e.getKey(), e.getValue(), d.port, depTypes,
                        refs.get(d).keySet(), d.framework != null && REQUEST_TIME_FRAMEWORKS.contains(d.framework)));
                v = RunEvidence.listenPort(RunEvidence.listenAddress(repo, v, e.getValue(), d.port), d.port);
                if ("postgres.url".equals(v.from()) && d.language == Language.GO && GoStack.usesLibpq(repo, d.sources)) {
                    // lib/pq requires TLS unless the URL says sslmode=disable; the stack's postgres has none
                    v = new EnvVar(v.name(), v.description(), v.required(), v.secret(), v.defaultValue(), "postgres.url-notls");
                }
                // compared with a database's name, the variable selects the backend, unless its name already says it
                // holds a connection setting (DB_USER === 'postgres' is a user name); a bare DB was guessed a database name
                String compared = sqlType == null || staticSite || (v.from() != null && !v.from().endsWith(".database")) ? null
                        : EnvNames.comparedSelectorValue(v.name(), sqlType, codeText.get(d).toString());
                if (sqlType != null && (v.from() == null || compared != null)
                        && (compared != null || EnvNames.isBackendSelector(v.name())) && !staticSite) {
                    String value = compared != null ? compared
                            : EnvNames.selectorValue(sqlType, firstDefault(e.getValue()), codeText.get(d).toString());
                    v = new EnvVar(v.name(), "Database backend: " + value + " selects the stack's " + sqlType
                            + " (read at " + e.getValue().get(0).where() + ")", false, false, value, null);
                }
                if (staticSite) {
                    // a static site reads its variables when it is built, not when nginx serves it
                    v = new EnvVar(v.name(), "build time only: " + v.description(), false, v.secret(), v.defaultValue(), null);
                }
                env.put(v.name(), v);
                evidence.add(prefix + v.name() + " read at " + e.getValue().get(0).where()
                        + (e.getValue().size() > 1 ? " (+" + (e.getValue().size() - 1) + " more)" : "")
                        + (v.secret() ? ", secret" : "") + (v.from() != null ? ", from " + v.from() : "")
                        + (v.required() ? ", required" : ""));
            }
            JvmFrameworks.bind(repo, d, depTypes, env, prefix, evidence);
            if ("spring-boot".equals(d.framework)) {
                SpringWiring.springProfile(repo, d, sqlType, env, prefix, evidence);
            }
            for (String type : depTypes) {
                boolean wired = ServiceWiring.viaVariable(type, env.values());
                if (!wired && ServiceWiring.atLiteralHost(type, codeText.get(d))) {
                    evidence.add(prefix + "service " + type + " is reached at the literal host '" + type + "' in the code");
                    wired = true;
                }
                List<String> partial = ServiceWiring.partial(type, env.values());
                if (!wired && !staticSite && !partial.isEmpty()) {
                    evidence.add("warning: " + prefix + "service " + type + " is added and "
                            + ServiceWiring.hostAdvice(type, type, partial));
                } else if (!wired && !staticSite) {
                    evidence.add("warning: " + prefix + "service " + type + " is added but no variable the app reads points "
                            + "at it, so the app cannot reach it: " + ServiceWiring.advice(type, type));
                }
            }
            Runtime runtime = new Runtime(d.language, d.version, d.buildTool, d.framework);
            Migrate migrate = staticSite ? null : RuntimeNeeds.migrate(d, depTypes);
            if (migrate != null) {
                evidence.add(prefix + "migrate step before the app starts: " + String.join(" ", migrate.command())
                        + (migrate.image() != null ? " (image " + migrate.image() + ")" : "") + ", from " + d.migrations.why());
            }
            apps.add(new App(name, d.dir, runtime, d.port, d.build, d.start, d.healthcheck, d.output,
                    dependsOn.get(d), env, d.processes, d.files, migrate, d.ownDockerfile));
        }
        Map<String, Environment> environments = new LinkedHashMap<>();
        for (String e : List.of("development", "staging", "production")) {
            environments.put(e, new Environment(e, Map.of()));
        }
        return new Detection(new Descriptor(project, apps, services, environments, LintSettings.EMPTY), evidence);
    }

    /**
     * Committed KEY=value files the app loads at start ({@link ConfigFiles}) give their variables' defaults: the file's
     * value comes first (the loader sets it before the code's own fallback applies); a file viper reads makes each of
     * its keys a read.
     */
    private static void configFileDefaults(RepoFiles repo, AppDraft d, Map<String, List<EnvReference>> byName) {
        for (ConfigFiles.Loaded l : ConfigFiles.loaded(repo, d)) {
            int n = 0;
            for (ConfigFiles.Entry e : ConfigFiles.entries(repo, l.file())) {
                if (VariableNames.isPlatform(e.name()) || (!l.keysAreReads() && !byName.containsKey(e.name()))) {
                    continue;
                }
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>())
                        .add(0, new EnvReference(e.name(), l.file(), e.line(), 1, e.value(), EnvReference.Kind.CONFIG_FILE));
                n++;
            }
            d.evidence("defaults of " + n + " variable" + (n == 1 ? "" : "s") + " from " + l.file() + " (loaded by "
                    + l.loader() + ")");
        }
    }

    /** A URL with the password of its user info masked ({@code postgres://app:***@localhost/app}), for evidence lines. */
    static String withoutPassword(String url) {
        return url == null ? null : url.replaceAll("(://[^:/@\\s]*:)[^@/\\s]+@", "$1***@");
    }

    /**
     * Frameworks that load the app's own modules when a request first needs them (Next.js routes and pages): a
     * {@code process.env} read there runs per request, not when the server starts, except in the files the
     * framework runs at start ({@link #STARTUP_FILES}).
     */
    private static final Set<String> REQUEST_TIME_FRAMEWORKS = Set.of("next");
    private static final Pattern STARTUP_FILES = Pattern.compile("(?:^|.*/)(?:next\\.config|instrumentation|server)\\.[cm]?[jt]s$");

    /** Whether a read runs only when a request needs it (see {@link #REQUEST_TIME_FRAMEWORKS}). */
    private static boolean requestTime(EnvReference r, boolean requestScoped) {
        return requestScoped && r.kind() == EnvReference.Kind.PROCESS_ENV && !STARTUP_FILES.matcher(r.path()).matches();
    }

    /** One variable of an app from all its reads. */
    private static EnvVar envVar(RepoFiles repo, String name, List<EnvReference> reads, Integer port,
            Set<String> serviceTypes, Set<String> appReads, boolean requestScoped) {
        boolean secret = VariableNames.isSecret(name);
        String from = EnvNames.serviceAttribute(name, firstDefault(reads), serviceTypes);
        if (from == null) {
            from = EnvNames.familyDatabaseName(name, firstDefault(reads), appReads, serviceTypes);
        }
        // the client option the value is passed to (Addr:, host=, user:) says what it must hold, whatever its name
        String byOption = "PORT".equals(name) ? null : EnvOptions.attribute(repo, reads, serviceTypes, from);
        if (byOption != null) {
            from = byOption;
        }
        boolean hasDefault = false;
        boolean optionalRead = false;
        boolean declared = false;
        boolean startupRead = false;
        String def = null;
        for (EnvReference r : reads) {
            declared |= r.declaresRequired();
            if (r.defaultValue() != null) {
                hasDefault = true;
                if (def == null && !r.defaultValue().contains("${") && EnvVar.renderableDefault(r.defaultValue())) {
                    def = r.defaultValue(); // one compose cannot carry stays the code's own: the variable is passed only when set
                }
            }
            optionalRead |= r.copesWhenUnset();
            startupRead |= !requestTime(r, requestScoped);
        }
        if (optionalRead && !hasDefault && EnvUse.failsWhenUnset(repo, reads)) {
            optionalRead = false; // os.environ.get("X").split(): copes by its syntax, fails where the value is used
        }
        if ("PORT".equals(name)) {
            return new EnvVar(name, EnvNames.description(name), false, false, port == null ? def : String.valueOf(port), null);
        }
        String description = EnvNames.description(name, from);
        if (description == null) {
            description = "read at " + reads.get(0).where();
        }
        // required is the app's fact (it cannot start without it), whether or not the stack sets it ('from'); an ORM
        // schema that reads it without a default decides, whatever other reads cope with
        boolean required = declared || (!hasDefault && !optionalRead && startupRead);
        return new EnvVar(name, description, required, secret, secret ? null : def, from);
    }

    static final Set<String> SQL = Set.of("postgres", "mysql", "mariadb");
    /** Non-code files whose text tells which services an app uses (framework config, SQL, Prisma, Docker files). */
    private static final Pattern USAGE_FILES = Pattern.compile(
            "(?i).*\\.(?:ya?ml|properties|toml|ini|cfg|conf|prisma|json|xml|sql|env\\.example|php|rb)$");
    /** Words in an app's code or configuration that show it uses a service type. */
    private static final Map<String, Pattern> USES = Map.of(
            "postgres", Pattern.compile("(?i)postgres|psycopg|asyncpg|\\bpgx\\b|lib/pq|['\"`]pg['\"`]|\\bpg\\.(?:Pool|Client)|npgsql"),
            "mysql", Pattern.compile("(?i)mysql"),
            "mariadb", Pattern.compile("(?i)mariadb|mysql"),
            "mongodb", Pattern.compile("(?i)mongo|motor_asyncio|AsyncIOMotor"),
            "redis", Pattern.compile("(?i)redis"),
            "rabbitmq", Pattern.compile("(?i)amqp|rabbit|pika|kombu"),
            "kafka", Pattern.compile("(?i)kafka"));

    static String firstDefault(List<EnvReference> reads) {
        for (EnvReference r : reads) {
            if (r.defaultValue() != null && !r.defaultValue().contains("${")) {
                return r.defaultValue();
            }
        }
        return null;
    }

    /**
     * Drops a service found only through a client library in the manifest when nothing in the app's code or
     * configuration mentions it (a library in the dependency list is not a need). Java and Go apps keep theirs:
     * Spring Boot configures a driver on the classpath by itself, and 'go mod tidy' keeps a direct require only
     * when a package imports it (indirect ones are skipped already).
     */
    private static void unusedServices(AppDraft d, CharSequence code, Map<String, List<EnvReference>> byName) {
        if (d.language == Language.JAVA || d.language == Language.GO) {
            return; // Spring Boot configures a driver on the classpath itself; a direct go.mod require is imported
        }
        for (String type : new ArrayList<>(d.services.keySet())) {
            String why = d.services.get(type);
            boolean fromManifest = why.contains(" dependency ") || why.contains(" require ");
            Pattern uses = USES.get(type);
            if (!fromManifest || uses == null || uses.matcher(code).find()) {
                continue;
            }
            boolean linked = byName.entrySet().stream().anyMatch(e ->
                    EnvNames.serviceAttribute(e.getKey(), firstDefault(e.getValue()), List.of(type)) != null);
            if (!linked) {
                d.services.remove(type);
                d.evidence("not adding " + type + ": " + why.substring(why.indexOf(" from ") + 6)
                        + ", but no code or configuration of the app uses it");
            }
        }
    }

    /**
     * An app with several SQL databases available (pg and mysql2 and sqlite3 for Sequelize) gets the one its own
     * defaults choose: a backend selector's default, a connection default's scheme, the Prisma provider, else
     * the one its code names most; the others are dropped.
     */
    private static void chooseDatabase(RepoFiles repo, AppDraft d, Map<String, List<EnvReference>> byName,
            CharSequence code) {
        List<String> sql = d.services.keySet().stream().filter(SQL::contains).toList();
        String embedded = embeddedDefault(byName);
        if (embedded != null && !sql.isEmpty() && sql.stream().noneMatch(t -> addressable(byName, t))) {
            // the app runs on its own embedded database by default, and no variable it reads could point it at a
            // server: adding one would only give a service nothing uses (and the "cannot reach it" warning)
            for (String t : sql) {
                d.evidence("not adding " + t + ": " + embedded + ", and no variable the app reads can point it at " + t);
                d.services.remove(t);
            }
            return;
        }
        if (sql.size() < 2) {
            return;
        }
        String chosen = null;
        String why = null;
        // the code's defaults, then the values the repository's own .env.example documents
        Map<String, String> defaults = new LinkedHashMap<>();
        byName.forEach((k, v) -> {
            if (firstDefault(v) != null) {
                defaults.put(k, firstDefault(v));
            }
        });
        for (String f : d.sources) {
            if (FileKinds.dotenv(f) == FileKinds.Dotenv.EXAMPLE) {
                for (Map.Entry<String, String> kv : exampleValues(repo, f).entrySet()) {
                    if (byName.containsKey(kv.getKey())) {
                        defaults.putIfAbsent(kv.getKey(), kv.getValue());
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : defaults.entrySet()) {
            String def = e.getValue();
            String lower = def.toLowerCase(Locale.ROOT);
            for (String t : sql) {
                boolean names = EnvNames.isBackendSelector(e.getKey()) ? lower.contains(t.equals("postgres") ? "postg" : t)
                        || (t.equals("postgres") && lower.matches("pg|psql"))
                        : EnvNames.serviceAttribute(e.getKey(), def, List.of(t)) != null && lower.contains("://");
                if (names && chosen == null) {
                    chosen = t;
                    why = e.getKey() + (byName.containsKey(e.getKey()) && firstDefault(byName.get(e.getKey())) != null
                            ? " defaults to " : " is set in the repository's .env example to ") + def;
                }
            }
        }
        if (chosen == null) {
            for (String t : sql) {
                if (d.services.get(t).contains(" provider ") || d.services.get(t).contains(" from config section ")) {
                    chosen = t;
                    why = d.services.get(t);
                }
            }
        }
        if (chosen == null) {
            int best = -1;
            for (String t : sql) {
                Matcher m = USES.get(t).matcher(code);
                int n = 0;
                while (m.find()) {
                    n++;
                }
                if (n > best) {
                    best = n;
                    chosen = t;
                    why = "its code names " + t + " most (" + n + " times)";
                }
            }
        }
        for (String t : sql) {
            if (!t.equals(chosen)) {
                d.evidence("not adding " + t + ": the app supports several databases; using " + chosen + " (" + why + ")");
                d.services.remove(t);
            }
        }
    }

    private static final Pattern EMBEDDED_DB = Pattern.compile("(?i)sqlite3?|h2|hsqldb|derby");

    /**
     * "X defaults to sqlite (an embedded database)" when a variable that selects the database backend (by its name,
     * {@link EnvNames#isBackendSelector}, or by a default that is exactly an embedded engine's name) defaults to an
     * embedded engine; null otherwise.
     */
    private static String embeddedDefault(Map<String, List<EnvReference>> byName) {
        for (Map.Entry<String, List<EnvReference>> e : byName.entrySet()) {
            String def = firstDefault(e.getValue());
            if (def == null) {
                continue;
            }
            String bare = def.trim();
            boolean exact = EMBEDDED_DB.matcher(bare).matches();
            boolean selector = EnvNames.isBackendSelector(e.getKey())
                    && EMBEDDED_DB.matcher(bare.replaceFirst("^.*[.:/]", "")).matches();
            if (exact || selector) {
                return e.getKey() + " defaults to " + bare + " (an embedded database)";
            }
        }
        return null;
    }

    /** Whether a variable the app reads (by its name or its default) can hold the address of a {@code type} service. */
    private static boolean addressable(Map<String, List<EnvReference>> byName, String type) {
        for (Map.Entry<String, List<EnvReference>> e : byName.entrySet()) {
            String attr = EnvNames.serviceAttribute(e.getKey(), firstDefault(e.getValue()), List.of(type));
            if (attr != null) {
                return true;
            }
        }
        return false;
    }

    /** KEY=value lines of an example dotenv file (comments and blank lines skipped, quotes removed). */
    private static Map<String, String> exampleValues(RepoFiles repo, String f) {
        Map<String, String> out = new LinkedHashMap<>();
        String text = repo == null ? null : repo.source(f);
        if (text == null) {
            return out;
        }
        Matcher m = Pattern.compile("(?m)^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*['\"]?([^'\"#\\r\\n]*?)['\"]?\\s*$").matcher(text);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    private static Map<AppDraft, String> names(String project, List<AppDraft> drafts, Set<String> serviceNames) {
        Map<AppDraft, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(serviceNames);
        List<AppDraft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparing(d -> !".".equals(d.dir) || d.name != null));
        for (AppDraft d : ordered) {
            String base = d.name != null ? sanitize(d.name)
                    : ".".equals(d.dir) ? project : sanitize(d.dir.substring(d.dir.lastIndexOf('/') + 1));
            String name = base;
            if (taken.contains(name) && !".".equals(d.dir)) {
                name = sanitize(d.dir.replace('/', '-'));
            }
            if (taken.contains(name)) {
                name = base + "-app";
            }
            for (int i = 2; taken.contains(name); i++) {
                name = base + "-" + i;
            }
            taken.add(name);
            out.put(d, name);
        }
        return out;
    }

    /** Lowercase, [a-z0-9_-] only, starting with a letter or digit; "app" when nothing is left. */
    static String sanitize(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[^a-z0-9]+", "")
                .replaceAll("-+$", "");
        return s.isEmpty() ? "app" : s;
    }
}
