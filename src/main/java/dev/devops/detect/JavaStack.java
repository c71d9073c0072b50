package dev.devops.detect;

import dev.devops.descriptor.Language;
import dev.devops.detect.MavenBuild.MavenProfile;
import dev.devops.detect.MavenBuild.Pom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Java apps: Maven (the pom.xml as {@link MavenBuild} reads it) and Gradle (build files read by regex), one app per
 * runnable module; the port and health route from the Spring configuration ({@link SpringConfig}), the profiles
 * from {@link SpringProfiles}.
 */
final class JavaStack {
    static final String DEFAULT_VERSION = Language.JAVA.defaultVersion();
    private static final String ACTUATOR = "org.springframework.boot:spring-boot-starter-actuator";
    /** "group:artifact" (or "group:*") → service type. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("org.postgresql:postgresql", "postgres");
        SERVICES.put("com.mysql:mysql-connector-j", "mysql");
        SERVICES.put("mysql:mysql-connector-java", "mysql");
        SERVICES.put("org.mariadb.jdbc:mariadb-java-client", "mariadb");
        SERVICES.put("org.springframework.boot:spring-boot-starter-data-mongodb", "mongodb");
        SERVICES.put("org.springframework.boot:spring-boot-starter-data-mongodb-reactive", "mongodb");
        SERVICES.put("org.mongodb:*", "mongodb");
        SERVICES.put("org.springframework.boot:spring-boot-starter-data-redis", "redis");
        SERVICES.put("org.springframework.boot:spring-boot-starter-data-redis-reactive", "redis");
        SERVICES.put("redis.clients:jedis", "redis");
        SERVICES.put("io.lettuce:lettuce-core", "redis");
        SERVICES.put("org.springframework.boot:spring-boot-starter-amqp", "rabbitmq");
        SERVICES.put("com.rabbitmq:amqp-client", "rabbitmq");
        SERVICES.put("org.springframework.kafka:spring-kafka", "kafka");
        SERVICES.put("org.apache.kafka:kafka-clients", "kafka");
    }

    static final Predicate<String> CODE = Code.ext("java", "kt");
    private static final Pattern MAIN = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(");
    private static final Pattern GRADLE_BOOT = Pattern.compile(
            "(?:id\\s*\\(?\\s*|apply\\s+plugin\\s*:\\s*)['\"]org\\.springframework\\.boot['\"]");
    private static final Pattern GRADLE_COORD = Pattern.compile("['\"]([\\w.-]+):([\\w.-]+)(?::[^'\"\\s]*)?['\"]");
    private static final Pattern GRADLE_GROUP_NAME = Pattern.compile(
            "group\\s*[:=]\\s*['\"]([\\w.-]+)['\"]\\s*,\\s*name\\s*[:=]\\s*['\"]([\\w.-]+)['\"]");
    private static final Pattern GRADLE_VERSION = Pattern.compile(
            "JavaLanguageVersion\\.of\\(\\s*(\\d+)\\s*\\)"
            + "|(?:source|target)Compatibility\\s*=\\s*(?:['\"]([\\d.]+)['\"]|JavaVersion\\.VERSION_(\\d+(?:_\\d+)?)|([\\d.]+))"
            + "|jvmToolchain\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern PROD_PROFILE = Pattern.compile("<profile>\\s*<id>\\s*(prod|production)\\s*</id>");

    private JavaStack() {
    }

    static AppDraft detectMaven(RepoFiles repo, String dir, List<String> sources) {
        AppDraft d = new AppDraft(dir, Language.JAVA);
        d.sources = sources;
        d.buildTool = "maven";
        Pom root = MavenBuild.readPom(repo, RepoFiles.join(dir, "pom.xml"));
        d.evidence("maven from " + root.file());
        List<Pom> poms = new ArrayList<>(List.of(root));
        for (String m : root.modules()) {
            String f = RepoFiles.join(dir, m + "/pom.xml");
            if (repo.exists(f)) {
                poms.add(MavenBuild.readPom(repo, f));
            }
        }
        // version: the root's settings first, then a module's
        String[] found = null;
        for (Pom pom : poms) {
            found = mavenVersion(pom);
            if (found != null) {
                d.version = found[0];
                break;
            }
        }
        Pom bootParent = poms.stream().filter(p -> "spring-boot-starter-parent".equals(p.parent())
                && p.parentVersion() != null && p.parentVersion().matches("[3-9]\\..*")).findFirst().orElse(null);
        if (found == null && bootParent != null) {
            // the parent's java.version: 17 since Spring Boot 3 (21 would also run, but lint's drift check and
            // a Gradle build beside the pom say 17)
            d.version = "17";
            d.evidence("java 17 from " + bootParent.file() + " parent spring-boot-starter-parent "
                    + bootParent.parentVersion() + " (its default java.version)");
        } else if (found == null) {
            d.version = DEFAULT_VERSION;
            d.versionDefault = true;
            d.evidence("java " + DEFAULT_VERSION + " (default; no compiler release/source or java.version in " + root.file() + ")");
        } else {
            d.evidence("java " + d.version + " from " + found[1]);
        }
        boolean boot = false;
        Set<String> deps = new LinkedHashSet<>();
        for (Pom pom : poms) {
            if (!boot && pom.springBoot()) {
                boot = true;
                d.framework = "spring-boot";
                d.evidence("framework spring-boot from " + pom.file()
                        + ("spring-boot-starter-parent".equals(pom.parent()) ? " parent spring-boot-starter-parent"
                                : " spring-boot-maven-plugin"));
            }
            for (String dep : pom.dependencies()) {
                if (deps.add(dep)) {
                    service(d, dep, pom.file());
                }
            }
        }
        if (deps.contains(ACTUATOR)) {
            d.healthcheck = "/actuator/health";
            d.evidence("healthcheck /actuator/health from dependency spring-boot-starter-actuator");
        }
        String rootText = repo.text(root.file());
        Matcher prod = rootText == null ? null : PROD_PROFILE.matcher(rootText);
        if (root.modules().isEmpty() && prod != null && prod.find()) {
            // the profile the repository builds its production artifact with (minified front end, prod config)
            d.build = List.of("mvn", "-B", "-DskipTests", "-P" + prod.group(1), "package");
            d.evidence("build 'mvn -P" + prod.group(1) + " package' from the " + prod.group(1) + " profile in " + root.file());
            MavenProfile profile = MavenBuild.mavenProfile(repo, root.file(), prod.group(1));
            if (profile != null) {
                // the artifact is built with this profile: its dependencies (a JDBC driver) are on the app's classpath,
                // and its spring.profiles.active is what '@spring.profiles.active@' in application.yml is filtered to
                for (String dep : profile.dependencies()) {
                    if (deps.add(dep)) {
                        service(d, dep, root.file() + " profile " + profile.id());
                    }
                }
                String active = resolve(profile.properties().get("spring.profiles.active"),
                        mergedProperties(root.properties(), profile.properties()));
                if (active != null && !active.isBlank()) {
                    d.springBuildProfiles = active.trim();
                }
            }
        }
        if (!root.modules().isEmpty()) {
            List<String> modules = runnableModules(repo, d, poms);
            if (modules.size() == 1) {
                d.build = mavenBuild(repo, dir, modules.get(0));
            } else if (modules.size() > 1) {
                d.modules = modules;
            }
        }
        JvmFrameworks.detect(d, root.file(), rootText == null ? "" : rootText);
        SpringConfig.portAndHealth(repo, d);
        JvmFrameworks.port(d, repo);
        return d;
    }

    /**
     * Properties in effect with a profile active: the profile's over the project's, with every other profile's
     * ${profile.x} fragments unset (jhipster's {@code prod${profile.tls}} is 'prod' when only prod is active).
     */
    private static Map<String, String> mergedProperties(Map<String, String> project, Map<String, String> profile) {
        Map<String, String> out = new LinkedHashMap<>(project);
        out.putAll(profile);
        return out;
    }

