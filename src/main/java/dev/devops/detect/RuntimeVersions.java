package dev.devops.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime versions a repository states, each with the file and line it was written on, for the
 * version-drift lint. It reads the same sources as the stack detectors ({@code .nvmrc},
 * {@code .node-version}, {@code .tool-versions}, package.json {@code engines.node} / {@code volta.node},
 * pom.xml compiler release / {@code java.version} / toolchains, Gradle toolchains and compatibility,
 * {@code .python-version}, {@code requires-python}, {@code runtime.txt}, go.mod {@code go} /
 * {@code toolchain}) and normalizes with their rules, at the precision each language is compared at:
 * node and java major, python and go major.minor.
 */
public final class RuntimeVersions {
    /**
     * One stated version.
     *
     * @param language node, java, python or go
     * @param version  normalized ("20", "17", "3.12", "1.22")
     * @param source   what stated it (".nvmrc", "package.json engines.node", "go.mod toolchain" …)
     * @param path     repository-relative file
     * @param line     1-based line
     * @param floor    true when the source states a lower bound ("engines": ">=18", requires-python
     *                 ">=3.10"): any version at or above it agrees
     */
    public record Stated(String language, String version, String source, String path, int line, boolean floor) {
        /** "path:line". */
        public String where() {
            return path + ":" + line;
        }
    }

    private static final Pattern POM_PROPERTY = Pattern.compile(
            "<(maven\\.compiler\\.release|maven\\.compiler\\.source|java\\.version)>\\s*([^<\\s]+)\\s*</\\1>");
    private static final Pattern POM_RELEASE = Pattern.compile("<release>\\s*(\\d[^<\\s]*)\\s*</release>");
    private static final Pattern GRADLE = Pattern.compile(
            "JavaLanguageVersion\\.of\\(\\s*(\\d+)\\s*\\)|jvmToolchain\\(\\s*(\\d+)\\s*\\)"
            + "|sourceCompatibility\\s*=\\s*(?:['\"]([\\d.]+)['\"]|JavaVersion\\.VERSION_(\\d+(?:_\\d+)?)|([\\d.]+))");
    /**
     * The opener of a block that configures one source set's compile task: {@code tasks.named('compileJava11Java') {},
     * {@code compileTestJava {}. Not the main task ({@code compileJava {}) nor every task
     * ({@code tasks.withType(JavaCompile) {}): those set the project's version.
     */
    private static final Pattern COMPILE_TASK_BLOCK = Pattern.compile("(?i)\\bcompile(?!java\\b)\\w+java\\b");

    /**
     * Whether {@code pos} of a Gradle build script is inside a block that configures one compile task: a version set
     * there is that task's (a multi-release jar compiles its {@code java11} source set for 11 beside the project's 8),
     * not the project's. The innermost enclosing block's opening line is read.
     */
    static boolean inCompileTaskBlock(String text, int pos) {
        int depth = 0;
        for (int i = pos - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{') {
                if (depth == 0) {
                    int ls = text.lastIndexOf('\n', i) + 1;
                    return COMPILE_TASK_BLOCK.matcher(text.substring(ls, i)).find();
                }
                depth--;
            }
        }
        return false;
    }

    private static final Pattern REQUIRES_PYTHON = Pattern.compile("(?m)^\\s*requires-python\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^go\\s+(\\d+\\.\\d+)");
    private static final Pattern TOOLCHAIN = Pattern.compile("(?m)^toolchain\\s+go(\\d+\\.\\d+)");
    private static final Pattern JSON_FIELD = Pattern.compile("\"(node)\"\\s*:\\s*\"([^\"]*)\"");

    private RuntimeVersions() {
    }

    /**
     * One {@code LANG-version} of an {@code actions/setup-LANG} step in a GitHub Actions workflow.
     *
     * @param language   node, java, python or go
     * @param raw        the value as written ("22.x", "'3.12'"), or the matrix's list when {@code fromMatrix}
     * @param version    normalized, or null when not a literal version
     * @param line       1-based line of the {@code LANG-version:} key
     * @param fromMatrix the step reads {@code ${{ matrix.X }}} and the version is the first entry of that matrix list
     */
    public record WorkflowSetup(String language, String raw, String version, int line, boolean fromMatrix) {
    }

