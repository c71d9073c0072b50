package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.testsupport.Descriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural checks of every stack × build tool Dockerfile, with and without healthcheck and build step. */
class DockerfileTemplatesTest {
    private static final Pattern SECRETISH = Pattern.compile("(?i)(password|passwd|secret|token|api_?key|private_?key|credential)");

    static Stream<Arguments> stacks() {
        String[][] combos = {
            {"node", "20", "npm", "express", "package-lock.json"},
            {"node", "20", "yarn", null, "yarn.lock"},
            {"node", "22", "pnpm", "nest", "pnpm-lock.yaml"},
            {"java", "17", "maven", "spring-boot", "pom.xml"},
            {"java", "21", "gradle", "spring-boot", "build.gradle*"},
            {"java", "17", "gradle", null, "build.gradle*"},
            {"python", "3.11", "pip", "flask", "requirements.txt"},
            {"python", "3.12", "poetry", "fastapi", "poetry.lock"},
            {"python", "3.12", "uv", "django", "uv.lock"},
            {"python", "3.12", "pipenv", null, "Pipfile.lock"},
            {"go", "1.22", "go", null, "go.*"},
        };
        List<Arguments> out = new ArrayList<>();
        for (String[] c : combos) {
            for (boolean health : new boolean[] {true, false}) {
                for (boolean build : new boolean[] {true, false}) {
                    out.add(Arguments.of(c[0], c[1], c[2], c[3], c[4], health, build));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "static site {0} output {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "create-react-app, , /app/build",
        "vite, , /app/dist",
        "vue-cli, , /app/dist",
        "vite, ./public/, /app/public",
        "angular, dist/shop/browser, /app/dist/shop/browser",
        "angular, dist/shop, /app/dist/shop",
    })
    void staticSitesAreBuiltWithNodeAndServedByUnprivilegedNginx(String framework, String output, String copied) {
        String yaml = Descriptors.app("node", "20", "npm", framework, true, true);
        if (output != null) {
            yaml = yaml.replace("    port: 8080\n", "    port: 8080\n    output: " + output + "\n");
        }
        Descriptor d = Descriptors.parse(yaml);
        App app = d.apps().get(0);
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), RenderModel.forApp(d, app));
        assertTrue(df.contains("# app: static site (" + framework + "), built with Node.js 20 (npm), served by nginx\n"), df);
        assertTrue(df.contains("FROM node:20-bookworm-slim AS build"), df);
        assertTrue(df.contains("RUN npm ci"), df);
        // the golden lines: the runtime stage copies exactly the build output directory into nginx's root
        assertTrue(df.contains("FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY --from=build " + copied
                + " /usr/share/nginx/html\nUSER 101\nEXPOSE 8080\n"), df);
        assertTrue(df.contains("CMD [\"wget\", \"-q\", \"--spider\""), "busybox wget, not node, probes it:\n" + df);
        assertFalse(df.contains("node -e") || df.contains("\"node\", \"-e\""), df);
        String ignore = TemplateSource.builtIn().render(Scaffolder.dockerignoreTemplate(app), RenderModel.forApp(d, app));
        assertEquals("angular".equals(framework), ignore.lines().anyMatch(".angular"::equals), ignore);
    }

