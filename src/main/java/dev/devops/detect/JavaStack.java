package dev.devops.detect;

import dev.devops.core.UserError;
import dev.devops.descriptor.Language;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Java apps: Maven (pom.xml, parsed with the JDK DOM parser) and Gradle (build files read by regex). */
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
    private static final Pattern HEALTH_OR_PORT_FILE = Pattern.compile("(^|.*/)src/main/resources/(config/)?application[^/]*\\.(properties|ya?ml)$");
    private static final Pattern PROD_PROFILE = Pattern.compile("<profile>\\s*<id>\\s*(prod|production)\\s*</id>");
    private static final Pattern BASE_PATH_PROPERTY = Pattern.compile(
            "(?m)^\\s*management\\.endpoints\\.web\\.base-path\\s*[=:]\\s*(/\\S*)");

    private JavaStack() {
    }

    /** The parts of a pom.xml that detection reads. */
    record Pom(String file, String parent, String parentVersion, Map<String, String> properties,
            List<String> dependencies, Map<String, Element> plugins, List<String> modules) {
        boolean springBoot() {
            return "spring-boot-starter-parent".equals(parent) || plugins.containsKey("spring-boot-maven-plugin")
                    || dependencies.contains("org.springframework.boot:spring-boot-dependencies");
        }
    }

    static Pom readPom(RepoFiles repo, String rel) {
        Element project = project(repo, rel);
        Map<String, String> props = properties(project);
        List<String> deps = new ArrayList<>();
        List<Element> depHolders = new ArrayList<>(List.of(project));
        Element dm = child(project, "dependencyManagement");
        if (dm != null) {
            depHolders.add(dm);
        }
        for (Element holder : depHolders) {
            deps.addAll(dependencies(holder));
        }
        Map<String, Element> plugins = new LinkedHashMap<>();
        Element build = child(project, "build");
        if (build != null) {
            List<Element> holders = new ArrayList<>(List.of(build));
            Element pm = child(build, "pluginManagement");
            if (pm != null) {
                holders.add(pm);
            }
            for (Element holder : holders) {
                Element ps = child(holder, "plugins");
                if (ps != null) {
                    for (Element pl : children(ps)) {
                        plugins.putIfAbsent(text(pl, "artifactId"), pl);
                    }
                }
            }
        }
        List<String> modules = new ArrayList<>();
        Element ms = child(project, "modules");
        if (ms != null) {
            for (Element m : children(ms)) {
                modules.add(m.getTextContent().trim());
            }
        }
        Element parent = child(project, "parent");
        return new Pom(rel, parent == null ? null : text(parent, "artifactId"), parent == null ? null : text(parent, "version"),
                props, deps, plugins, modules);
    }

    /** A Maven profile of a pom: its id, the dependencies it adds and the properties it sets. */
    record MavenProfile(String id, List<String> dependencies, Map<String, String> properties) {
    }

    /** The profile {@code id} of the pom at {@code rel}, or null. */
    static MavenProfile mavenProfile(RepoFiles repo, String rel, String id) {
        Element ps = child(project(repo, rel), "profiles");
        if (ps != null) {
            for (Element p : children(ps)) {
                if (id.equals(text(p, "id"))) {
                    return new MavenProfile(id, dependencies(p), properties(p));
                }
            }
        }
        return null;
    }

    private static Map<String, String> properties(Element holder) {
        Map<String, String> props = new LinkedHashMap<>();
        Element p = child(holder, "properties");
        if (p != null) {
            for (Element e : children(p)) {
                props.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return props;
    }

    private static List<String> dependencies(Element holder) {
        List<String> deps = new ArrayList<>();
        Element ds = child(holder, "dependencies");
        if (ds != null) {
            for (Element dep : children(ds)) {
                if (!"test".equals(text(dep, "scope"))) {
                    deps.add(text(dep, "groupId") + ":" + text(dep, "artifactId"));
                }
            }
        }
        return deps;
    }

    private static Element project(RepoFiles repo, String rel) {
        String text = repo.text(rel);
        Element project;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            project = b.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage()).replaceAll("\\.$", "");
            if (msg.contains("disallow-doctype-decl")) {
                msg = "DOCTYPE declarations are not allowed (a pom.xml needs none)";
            }
            throw UserError.at(Path.of(rel), Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    "invalid XML: " + msg, "fix the XML syntax at this position");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new UserError(null, rel + ": invalid XML: " + e.getMessage(), "fix the file");
        }
        if (!"project".equals(project.getTagName())) {
            throw UserError.at(Path.of(rel), 1, 1, "the root element is <" + project.getTagName() + ">, not <project>",
                    "a Maven pom.xml starts with <project>");
        }
        return project;
    }

    static AppDraft detectMaven(RepoFiles repo, String dir, List<String> sources) {
        AppDraft d = new AppDraft(dir, Language.JAVA);
        d.sources = sources;
        d.buildTool = "maven";
        Pom root = readPom(repo, RepoFiles.join(dir, "pom.xml"));
        d.evidence("maven from " + root.file());
        List<Pom> poms = new ArrayList<>(List.of(root));
        for (String m : root.modules()) {
            String f = RepoFiles.join(dir, m + "/pom.xml");
            if (repo.exists(f)) {
                poms.add(readPom(repo, f));
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
            MavenProfile profile = mavenProfile(repo, root.file(), prod.group(1));
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
        portAndHealth(repo, d);
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
        Element config = compiler == null ? null : child(compiler, "configuration");
        if (config != null) {
            for (String key : List.of("release", "source", "target")) {
                String v = javaVersion(resolve(text(config, key), props));
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
        String type = SERVICES.get(coord);
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
            portAndHealth(repo, m);
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
            return new LinkedHashSet<>(readPom(repo, file).dependencies());
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
            if (boot.find()) {
                if (d.framework == null) {
                    d.framework = "spring-boot";
                    d.evidence("framework spring-boot from " + f + ":" + lines.line(boot.start())
                            + " plugin org.springframework.boot");
                }
                if (!f.equals(buildFile)) {
                    String module = RepoFiles.parent(f);
                    bootModules.add(".".equals(dir) ? module : module.substring(dir.length() + 1));
                }
            }
            for (String coord : coordinates(repo, f)) {
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
        if (bootModules.size() == 1) {
            d.build = gradleBuild(repo, dir, bootModules.get(0));
            d.evidence("runnable module " + bootModules.get(0) + " (its build file applies org.springframework.boot)");
        } else if (bootModules.size() > 1) {
            d.modules = List.copyOf(bootModules);
            d.evidence("runnable modules " + String.join(", ", bootModules)
                    + " (their build files apply org.springframework.boot)");
        }
        portAndHealth(repo, d);
        return d;
    }

    /** server.port in application*.properties|yml (8080 when unset). */
    private static void portAndHealth(RepoFiles repo, AppDraft d) {
        List<String> configs = new ArrayList<>();
        for (String f : d.sources) {
            if (HEALTH_OR_PORT_FILE.matcher(f).matches()) {
                configs.add(f);
            }
        }
        // application.properties / application.yml before profile files (application-dev.yml …)
        configs.sort((a, b) -> Boolean.compare(a.contains("application-"), b.contains("application-")));
        for (String f : configs) {
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            Code.Hit hit = f.endsWith(".properties") ? propertiesPort(f, text) : yamlPort(f, text);
            if (hit != null && Code.port(hit.value()) != null) {
                d.port = Code.port(hit.value());
                d.evidence("port " + d.port + " from server.port at " + hit.where());
                break;
            }
        }
        if (d.port == null) {
            d.port = 8080;
            d.portDefault = true;
            d.evidence("port 8080 (Java default; no server.port set)");
        }
        if (d.healthcheck != null && d.healthcheck.startsWith("/actuator/")) {
            for (String f : configs) {
                String base = managementBasePath(f, repo.source(f));
                if (base != null) {
                    d.healthcheck = (base.equals("/") ? "" : base.replaceAll("/$", "")) + "/health";
                    d.evidence("healthcheck " + d.healthcheck + " from management.endpoints.web.base-path at " + f);
                    break;
                }
            }
        }
        if (d.healthcheck == null) {
            Code.Hit health = Code.health(repo, d.sources, CODE);
            if (health != null) {
                d.healthcheck = health.value();
                d.evidence("healthcheck " + health.value() + " from route at " + health.where());
            }
        }
    }

    /** Spring Boot's management.endpoints.web.base-path in a properties or YAML file, or null. */
    static String managementBasePath(String f, String text) {
        if (text == null) {
            return null;
        }
        if (f.endsWith(".properties")) {
            Matcher m = BASE_PATH_PROPERTY.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        try {
            for (Object doc : new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                    .loadAllFromString(text)) {
                Object v = doc;
                for (String key : List.of("management", "endpoints", "web", "base-path")) {
                    v = v instanceof Map<?, ?> m ? m.get(key) : null;
                }
                if (v != null && String.valueOf(v).startsWith("/")) {
                    return String.valueOf(v);
                }
            }
        } catch (RuntimeException e) {
            return null; // a file that is not plain YAML (templated): no base path known
        }
        return null;
    }

    private static String portValue(String v) {
        String s = v.trim().replaceAll("^['\"]|['\"]$", "");
        Matcher m = Pattern.compile("^\\$\\{[^:}]+:(\\d+)\\}$").matcher(s);
        return m.matches() ? m.group(1) : s;
    }

    private static Code.Hit propertiesPort(String f, String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = Pattern.compile("^\\s*server\\.port\\s*[=:]\\s*(\\S+)").matcher(lines[i]);
            if (m.find()) {
                return new Code.Hit(portValue(m.group(1)), f, i + 1);
            }
        }
        return null;
    }

    private static Code.Hit yamlPort(String f, String text) {
        String[] lines = text.split("\\R", -1);
        int serverIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("\\s+#.*$", "");
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String t = line.trim();
            if (t.equals("---")) {
                serverIndent = -1;
                continue;
            }
            Matcher flat = Pattern.compile("^server\\.port\\s*:\\s*(\\S+)").matcher(t);
            if (flat.find()) {
                return new Code.Hit(portValue(flat.group(1)), f, i + 1);
            }
            if (serverIndent >= 0 && indent <= serverIndent) {
                serverIndent = -1;
            }
            if (t.equals("server:")) {
                serverIndent = indent;
            } else if (serverIndent >= 0) {
                Matcher m = Pattern.compile("^port\\s*:\\s*(\\S+)").matcher(t);
                if (m.find()) {
                    return new Code.Hit(portValue(m.group(1)), f, i + 1);
                }
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