    private static final Pattern SETUP = Pattern.compile("^(\\s*)(?:-\\s+)?uses:\\s*['\"]?actions/setup-(node|java|python|go)@");
    private static final Pattern WITH_VERSION = Pattern.compile("^\\s*(node|java|python|go)-version:\\s*(.*?)\\s*$");
    private static final Pattern MATRIX_REF = Pattern.compile("\\$\\{\\{\\s*matrix\\.([\\w-]+)\\s*}}");

    /**
     * The runtime versions the {@code actions/setup-*} steps of a workflow install, in line order. A value
     * that is an expression, a list or a block is skipped, except {@code ${{ matrix.X }}} with a flow list
     * {@code X: [22, 24]} in the same file, which gives its first entry ({@code fromMatrix}).
     */
    public static List<WorkflowSetup> workflowSetups(String text) {
        List<WorkflowSetup> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = SETUP.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String language = m.group(2);
            int indent = m.group(1).length();
            for (int j = i + 1; j < lines.length; j++) {
                String l = lines[j];
                if (l.isBlank() || l.stripLeading().startsWith("#")) {
                    continue;
                }
                int ind = l.length() - l.stripLeading().length();
                if (ind <= indent && l.stripLeading().startsWith("-") || ind < indent) {
                    break;
                }
                Matcher w = WITH_VERSION.matcher(l.replaceAll("\\s+#.*$", ""));
                if (!w.find() || !w.group(1).equals(language)) {
                    continue;
                }
                String raw = w.group(2).replaceAll("^['\"]|['\"]$", "");
                Matcher matrix = MATRIX_REF.matcher(raw);
                if (matrix.find()) {
                    Matcher list = Pattern.compile("(?m)^\\s*" + Pattern.quote(matrix.group(1)) + ":\\s*\\[([^\\]]*)\\]").matcher(text);
                    if (list.find()) {
                        String first = list.group(1).split(",")[0].trim().replaceAll("^['\"]|['\"]$", "");
                        out.add(new WorkflowSetup(language, list.group(1), normalize(language, first.replaceAll("\\.x$", "")),
                                j + 1, true));
                    }
                    break;
                }
                if (raw.isEmpty() || raw.contains("${{") || raw.startsWith("[") || raw.startsWith("|") || raw.startsWith(">")) {
                    break;
                }
                out.add(new WorkflowSetup(language, raw, normalize(language, raw.replaceAll("\\.x$", "")), j + 1, false));
                break;
            }
        }
        return out;
    }

    /** Whether {@code path}'s file name is one this class reads. */
    public static boolean isVersionFile(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return switch (n) {
            case ".nvmrc", ".node-version", ".tool-versions", "package.json", "pom.xml", "build.gradle",
                    "build.gradle.kts", ".python-version", "pyproject.toml", "runtime.txt", "go.mod" -> true;
            default -> false;
        };
    }

    /** The versions stated in one file ({@code path} decides how {@code text} is read), in line order. */
    public static List<Stated> read(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        SourceLexer.Lines lines = new SourceLexer.Lines(text);
        List<Stated> out = new ArrayList<>();
        switch (name) {
            case ".nvmrc", ".node-version" -> firstLine(text, lines, (v, off) -> add(out, "node",
                    NodeStack.normalize(v), name, path, lines.line(off)));
            case ".python-version" -> firstLine(text, lines, (v, off) -> add(out, "python",
                    PythonStack.majorMinor(v), name, path, lines.line(off)));
            case "runtime.txt" -> {
                Matcher m = Pattern.compile("python-(\\d+\\.\\d+)").matcher(text);
                if (m.find()) {
                    add(out, "python", m.group(1), name, path, lines.line(m.start()));
                }
            }
            case ".tool-versions" -> toolVersions(text, path, out);
            case "package.json" -> packageJson(text, lines, path, out);
            case "pom.xml" -> {
                // javac --release N compiles against N's API: the classes run on N and every later JDK, so a release
                // is a floor (a newer CI or image JDK is no drift), and the compiler plugin ignores source and target
                // beside it. source/target alone (java.version, maven.compiler.source) check no API: a newer JDK can
                // compile calls the stated one lacks, so they stay exact
                boolean release = text.contains("<maven.compiler.release>") || POM_RELEASE.matcher(text).find();
                Matcher m = POM_PROPERTY.matcher(text);
                while (m.find()) {
                    boolean isRelease = m.group(1).equals("maven.compiler.release");
                    if (!release || isRelease) {
                        add(out, "java", JavaStack.javaVersion(m.group(2)), "pom.xml " + m.group(1), path,
                                lines.line(m.start()), isRelease);
                    }
                }
                m = POM_RELEASE.matcher(text);
                while (m.find()) {
                    add(out, "java", JavaStack.javaVersion(m.group(1)), "pom.xml compiler <release>", path,
                            lines.line(m.start()), true);
                }
                int tc = text.indexOf("maven-toolchains-plugin");
                if (tc >= 0) {
                    Matcher v = Pattern.compile("<jdk>\\s*<version>\\s*([^<\\s]+)").matcher(text);
                    if (v.find(tc)) {
                        add(out, "java", JavaStack.javaVersion(v.group(1)), "pom.xml maven-toolchains-plugin", path,
                                lines.line(v.start()));
                    }
                }
            }
            case "build.gradle", "build.gradle.kts" -> {
                Matcher m = GRADLE.matcher(text);
                while (m.find()) {
                    if (inCompileTaskBlock(text, m.start())) {
                        continue; // one source set's compile task (a multi-release jar's java11 classes), not the project
                    }
                    for (int g = 1; g <= 5; g++) {
                        if (m.group(g) != null) {
                            add(out, "java", JavaStack.javaVersion(m.group(g).replace('_', '.')),
                                    name + (g <= 2 ? " toolchain" : " sourceCompatibility"), path, lines.line(m.start()));
                            break;
                        }
                    }
                }
            }
            case "pyproject.toml" -> {
                Matcher m = REQUIRES_PYTHON.matcher(text);
                if (m.find()) {
                    add(out, "python", PythonStack.lowerBound(m.group(1)), "pyproject.toml requires-python", path,
                            lines.line(m.start(1)), isFloor(m.group(1)) || m.group(1).trim().startsWith("~="));
                }
            }
            case "go.mod" -> {
                Matcher m = GO_DIRECTIVE.matcher(text);
                if (m.find()) {
                    add(out, "go", m.group(1), "go.mod go directive", path, lines.line(m.start()), true); // a minimum
                }
                m = TOOLCHAIN.matcher(text);
                if (m.find()) {
                    add(out, "go", m.group(1), "go.mod toolchain", path, lines.line(m.start()));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * The version of a runtime base image, normalized like {@link #read}, or null when the image is not a
     * runtime image or its tag names no version: node:20-alpine → node 20, eclipse-temurin:21-jre → java
     * 21, maven:3.9-eclipse-temurin-17 → java 17, gradle:8.5-jdk17 → java 17, openjdk:17-slim,
     * amazoncorretto:21, python:3.12-slim → python 3.12, golang:1.22-alpine → go 1.22.
     *
     * @return {language, version}
     */
    public static String[] ofImage(String image) {
        if (image == null) {
            return null;
        }
        String ref = image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        if (colon < 0 || colon < ref.lastIndexOf('/')) {
            return null;
        }
        String repo = ref.substring(0, colon).toLowerCase(Locale.ROOT);
        String base = repo.substring(repo.lastIndexOf('/') + 1);
        String tag = ref.substring(colon + 1).toLowerCase(Locale.ROOT);
        Matcher lead = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?").matcher(tag);
        switch (base) {
            case "node":
                return lead.find() ? new String[] {"node", lead.group(1)} : null;
            case "eclipse-temurin", "openjdk", "amazoncorretto", "temurin", "ibm-semeru-runtimes", "sapmachine":
                return lead.find() ? new String[] {"java", JavaStack.javaVersion(lead.group(0))} : null;
            case "maven", "gradle": {
                Matcher m = Pattern.compile("(?:jdk|temurin-|openjdk-|corretto-|graal-|sapmachine-|semeru-)(\\d+)").matcher(tag);
                return m.find() ? new String[] {"java", m.group(1)} : null;
            }
            case "python", "pypy":
                return lead.find() && lead.group(2) != null ? new String[] {"python", lead.group(1) + "." + lead.group(2)}
                        : lead.reset().find() ? new String[] {"python", lead.group(1)} : null;
            case "golang":
                return lead.find() ? new String[] {"go", lead.group(2) == null ? lead.group(1)
                        : lead.group(1) + "." + lead.group(2)} : null;
            default:
                return null;
        }
    }

    /**
     * Whether two versions agree at the precision both state: "20" and "20" agree, "3" and "3.12" agree,
     * "3.11" and "3.12" do not.
     */
    public static boolean agree(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return false;
            }
        }
        return true;
    }

    /** Normalizes a version written elsewhere (CI workflows, devops.yaml) for {@code language}. */
    public static String normalize(String language, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        return switch (language) {
            case "node" -> NodeStack.normalize(v);
            case "java" -> JavaStack.javaVersion(v);
            case "python", "go" -> {
                Matcher m = Pattern.compile("^[~^>=v]*\\s*(\\d+)(?:\\.(\\d+))?").matcher(v);
                yield m.find() ? (m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2)) : null;
            }
            default -> null;
        };
    }

    private interface LineVisitor {
        void accept(String value, int offset);
    }

    private static void firstLine(String text, SourceLexer.Lines lines, LineVisitor v) {
        int off = 0;
        for (String line : text.split("\n", -1)) {
            String t = line.replaceAll("#.*", "").trim();
            if (!t.isEmpty()) {
                v.accept(t, off);
                return;
            }
            off += line.length() + 1;
        }
    }

    private static void toolVersions(String text, String path, List<Stated> out) {
        String[] ls = text.split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
            String[] parts = ls[i].replaceAll("#.*", "").trim().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            String language = switch (parts[0]) {
                case "nodejs", "node" -> "node";
                case "java" -> "java";
                case "python" -> "python";
                case "golang", "go" -> "go";
                default -> null;
            };
            if (language != null) {
                String raw = parts[1];
                if (language.equals("java")) {
                    Matcher m = Pattern.compile("(\\d+)").matcher(raw); // temurin-21.0.2+13.0.LTS
                    raw = m.find() ? m.group(1) : null;
                }
                add(out, language, raw == null ? null : normalize(language, raw), ".tool-versions " + parts[0], path, i + 1);
            }
        }
    }

    private static void packageJson(String text, SourceLexer.Lines lines, String path, List<Stated> out) {
        for (String section : List.of("engines", "volta")) {
            Matcher s = Pattern.compile("\"" + section + "\"\\s*:\\s*\\{([^}]*)\\}").matcher(text);
            if (s.find()) {
                Matcher m = JSON_FIELD.matcher(text).region(s.start(1), s.end(1));
                if (m.find()) {
                    boolean engines = section.equals("engines");
                    String v = engines ? NodeStack.lowestMajor(m.group(2)) : NodeStack.normalize(m.group(2));
                    boolean floor = engines && isFloor(m.group(2));
                    String union = engines ? unionFloor(m.group(2)) : null;
                    if (union != null) {
                        v = union; // ">=18 <19 || >=20 <21 || >=22": every alternative's major agrees, from the lowest up
                        floor = true;
                    }
                    add(out, "node", v, "package.json " + section + ".node", path, lines.line(m.start()), floor);
                }
            }
        }
    }

    private static void add(List<Stated> out, String language, String version, String source, String path, int line) {
        add(out, language, version, source, path, line, false);
    }

    private static void add(List<Stated> out, String language, String version, String source, String path, int line,
            boolean floor) {
        if (version != null) {
            out.add(new Stated(language, version, source, path, line, floor));
        }
    }

    /**
     * The lowest major of a range of alternatives ({@code >=18.0.0 <19.0.0 || >=20.0.0 <21.0.0 || >=22.0.0},
     * {@code ^18 || ^20}), or null for a single range: any of them is a supported version, so a version file that
     * names one of them (.nvmrc 20) agrees; compared as a floor at the lowest, the precision the drift rules keep.
     */
    private static String unionFloor(String range) {
        if (!range.contains("||")) {
            return null;
        }
        Integer lowest = null;
        for (String alt : range.split("\\|\\|")) {
            String major = NodeStack.lowestMajor(alt);
            if (major != null && (lowest == null || Integer.parseInt(major) < lowest)) {
                lowest = Integer.parseInt(major);
            }
        }
        return lowest == null ? null : String.valueOf(lowest);
    }

    /** A range with a lower bound and no upper bound or exact pin: ">=18", ">3.9", "18 || >=20". */
    private static boolean isFloor(String range) {
        String r = range.trim();
        return r.startsWith(">") || r.contains("|| >");
    }

    /**
     * Whether a stated version and a version used elsewhere (a FROM tag, CI) agree: exact versions at the
     * precision both state ({@link #agree}); a floor when the other is at or above it.
     */
    public static boolean satisfies(Stated stated, String other) {
        if (!stated.floor()) {
            return agree(stated.version(), other);
        }
        return compare(other, stated.version()) >= 0 || agree(stated.version(), other);
    }

    /** Compares dotted versions numerically at the precision both state. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