    /** Class 12: the files a Go program opens at run time are copied beside the binary, at the same relative paths. */
    @Test
    void aGoImageCarriesTheFilesItsProgramOpensAtRunTime() {
        String yaml = Descriptors.app("go", "1.22", "go", null, true, false)
                .replace("    port: 8080\n", "    port: 8080\n    files: [app.env, config, db/migrations]\n");
        Descriptor d = Descriptors.parse(yaml);
        App app = d.apps().get(0);
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), RenderModel.forApp(d, app));
        String runtime = df.substring(df.indexOf("FROM scratch"));
        assertTrue(runtime.contains("COPY --from=build [\"/src/app.env\", \"/app.env\"]\n"
                + "COPY --from=build [\"/src/config\", \"/config\"]\n"
                + "COPY --from=build [\"/src/db/migrations\", \"/db/migrations\"]\n"), df);
        String without = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app),
                RenderModel.forApp(Descriptors.parse(Descriptors.app("go", "1.22", "go", null, true, false)),
                        Descriptors.parse(Descriptors.app("go", "1.22", "go", null, true, false)).apps().get(0)));
        assertFalse(without.contains("/src/"), "nothing but the binary without files:\n" + without);
    }

    @ParameterizedTest(name = "{0} module build {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "maven  | [mvn, -B, -DskipTests, -pl, services/api, -am, package]  | services/api/target",
        "gradle | [gradle, --no-daemon, ':services:api:bootJar', -x, test] | services/api/build/libs",
    })
    void aMultiModuleBuildCopiesTheTreeAndTakesTheJarFromItsModule(String tool, String build, String libs) {
        String yaml = Descriptors.app("java", "17", tool, "spring-boot", false, false)
                .replace("    port: 8080\n", "    port: 8080\n    build: " + build + "\n");
        Descriptor d = Descriptors.parse(yaml);
        App app = d.apps().get(0);
        assertEquals("services/api", RenderModel.javaModule(app));
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), RenderModel.forApp(d, app));
        List<String> lines = df.lines().toList();
        int copy = lines.indexOf("COPY . .");
        assertTrue(copy > 0 && lines.get(copy - 1).endsWith("devops:ignore DF0027"), df);
        assertTrue(lines.get(copy + 1).startsWith("RUN [\"" + ("maven".equals(tool) ? "mvn" : "gradle") + "\""), "the module build runs right after:\n" + df);
        assertTrue(df.contains("find " + libs + " -maxdepth 1 -name '*.jar'"), df);
        assertFalse(df.contains("COPY src ./src"), "a module's sources are not in the root src:\n" + df);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("RUN mvn") || l.startsWith("RUN gradle")
                || l.startsWith("RUN [")).count(), "one build, not the module build and then the root one:\n" + df);
    }

    /**
     * Issue 9 class 4: the runnable jar, not its neighbour. A shaded Maven build (Micronaut, plain shade plugin) leaves
     * original-*.jar beside the runnable one; Gradle's shadow plugin writes *-all.jar beside a jar without dependencies;
     * Quarkus packages a directory. The build stage's collect step runs here in sh on such a target directory.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "maven  | micronaut | target/original-app-0.1.jar target/app-0.1.jar           | app.jar         | app-0.1.jar",
        "gradle | micronaut | build/libs/app-0.1.jar build/libs/app-0.1-all.jar       | app.jar         | app-0.1-all.jar",
        "gradle | spring-boot | build/libs/app-0.1-plain.jar build/libs/app-0.1.jar   | app.jar         | app-0.1.jar",
        "maven  | quarkus   | target/app-1.0.jar target/quarkus-app/quarkus-run.jar target/quarkus-app/lib/boot/r.jar | quarkus-run.jar | quarkus-app/quarkus-run.jar",
        "gradle | quarkus   | build/app-1.0.jar build/quarkus-app/quarkus-run.jar build/quarkus-app/lib/boot/r.jar   | quarkus-run.jar | quarkus-app/quarkus-run.jar",
        // quarkus.package.type=uber-jar (msdocs-quarkus-postgresql-sample-app): one runner jar, no quarkus-app/
        "maven  | quarkus   | target/app-1.0.jar.original target/app-1.0-runner.jar  | quarkus-run.jar | app-1.0-runner.jar",
        "gradle | quarkus   | build/app-1.0.jar build/app-1.0-runner.jar             | quarkus-run.jar | app-1.0-runner.jar",
    })
    void theBuildStageCollectsTheRunnableJar(String tool, String framework, String files, String runs, String expected,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path work) throws Exception {
        Descriptor d = Descriptors.parse(Descriptors.app("java", "17", tool, framework, false, false));
        App app = d.apps().get(0);
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), RenderModel.forApp(d, app));
        assertTrue(df.contains("CMD [\"java\", \"-XX:MaxRAMPercentage=75.0\", \"-jar\", \"/app/" + runs + "\"]"), df);
        assertTrue(df.contains("quarkus".equals(framework) ? "\nCOPY --from=build /out/ /app/\n" : "\nCOPY --from=build /out/app.jar /app/app.jar\n"), df);
        String run = df.substring(df.indexOf("mkdir -p /out"));
        run = run.substring(0, run.indexOf("\n\n")).replace("\\\n", " ").replace("/out", "out");
        for (String f : files.trim().split("\\s+")) {
            java.nio.file.Files.createDirectories(work.resolve(f).getParent());
            java.nio.file.Files.writeString(work.resolve(f), f);
        }
        Process p = new ProcessBuilder("sh", "-c", run).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), run + "\n" + output);
        String copied = java.nio.file.Files.readString(work.resolve("out/" + runs));
        assertTrue(copied.endsWith(expected), run + " copied " + copied);
        if ("quarkus".equals(framework) && files.contains("quarkus-app")) {
            assertTrue(java.nio.file.Files.isRegularFile(work.resolve("out/lib/boot/r.jar")), "its lib/ comes along: " + run);
        }
    }

    @org.junit.jupiter.api.Test
    void aSingleModuleBuildHasNoModule() {
        Descriptor d = Descriptors.parse(Descriptors.app("java", "17", "maven", null, false, true));
        assertEquals(null, RenderModel.javaModule(d.apps().get(0)));
        Descriptor node = Descriptors.parse(Descriptors.app("node", "20", "npm", null, false, true)
                .replace("[make, assets]", "[npm, run, build, -pl, x]"));
        assertEquals(null, RenderModel.javaModule(node.apps().get(0)), "only Java builds have modules");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} health={5} build={6}")
    @MethodSource("stacks")
    void dockerfileIsProductionShaped(String lang, String version, String tool, String framework, String manifest,
            boolean health, boolean build) {
        Descriptor d = Descriptors.parse(Descriptors.app(lang, version, tool, framework, health, build));
        App app = d.apps().get(0);
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), RenderModel.forApp(d, app));
        List<String> lines = df.lines().toList();

        assertTrue(lines.get(0).startsWith("# Generated by devops from devops.yaml"), df);
        assertFalse(df.contains("# syntax="), "needs BuildKit:\n" + df);
        assertFalse(df.contains("--mount"), "needs BuildKit:\n" + df);
        assertFalse(df.contains("<<"), "heredoc needs BuildKit:\n" + df);

        List<Integer> froms = indexes(lines, "FROM ");
        assertTrue(froms.size() >= 2, "multi-stage expected:\n" + df);
        String first = lines.get(froms.get(0));
        assertTrue(first.contains(":" + version) || first.contains("temurin-" + version) || first.contains("jdk" + version),
                "builder pinned to the runtime version: " + first);
        String last = lines.get(froms.get(froms.size() - 1));
        assertTrue(last.equals("FROM scratch") || last.contains(version), "runtime pinned: " + last);

        List<String> finalStage = lines.subList(froms.get(froms.size() - 1), lines.size());
        List<String> users = finalStage.stream().filter(l -> l.startsWith("USER ")).toList();
        assertEquals(1, users.size(), "one USER in the final stage:\n" + df);
        String user = users.get(0).substring(5).trim();
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:"), user);

        List<String> cmds = lines.stream().filter(l -> l.startsWith("CMD ") || l.startsWith("ENTRYPOINT ")).toList();
        assertEquals(1, cmds.size(), df);
        assertTrue(cmds.get(0).matches("(CMD|ENTRYPOINT) \\[\".*\"]"), "exec form: " + cmds.get(0));

        for (String l : lines) {
            if (l.startsWith("ENV ")) {
                assertTrue(l.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*=\\S+"), "ENV key=value: " + l);
            }
            if (l.startsWith("ENV ") || l.startsWith("ARG ")) {
                assertFalse(SECRETISH.matcher(l).find(), "secret-looking build variable: " + l);
            }
        }
        assertFalse(df.contains("API_TOKEN"), "app secrets never reach the Dockerfile");

        // the dependency manifests are copied and installed before the sources in the first stage
        int manifestCopy = firstIndex(lines, l -> l.startsWith("COPY ") && l.contains(manifest));
        int sourceCopy = firstIndex(lines, l -> l.equals("COPY . .") || l.startsWith("COPY src "));
        assertTrue(manifestCopy > 0, "manifest " + manifest + " copied:\n" + df);
        assertTrue(sourceCopy < 0 || manifestCopy < sourceCopy, "manifests before sources:\n" + df);
        int install = firstIndex(lines, l -> l.startsWith("RUN ") && l.toLowerCase(Locale.ROOT).matches(
                ".*(npm ci|yarn install|pnpm install|dependency:go-offline|gradle .*dependencies|pip install|go mod download).*"));
        assertTrue(install > manifestCopy && (sourceCopy < 0 || install < sourceCopy), "install before sources:\n" + df);

        boolean hasHealthcheck = df.contains("\nHEALTHCHECK ");
        // every app with a port gets one its runtime image can run: HTTP on the path, else TCP on the port
        assertTrue(hasHealthcheck, df);
        assertTrue(df.contains("HEALTHCHECK --interval=10s --timeout=5s") && df.contains("CMD [\""), df);
        assertEquals(health, Pattern.compile("/health(?!check)").matcher(df).find(), df);
        assertTrue(lines.stream().filter(l -> !l.startsWith("#")).noneMatch(l -> l.contains("curl") || l.contains("wget")),
                "runtime images have neither curl nor wget:\n" + df);
        if (lang.equals("go")) {
            assertTrue(df.contains("COPY --from=build /out/healthcheck /healthcheck\n"), df);
            assertTrue(df.contains("CMD [\"/healthcheck\", \"" + (health ? "http://127.0.0.1:8080/health" : "127.0.0.1:8080") + "\"]"), df);
        }
        if (build) {
            assertTrue(df.contains("RUN [\"make\", \"assets\"]\n"), df);
        }
        assertTrue(df.contains("EXPOSE 8080"), df);
    }

    /**
     * full-stack-fastapi-template@68adb40 backend: pip with only a pyproject.toml rendered "COPY requirements.txt",
     * which fails the build. The dependencies then come from pyproject.toml's [project] table (tomli before 3.11).
     */
    @ParameterizedTest(name = "python {0}")
    @org.junit.jupiter.params.provider.CsvSource({"3.12, tomllib", "3.10, tomli", "3.9, tomli", "3.14, tomllib"})
    void pipWithoutRequirementsTxtReadsPyproject(String version, String module,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Descriptor d = Descriptors.parse(Descriptors.app("python", version, "pip", "fastapi", false, false));
        App app = d.apps().get(0);
        java.nio.file.Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\ndependencies = [\"fastapi\"]\n");
        java.util.Map<String, Object> model = RenderModel.forApp(d, app);
        RenderModel.addBuildInputs(model, dir);
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), model);
        List<String> lines = df.lines().toList();
        assertFalse(lines.contains("COPY requirements.txt ./"), "there is no requirements.txt:\n" + df);
        int copy = lines.indexOf("COPY pyproject.toml ./");
        assertTrue(copy > 0, df);
        String gen = lines.get(copy + 1);
        assertTrue(gen.startsWith("RUN ") && gen.contains("import " + module + " as t;") && gen.endsWith("> requirements.txt"), gen);
        assertEquals("tomli".equals(module), gen.contains("pip install --no-cache-dir tomli && "), gen);
        assertTrue(lines.get(copy + 2).startsWith("RUN mkdir -p /install && pip install"), df);

        // with a requirements.txt beside it (or rendered without looking at files) it is the plain COPY
        java.nio.file.Files.writeString(dir.resolve("requirements.txt"), "fastapi\n");
        java.util.Map<String, Object> withReq = RenderModel.forApp(d, app);
        RenderModel.addBuildInputs(withReq, dir);
        for (java.util.Map<String, Object> m : List.of(withReq, RenderModel.forApp(d, app))) {
            String plain = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), m);
            assertTrue(plain.lines().toList().contains("COPY requirements.txt ./"), plain);
            assertFalse(plain.contains("pyproject"), plain);
        }
    }

    @org.junit.jupiter.api.Test
    void gradleBuildsWithTheProjectsWrapperAndItsVersionCatalog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Descriptor d = Descriptors.parse(Descriptors.app("java", "17", "gradle", "spring-boot", false, false));
        App app = d.apps().get(0);
        java.util.function.Supplier<String> render = () -> {
            java.util.Map<String, Object> model = RenderModel.forApp(d, app);
            RenderModel.addBuildInputs(model, dir);
            return TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), model);
        };
        String plain = render.get();
        assertTrue(plain.contains("\nCOPY settings.gradle* build.gradle* gradle.properties* ./\nRUN gradle --no-daemon -q dependencies"), plain);
        assertFalse(plain.contains("COPY gradle ./gradle"), "no gradle/ directory to copy:\n" + plain);

        java.nio.file.Files.createDirectories(dir.resolve("gradle/wrapper"));
        java.nio.file.Files.writeString(dir.resolve("gradle/libs.versions.toml"), "[versions]\n");
        String catalog = render.get();
        assertTrue(catalog.contains("\nCOPY gradle ./gradle\nRUN gradle --no-daemon -q dependencies"), catalog);

        java.nio.file.Files.writeString(dir.resolve("gradle/wrapper/gradle-wrapper.properties"), "distributionUrl=x\n");
        java.nio.file.Files.writeString(dir.resolve("gradlew"), "#!/bin/sh\n");
        String wrapper = render.get();
        assertTrue(wrapper.contains("\nCOPY settings.gradle* build.gradle* gradle.properties* gradlew ./\n"), wrapper);
        assertTrue(wrapper.contains("\nRUN ./gradlew --no-daemon -q dependencies > /dev/null\n"), wrapper);
        assertTrue(wrapper.contains("\nRUN ./gradlew --no-daemon -q bootJar && mkdir -p /out"), wrapper);
        assertFalse(wrapper.contains("RUN gradle "), wrapper);
    }

    private static List<Integer> indexes(List<String> lines, String prefix) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                out.add(i);
            }
        }
        return out;
    }

    private static int firstIndex(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