    /** {version, where it came from}, or null. */
    private static String[] mavenVersion(Pom pom) {
        Map<String, String> props = pom.properties();
        for (String key : List.of("maven.compiler.release", "maven.compiler.source", "maven.compiler.target", "java.version")) {
            String v = javaVersion(resolve(props.get(key), props));
            if (v != null) {
                return new String[] {v, pom.file() + " property " + key};
            }
        }
        Element compiler = pom.plugins().get("maven-compiler-plugin");
        Element config = compiler == null ? null : MavenBuild.child(compiler, "configuration");
        if (config != null) {
            for (String key : List.of("release", "source", "target")) {
                String v = javaVersion(resolve(MavenBuild.text(config, key), props));
                if (v != null) {
                    return new String[] {v, pom.file() + " maven-compiler-plugin <" + key + ">"};
                }
            }
        }
        Element toolchains = pom.plugins().get("maven-toolchains-plugin");
        if (toolchains != null) {
            org.w3c.dom.NodeList versions = toolchains.getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Node n = versions.item(i);
                if (n.getParentNode() instanceof Element parent && "jdk".equals(parent.getTagName())) {
                    String v = javaVersion(resolve(n.getTextContent().trim(), props));
                    if (v != null) {
                        return new String[] {v, pom.file() + " maven-toolchains-plugin jdk version"};
                    }
                }
            }
        }
        return null;
    }

    private static String resolve(String v, Map<String, String> props) {
        for (int i = 0; v != null && i < 5 && v.contains("${"); i++) {
            Matcher m = Pattern.compile("\\$\\{([^}]+)\\}").matcher(v);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String r = props.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(r == null ? "" : r));
            }
            m.appendTail(sb);
            v = sb.toString();
        }
        return v;
    }

    /** "17" → "17", "1.8" → "8", "[17,)" → "17", "VERSION_1_8" parts → "8"; anything else → null. */
    static String javaVersion(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = Pattern.compile("^\\[?\\s*(?:1[._](\\d+)|(\\d+))").matcher(raw.trim());
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static void service(AppDraft d, String coord, String file) {
        String type = SERVICES.getOrDefault(coord, JvmFrameworks.SERVICES.get(coord));
        if (type == null) {
            type = SERVICES.get(coord.substring(0, coord.indexOf(':') + 1) + "*");
        }
        if (type != null) {
            d.service(type, type + " from " + file + " dependency " + coord);
        }
    }

    private static List<String> mavenBuild(RepoFiles repo, String dir, String module) {
        String mvn = repo.exists(RepoFiles.join(dir, "mvnw")) ? "./mvnw" : "mvn";
        return List.of(mvn, "-B", "-DskipTests", "-pl", module, "-am", "package");
    }

    /**
     * The modules whose jars are apps: those with spring-boot-maven-plugin in their own pom, else those with a
     * main method (the plugin is often inherited from the root, or from a profile of it).
     */
    private static List<String> runnableModules(RepoFiles repo, AppDraft d, List<Pom> poms) {
        String dir = d.dir;
        List<String> withPlugin = new ArrayList<>();
        String pluginPom = null;
        for (Pom pom : poms.subList(1, poms.size())) {
            if (pom.plugins().containsKey("spring-boot-maven-plugin")) {
                String module = RepoFiles.parent(pom.file());
                withPlugin.add(".".equals(dir) ? module : module.substring(dir.length() + 1));
                pluginPom = pom.file();
            }
        }
        if (!withPlugin.isEmpty()) {
            d.evidence(withPlugin.size() == 1
                    ? "runnable module " + withPlugin.get(0) + " (" + pluginPom + " has spring-boot-maven-plugin)"
                    : "runnable modules " + String.join(", ", withPlugin) + " (their pom.xml has spring-boot-maven-plugin)");
            return withPlugin;
        }
        List<String> withMain = new ArrayList<>();
        for (Pom pom : poms.subList(1, poms.size())) {
            String moduleDir = RepoFiles.parent(pom.file());
            for (String f : repo.under(RepoFiles.join(moduleDir, "src/main/java"))) {
                String text = CODE.test(f) ? repo.source(f) : null;
                if (text != null && MAIN.matcher(text).find()) {
                    withMain.add(".".equals(dir) ? moduleDir : moduleDir.substring(dir.length() + 1));
                    break;
                }
            }
        }
        d.evidence(withMain.isEmpty() ? "no runnable module found among " + (poms.size() - 1) + " modules"
                : withMain.size() == 1 ? "runnable module " + withMain.get(0) + " (the only module with a main method)"
                : "runnable modules " + String.join(", ", withMain) + " (each has a main method)");
        return withMain;
    }

    /**
     * One app per runnable module when a multi-module build has several ({@link AppDraft#modules}); else
     * {@code base} alone. Each app keeps the build's directory as its context, builds its module, and takes its
     * port, healthcheck, services and variables from the module's files (and the root build file's dependencies).
     */
    static List<AppDraft> perModule(RepoFiles repo, AppDraft base) {
        if (base.modules.size() < 2) {
            return List.of(base);
        }
        List<String> names = base.modules.stream().map(m -> m.substring(m.lastIndexOf('/') + 1)).toList();
        String prefix = commonPrefix(names);
        String rootBuild = null;
        for (String f : List.of("pom.xml", "build.gradle.kts", "build.gradle")) {
            if (rootBuild == null && repo.exists(RepoFiles.join(base.dir, f))) {
                rootBuild = RepoFiles.join(base.dir, f);
            }
        }
        List<AppDraft> out = new ArrayList<>();
        for (int i = 0; i < base.modules.size(); i++) {
            String module = base.modules.get(i);
            String moduleDir = RepoFiles.join(base.dir, module);
            AppDraft m = new AppDraft(base.dir, Language.JAVA);
            m.name = names.get(i).substring(prefix.length());
            m.version = base.version;
            m.versionDefault = base.versionDefault;
            m.moduleDir = moduleDir;
            m.buildTool = base.buildTool;
            m.framework = base.framework;
            m.sources = base.sources.stream().filter(f -> RepoFiles.inside(f, moduleDir)).toList();
            for (String line : base.evidence) {
                if (line.startsWith("maven from") || line.startsWith("gradle from") || line.startsWith("java ")
                        || line.startsWith("framework ") || (i == 0 && line.startsWith("runnable modules "))) {
                    m.evidence(line);
                }
            }
            m.evidence("app for module " + module + " of the build at " + base.dir + " (one app per runnable module)");
            if ("maven".equals(base.buildTool)) {
                m.build = mavenBuild(repo, base.dir, module);
            } else {
                m.build = gradleBuild(repo, base.dir, module);
            }
            List<String> buildFiles = new ArrayList<>();
            if (rootBuild != null) {
                buildFiles.add(rootBuild);
            }
            for (String f : m.sources) {
                String name = f.substring(f.lastIndexOf('/') + 1);
                if (RepoFiles.parent(f).equals(moduleDir) && List.of("pom.xml", "build.gradle", "build.gradle.kts").contains(name)) {
                    buildFiles.add(f);
                }
            }
            for (String f : buildFiles) {
                for (String coord : coordinates(repo, f)) {
                    service(m, coord, f);
                    if (coord.equals(ACTUATOR) && m.healthcheck == null) {
                        m.healthcheck = "/actuator/health";
                        m.evidence("healthcheck /actuator/health from " + f + " dependency spring-boot-starter-actuator");
                    }
                }
            }
            SpringConfig.portAndHealth(repo, m);
            out.add(m);
        }
        return out;
    }

    /** The "-"-ended prefix all names share ("spring-petclinic-"), or "" when a name would be left empty. */
    private static String commonPrefix(List<String> names) {
        String p = names.get(0);
        for (String n : names) {
            while (!n.startsWith(p)) {
                p = p.substring(0, p.length() - 1);
            }
        }
        p = p.substring(0, p.lastIndexOf('-') + 1);
        for (String n : names) {
            if (n.length() == p.length()) {
                return "";
            }
        }
        return p;
    }

    /** "group:artifact" of each dependency a build file declares. */
    private static Set<String> coordinates(RepoFiles repo, String file) {
        if (file.endsWith("pom.xml")) {
            return new LinkedHashSet<>(MavenBuild.readPom(repo, file).dependencies());
        }
        String text = repo.text(file);
        Set<String> coords = new LinkedHashSet<>();
        Matcher c = GRADLE_COORD.matcher(text);
        while (c.find()) {
            coords.add(c.group(1) + ":" + c.group(2));
        }
        c = GRADLE_GROUP_NAME.matcher(text);
        while (c.find()) {
            coords.add(c.group(1) + ":" + c.group(2));
        }
        return coords;
    }

    /**
     * Whether the plugin declaration ending at {@code end} is {@code apply false}: declared for subprojects (a root
     * build's {@code plugins {}} block), not applied to this project.
     */
    static boolean notApplied(String buildText, int end) {
        int eol = buildText.indexOf('\n', end);
        String rest = buildText.substring(end, eol < 0 ? buildText.length() : eol);
        return rest.matches(".*\\bapply\\s*\\(?\\s*false\\b.*");
    }

    /** A root build that applies Spring Boot to its subprojects: {@code subprojects { apply plugin: 'org.springframework.boot' }}. */
    private static final Pattern SUBPROJECTS_BOOT = Pattern.compile(
            "(?s)\\b(?:subprojects|allprojects)\\s*\\{.*?(?:apply\\s+plugin\\s*:\\s*|apply\\s*\\(\\s*plugin\\s*=\\s*|id\\s*\\(?\\s*)"
            + "['\"]org\\.springframework\\.boot['\"]");
    private static final Pattern WEB_STARTER = Pattern.compile("spring-boot-starter-(?:web|webflux|jersey)\\b");

    /**
     * The subprojects of a build whose root applies Spring Boot to all of them that are apps: a main method in
     * their sources, and a web server on their classpath (their build file or the root's names a web starter) —
     * a module with a main method and no server (a Flyway runner, a batch job) runs once and exits. When none
     * has a server, those with a main method.
     */
    private static List<String> subprojectServers(RepoFiles repo, AppDraft d, String dir, String buildFile, List<String> files) {
        String rootText = repo.text(buildFile);
        boolean rootWeb = rootText != null && WEB_STARTER.matcher(rootText).find();
        List<String> withMain = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (String f : files) {
            if (f.equals(buildFile)) {
                continue;
            }
            String moduleDir = RepoFiles.parent(f);
            boolean main = false;
            for (String lang : List.of("src/main/java", "src/main/kotlin")) {
                for (String src : repo.under(RepoFiles.join(moduleDir, lang))) {
                    String text = src.endsWith(".java") || src.endsWith(".kt") ? repo.source(src) : null;
                    if (text != null && (MAIN.matcher(text).find() || text.contains("fun main("))) {
                        main = true;
                        break;
                    }
                }
            }
            if (!main) {
                continue;
            }
            String module = ".".equals(dir) ? moduleDir : moduleDir.substring(dir.length() + 1);
            withMain.add(module);
            String text = repo.text(f);
            if (rootWeb || (text != null && WEB_STARTER.matcher(text).find())) {
                servers.add(module);
            } else {
                d.evidence(module + " has a main method but no web server on its classpath (it runs once): not an app");
            }
        }
        List<String> out = servers.isEmpty() ? withMain : servers;
        if (!out.isEmpty()) {
            d.evidence("subprojects " + String.join(", ", out) + " are apps: " + buildFile
                    + " applies org.springframework.boot to every subproject");
        }
        return out;
    }

    private static List<String> gradleBuild(RepoFiles repo, String dir, String module) {
        String gradle = repo.exists(RepoFiles.join(dir, "gradlew")) ? "./gradlew" : "gradle";
        return List.of(gradle, "--no-daemon", ":" + module.replace('/', ':') + ":bootJar", "-x", "test");
    }

    static AppDraft detectGradle(RepoFiles repo, String dir, String buildFile, List<String> sources) {
        AppDraft d = new AppDraft(dir, Language.JAVA);
        d.sources = sources;
        d.buildTool = "gradle";
        d.evidence("gradle from " + buildFile);
        List<String> files = new ArrayList<>(List.of(buildFile));
        for (String f : sources) {
            if (!f.equals(buildFile) && (f.endsWith("/build.gradle") || f.endsWith("/build.gradle.kts"))) {
                files.add(f);
            }
        }
        List<String> bootModules = new ArrayList<>();
        GradleCatalog catalog = GradleCatalog.load(repo, dir);
        for (String f : files) {
            String text = repo.text(f);
            SourceLexer.Lines lines = new SourceLexer.Lines(text);
            if (d.version == null) {
                Matcher m = GRADLE_VERSION.matcher(text);
                if (m.find()) {
                    for (int g = 1; g <= 5; g++) {
                        if (m.group(g) != null) {
                            d.version = javaVersion(m.group(g).replace('_', '.'));
                            break;
                        }
                    }
                    if (d.version != null) {
                        d.evidence("java " + d.version + " from " + f + ":" + lines.line(m.start()));
                    }
                }
            }
            Matcher boot = GRADLE_BOOT.matcher(text);
            int bootAt = -1;
            while (bootAt < 0 && boot.find()) {
                bootAt = notApplied(text, boot.end()) ? -1 : boot.start();
            }
            if (bootAt < 0) {
                bootAt = catalog.pluginAt(text, "org.springframework.boot");
            }
            if (bootAt >= 0) {
                if (d.framework == null) {
                    d.framework = "spring-boot";
                    d.evidence("framework spring-boot from " + f + ":" + lines.line(bootAt)
                            + " plugin org.springframework.boot");
                }
                if (!f.equals(buildFile)) {
                    String module = RepoFiles.parent(f);
                    bootModules.add(".".equals(dir) ? module : module.substring(dir.length() + 1));
                }
            }
            Set<String> coords = coordinates(repo, f);
            coords.addAll(catalog.coordinates(text));
            for (String coord : coords) {
                service(d, coord, f);
                if (coord.equals(ACTUATOR) && d.healthcheck == null) {
                    d.healthcheck = "/actuator/health";
                    d.evidence("healthcheck /actuator/health from " + f + " dependency spring-boot-starter-actuator");
                }
            }
        }
        if (d.version == null) {
            d.version = DEFAULT_VERSION;
            d.versionDefault = true;
            d.evidence("java " + DEFAULT_VERSION + " (default; no toolchain or sourceCompatibility in " + buildFile + ")");
        }
        String rootText = repo.text(buildFile);
        if (d.framework == null && rootText != null && catalog.pluginAt(rootText, JvmFrameworks.KTOR_PLUGIN) >= 0) {
            d.framework = "ktor"; // alias(libs.plugins.ktor): the version catalog names the plugin
            d.evidence("framework ktor from " + buildFile + " plugin " + JvmFrameworks.KTOR_PLUGIN + " (version catalog)");
        }
        if (bootModules.isEmpty() && "spring-boot".equals(d.framework) && rootText != null
                && SUBPROJECTS_BOOT.matcher(rootText).find()) {
            bootModules.addAll(subprojectServers(repo, d, dir, buildFile, files));
        }
        if (bootModules.size() == 1) {
            d.build = gradleBuild(repo, dir, bootModules.get(0));
            d.evidence("runnable module " + bootModules.get(0) + " (its build file applies org.springframework.boot)");
        } else if (bootModules.size() > 1) {
            d.modules = List.copyOf(bootModules);
            d.evidence("runnable modules " + String.join(", ", bootModules)
                    + " (their build files apply org.springframework.boot)");
        }
        String buildText = repo.text(buildFile);
        JvmFrameworks.detect(d, buildFile, buildText == null ? "" : buildText);
        SpringConfig.portAndHealth(repo, d);
        JvmFrameworks.port(d, repo);
        return d;
    }

}
