package dev.devops.detect;

import dev.devops.descriptor.Language;
import dev.devops.descriptor.Migrate;
import dev.devops.files.FileKinds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an app needs at run time besides its variables: the files of the repository its program opens while it runs
 * ({@code apps.X.files}), and the migration step that creates its database schema before it starts
 * ({@code apps.X.migrate}).
 * <ul>
 *   <li>Files: only Go needs them listed (its image holds the binary alone; Python and Node images carry the tree, a
 *       Java jar its resources). A Go string literal names one when it is a relative path to a file or directory of
 *       the app that holds no Go code: {@code "./config/local.yml"}, {@code "file://migrations"}, viper's
 *       {@code AddConfigPath("config")}/{@code SetConfigName("app")}, gin's {@code LoadHTMLGlob("./public/html/*")},
 *       {@code Static("/public", "./public")}; a path without its extension ({@code "./config/config-docker"}) names the
 *       files it prefixes. Files embedded with {@code //go:embed} are in the binary already.</li>
 *   <li>Migrate: the repository carries migrations and a database service backs the app: alembic
 *       ({@code alembic.ini} and a versions directory: {@code alembic upgrade head}), Django (a {@code migrations}
 *       package with a numbered migration: {@code manage.py migrate}), Flask-Migrate ({@code migrations/alembic.ini}:
 *       {@code flask db upgrade}), a Procfile {@code release:} entry (Heroku's one-shot phase before the new release
 *       starts), golang-migrate SQL files ({@code NNN_name.up.sql}, run by the {@code migrate/migrate} image with the
 *       directory mounted) unless the app runs them itself ({@code "file://DIR"} in its code).</li>
 * </ul>
 */
final class RuntimeNeeds {
    /** The golang-migrate CLI image a Go app's SQL migrations run with. */
    static final String GOLANG_MIGRATE_IMAGE = "migrate/migrate:v4.18.1";

    private RuntimeNeeds() {
    }

    /** Records the app's run-time files and its migrations (settled by {@link #migrate} once its services are known). */
    static void apply(RepoFiles repo, AppDraft d) {
        if (d.language == Language.GO) {
            d.files = goFiles(repo, d);
            if (!d.files.isEmpty()) {
                d.evidence("files the program opens at run time, copied into its image: " + String.join(", ", d.files));
            }
        }
        d.migrations = migrations(repo, d);
    }

    // ---- run-time files (Go) ---------------------------------------------------------------------------------

    private static final Pattern GO_STRING = Pattern.compile("\"((?:file://)?[^\"\\\\\\s]{1,200})\"|`((?:file://)?[^`\\s]{1,200})`");
    private static final Pattern GO_EMBED = Pattern.compile("(?m)^\\s*//go:embed\\s+(.+)$");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");
    /** Calls whose (last) literal argument is a path even when it is a bare name ({@code AddConfigPath("config")}). */
    private static final Pattern OPENER = Pattern.compile(
            "\\b(?:AddConfigPath|SetConfigFile|ReadFile|Open|ParseFiles|ParseGlob|LoadHTMLGlob|LoadHTMLFiles|Static|StaticFile"
            + "|StaticFS|Dir|LoadFile|ReadInConfig|Load|Overload)\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?\"([^\"\\s]+)\"");
    /** The file types viper reads a config file named by SetConfigName in. */
    private static final Set<String> VIPER_TYPES = Set.of("env", "yaml", "yml", "json", "toml", "ini", "properties", "hcl");
    private static final Pattern CONFIG_NAME = Pattern.compile("\\bSetConfigName\\(\\s*\"([\\w.-]+)\"");

    /** Files and directories (relative to the app) the app's Go code opens by a relative path at run time. */
    static List<String> goFiles(RepoFiles repo, AppDraft d) {
        String dir = d.dir;
        Set<String> embedded = new TreeSet<>();
        Set<String> named = new LinkedHashSet<>();
        Set<String> bare = new LinkedHashSet<>();
        Set<String> configNames = new LinkedHashSet<>();
        for (String f : d.sources) {
            if (!f.endsWith(".go") || f.endsWith("_test.go") || FileKinds.isTest(f) || FileKinds.isVendored(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            Matcher e = GO_EMBED.matcher(text);
            while (e.find()) {
                for (String p : e.group(1).trim().split("\\s+")) {
                    embedded.add(RepoFiles.join(RepoFiles.parent(f), strip(p)));
                }
            }
            String code = LINE_COMMENT.matcher(text).replaceAll("");
            Matcher s = GO_STRING.matcher(code);
            while (s.find()) {
                named.add(s.group(1) != null ? s.group(1) : s.group(2));
            }
            Matcher o = OPENER.matcher(code);
            while (o.find()) {
                bare.add(o.group(1));
            }
            Matcher c = CONFIG_NAME.matcher(code);
            while (c.find()) {
                configNames.add(c.group(1));
            }
        }
        Set<String> out = new TreeSet<>();
        for (String lit : named) {
            boolean pathLike = lit.startsWith("./") || lit.startsWith("file://") || lit.contains("/") || bare.contains(lit);
            if (pathLike) {
                out.addAll(resolve(repo, dir, lit));
            }
        }
        for (String name : configNames) { // viper's SetConfigName("app"): app.env, app.yaml … beside the program
            for (String f : repo.under(dir)) {
                String rel = relative(dir, f);
                String base = rel.contains("/") ? rel.substring(rel.lastIndexOf('/') + 1) : rel;
                if (VIPER_TYPES.contains(base.substring(Math.min(base.length(), name.length() + 1)))
                        && base.startsWith(name + ".") && !FileKinds.isTest(f) && !rel.startsWith(".")) {
                    out.add(rel.contains("/") && !hasGo(repo, RepoFiles.parent(f)) ? rel.substring(0, rel.indexOf('/')) : rel);
                }
            }
        }
        out.removeIf(p -> embedded.stream().anyMatch(em -> RepoFiles.join(dir, p).equals(em)
                || RepoFiles.inside(RepoFiles.join(dir, p), em)));
        // a directory listed covers what is below it
        List<String> result = new ArrayList<>();
        for (String p : out) {
            if (out.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q + "/"))) {
                result.add(p);
            }
        }
        return result;
    }

    /** "./config/local.yml", "file://migrations", "./public/html/*", "./config/config-docker" → paths of the app. */
    private static List<String> resolve(RepoFiles repo, String dir, String literal) {
        String p = strip(literal);
        if (p.isEmpty() || p.startsWith("/") || p.contains("..") || p.contains("://") || p.contains("%") || p.contains("{")
                || p.startsWith(".env") || p.endsWith(".go")) {
            return List.of();
        }
        String full = RepoFiles.join(dir, p);
        if (repo.exists(full)) {
            if (FileKinds.isDotenv(full) || FileKinds.isTest(full)) {
                return List.of();
            }
            String parent = RepoFiles.parent(p);
            // a file in a directory of its own (config/local.yml) brings its siblings (config/prod.yml): the app
            // picks one by name at run time
            if (!".".equals(parent) && !hasGo(repo, RepoFiles.join(dir, parent))) {
                return List.of(topDir(p));
            }
            return List.of(p);
        }
        List<String> under = repo.under(full);
        if (!under.isEmpty()) { // a directory
            return hasGo(repo, full) ? List.of() : List.of(topDirWithoutGo(repo, dir, p));
        }
        // a path without its extension: the files it prefixes
        List<String> prefixed = new ArrayList<>();
        for (String f : repo.under(RepoFiles.parent(full))) {
            if (f.startsWith(full + ".") && !f.endsWith(".go") && RepoFiles.parent(f).equals(RepoFiles.parent(full))) {
                prefixed.add(relative(dir, f));
            }
        }
        return prefixed;
    }

    /** The literal without file://, a leading ./ and a trailing glob or slash. */
    private static String strip(String literal) {
        String p = literal.startsWith("file://") ? literal.substring("file://".length()) : literal;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        int glob = p.indexOf('*');
        if (glob >= 0) {
            p = p.substring(0, glob);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String topDir(String p) {
        return p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
    }

    /** The outermost directory of {@code p} (relative to the app) that holds no Go code, or {@code p} itself. */
    private static String topDirWithoutGo(RepoFiles repo, String dir, String p) {
        String top = topDir(p);
        return hasGo(repo, RepoFiles.join(dir, top)) ? p : top;
    }

    private static boolean hasGo(RepoFiles repo, String dir) {
        return repo.under(dir).stream().anyMatch(f -> f.endsWith(".go"));
    }

    private static String relative(String dir, String f) {
        return ".".equals(dir) ? f : f.substring(dir.length() + 1);
    }

    // ---- migrations ------------------------------------------------------------------------------------------

    /** How an app's migrations run, found in the repository; settled into a {@link Migrate} by {@link #migrate}. */
    record Migrations(String tool, List<String> command, String dir, String why) {
    }

    private static final Pattern NUMBERED_MIGRATION = Pattern.compile("(?:^|.*/)migrations/\\d{4}_[\\w]+\\.py$");
    private static final Pattern UP_SQL = Pattern.compile("(?:^|.*/)\\d+_[\\w.-]+\\.up\\.sql$");

    static Migrations migrations(RepoFiles repo, AppDraft d) {
        String dir = d.moduleDir != null ? d.moduleDir : d.dir;
        List<String> files = repo.under(dir).stream()
                .filter(f -> !FileKinds.isTest(f) && !FileKinds.isVendored(f) && !f.contains("/site-packages/")).toList();
        String release = RunEvidence.procfile(repo, dir).get("release");
        if (release != null && !release.isBlank()) {
            return new Migrations("procfile", RunEvidence.argv(release), null, "the Procfile's release entry");
        }
        if (d.language == Language.PYTHON) {
            String ini = RepoFiles.join(dir, "alembic.ini");
            if (repo.exists(ini)) {
                Matcher m = Pattern.compile("(?m)^script_location\\s*=\\s*(\\S+)").matcher(repo.text(ini));
                String scripts = m.find() ? strip(m.group(1).replace("%(here)s/", "")) : "alembic";
                String versions = RepoFiles.join(dir, scripts + "/versions/");
                if (files.stream().anyMatch(f -> f.startsWith(versions) && f.endsWith(".py"))) {
                    return new Migrations("alembic", List.of("alembic", "upgrade", "head"), null,
                            "alembic.ini and migrations in " + scripts + "/versions");
                }
            }
            if (repo.exists(RepoFiles.join(dir, "manage.py")) && files.stream().anyMatch(f -> NUMBERED_MIGRATION.matcher(f).matches())) {
                return new Migrations("django", List.of("python", "manage.py", "migrate", "--noinput"), null,
                        "manage.py and Django migrations");
            }
            String flaskIni = RepoFiles.join(dir, "migrations/alembic.ini");
            if (repo.exists(flaskIni) && files.stream().anyMatch(f -> f.startsWith(RepoFiles.join(dir, "migrations/versions/"))
                    && f.endsWith(".py"))) {
                return new Migrations("flask-migrate", List.of("flask", "db", "upgrade"), null,
                        "Flask-Migrate's migrations/alembic.ini and versions");
            }
        }
        if (d.language == Language.NODE) {
            Migrations node = nodeMigrations(repo, dir, files);
            if (node != null) {
                return node;
            }
        }
        if (d.language == Language.GO) {
            Set<String> dirs = new TreeSet<>();
            for (String f : files) {
                if (UP_SQL.matcher(f).matches()) {
                    dirs.add(RepoFiles.parent(f));
                }
            }
            if (dirs.size() == 1) {
                String mdir = relative(dir, dirs.iterator().next());
                if (!goRunsMigrations(repo, d, mdir)) {
                    return new Migrations("golang-migrate", List.of(), mdir, "golang-migrate SQL files in " + mdir);
                }
                // the app runs them itself: its image must carry them
                if (d.files.stream().noneMatch(f -> mdir.equals(f) || mdir.startsWith(f + "/"))) {
                    List<String> withDir = new ArrayList<>(d.files);
                    withDir.add(mdir);
                    d.files = List.copyOf(new TreeSet<>(withDir));
                    d.evidence("the app runs the migrations in " + mdir + " itself: copied into its image");
                }
            }
        }
        return null;
    }

    private static final Pattern DRIZZLE_CONFIG = Pattern.compile("drizzle\\.config\\.[cm]?[jt]s");
    private static final Pattern DRIZZLE_OUT = Pattern.compile("\\bout\\s*:\\s*['\"`]([^'\"`\\n]+)['\"`]");

    /**
     * Node ORMs' committed migrations, applied by the ORM's own CLI: Prisma ({@code schema.prisma} with a
     * {@code migrations/NAME/migration.sql} beside it: {@code prisma migrate deploy}, which applies them and never
     * generates any) and drizzle-kit ({@code drizzle.config.*} whose {@code out} directory, default {@code drizzle},
     * holds the SQL and {@code meta/_journal.json}: {@code drizzle-kit migrate}).
     */
    private static Migrations nodeMigrations(RepoFiles repo, String dir, List<String> files) {
        for (String f : files) {
            if (!f.endsWith("/schema.prisma") && !f.equals("schema.prisma") || f.contains("node_modules/")) {
                continue;
            }
            String migrations = RepoFiles.join(RepoFiles.parent(f), "migrations/");
            if (files.stream().anyMatch(m -> m.startsWith(migrations) && m.endsWith("/migration.sql"))) {
                String schema = relative(dir, f);
                List<String> cmd = new ArrayList<>(List.of("npx", "prisma", "migrate", "deploy"));
                if (!schema.equals("prisma/schema.prisma") && !schema.equals("schema.prisma")) {
                    cmd.addAll(List.of("--schema", schema));
                }
                return new Migrations("prisma", cmd, null, "Prisma migrations in " + relative(dir, migrations));
            }
        }
        for (String f : files) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (!RepoFiles.parent(f).equals(dir) || !DRIZZLE_CONFIG.matcher(name).matches()) {
                continue;
            }
            Matcher m = DRIZZLE_OUT.matcher(repo.text(f));
            String out = RepoFiles.join(dir, (m.find() ? m.group(1) : "drizzle").replaceFirst("^\\./", "").replaceAll("/$", ""));
            if (repo.exists(RepoFiles.join(out, "meta/_journal.json"))
                    && files.stream().anyMatch(x -> RepoFiles.parent(x).equals(out) && x.endsWith(".sql"))) {
                return new Migrations("drizzle-kit", List.of("npx", "drizzle-kit", "migrate"), null,
                        "drizzle-kit migrations in " + relative(dir, out) + " (" + name + ")");
            }
        }
        return null;
    }

    /**
     * The app runs its migrations itself: {@code file://DIR} in its Go code, or in a config file it loads at run time
     * ({@code MIGRATION_URL=file://db/migration} in the {@code app.env} viper reads).
     */
    private static boolean goRunsMigrations(RepoFiles repo, AppDraft d, String mdir) {
        List<String> texts = new ArrayList<>();
        for (String f : d.sources) {
            if (f.endsWith(".go") && !f.endsWith("_test.go")) {
                texts.add(repo.source(f));
            }
        }
        for (String f : d.files) {
            String rel = RepoFiles.join(d.dir, f);
            if (repo.exists(rel)) {
                texts.add(repo.source(rel));
            }
        }
        for (String text : texts) {
            if (text != null && (text.contains("file://" + mdir) || text.contains("file://./" + mdir))) {
                return true;
            }
        }
        return false;
    }

    /** Database types a migration runs against, in preference order. */
    private static final List<String> DATABASES = List.of("postgres", "mysql", "mariadb");

    /**
     * The app's migrate step, given the services it depends on; null when it has no migrations, no database service
     * backs it (a migration run in a container of its own would write an SQLite file the app never sees), or the tool
     * cannot reach that database (golang-migrate: PostgreSQL only here).
     */
    static Migrate migrate(AppDraft d, Collection<String> dependsOn) {
        Migrations m = d.migrations;
        String db = DATABASES.stream().filter(dependsOn::contains).findFirst().orElse(null);
        if (m == null || db == null) {
            return null;
        }
        if ("golang-migrate".equals(m.tool())) {
            if (!"postgres".equals(db)) {
                return null;
            }
            return new Migrate(List.of("-path", "/migrations", "-database", "{" + db + ".url}?sslmode=disable", "up"),
                    GOLANG_MIGRATE_IMAGE, m.dir());
        }
        return Migrate.inAppImage(m.command());
    }
}
