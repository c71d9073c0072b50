package dev.devops.scaffold;

import dev.devops.files.DockerIgnore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.scaffold.PlannedFile.Action;
import dev.devops.testsupport.Descriptors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffolderTest {
    @TempDir
    Path root;

    private final Descriptor d = Descriptors.parse(Descriptors.NODE);
    private final TemplateSource t = TemplateSource.builtIn();

    private List<String> paths(Plan p) {
        return p.files().stream().map(PlannedFile::relativePath).collect(Collectors.toList());
    }

    @Test
    void emptyDirectoryPlansFiveCreatesInOrder() {
        Plan p = Scaffolder.plan(d, root, t);
        assertEquals(List.of("Dockerfile", ".dockerignore", "docker-compose.yml", ".env.example", ".gitignore"), paths(p));
        p.files().forEach(f -> assertEquals(Action.CREATE, f.action(), f.relativePath()));
        p.files().forEach(f -> assertNull(f.oldContent()));
    }

    @Test
    void appliedPlanIsUnchangedOnTheNextRunAndWritesNothing() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        long before = Files.getLastModifiedTime(root.resolve("Dockerfile")).toMillis();
        Plan second = Scaffolder.plan(d, root, t);
        assertTrue(second.upToDate(), () -> second.files().toString());
        List<Scaffolder.Applied> applied = Scaffolder.apply(second, root, false);
        applied.forEach(a -> assertEquals(Scaffolder.Outcome.UNCHANGED, a.outcome()));
        assertEquals(before, Files.getLastModifiedTime(root.resolve("Dockerfile")).toMillis());
        assertTrue(Scaffolder.drift(d, root, t).isEmpty());
    }

    @Test
    void editedFileIsAConflictAndOnlyForceOverwritesIt() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        Path df = root.resolve("Dockerfile");
        String edited = Files.readString(df) + "RUN echo mine\n";
        Files.writeString(df, edited);

        Plan p = Scaffolder.plan(d, root, t);
        PlannedFile f = p.file("Dockerfile");
        assertEquals(Action.CONFLICT, f.action());
        assertTrue(f.diff().contains("-RUN echo mine"), f.diff());

        List<Scaffolder.Applied> noForce = Scaffolder.apply(p, root, false);
        assertEquals(Scaffolder.Outcome.SKIPPED, noForce.get(0).outcome());
        assertEquals(edited, Files.readString(df));

        List<Scaffolder.Applied> force = Scaffolder.apply(p, root, true);
        assertEquals(Scaffolder.Outcome.OVERWRITTEN, force.get(0).outcome());
        assertEquals(f.newContent(), Files.readString(df));
    }

    @Test
    void driftListsChangedAndMissingFilesWithDiffs() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        Files.delete(root.resolve(".env.example"));
        Path compose = root.resolve("docker-compose.yml");
        Files.writeString(compose, Files.readString(compose).replace("image: postgres:15", "image: postgres:latest"));
        List<Scaffolder.Drift> drift = Scaffolder.drift(d, root, t);
        assertEquals(List.of("docker-compose.yml", ".env.example"),
                drift.stream().map(Scaffolder.Drift::relativePath).collect(Collectors.toList()));
        assertTrue(drift.get(0).diff().contains("-    image: postgres:latest\n+    image: postgres:15\n"), drift.get(0).diff());
        assertFalse(drift.get(0).missing());
        assertTrue(drift.get(1).missing());
        assertTrue(drift.get(1).diff().startsWith("--- /dev/null\n+++ b/.env.example\n"));
    }

    @Test
    void aServiceVariableTheAppAlsoReadsIsDocumentedOnceAsTheServicesSecret() {
        // an app reading POSTGRES_PASSWORD itself (wired from postgres.password): compose interpolates the same
        // name for the postgres service, so .env.example must ask for it as a secret, not say "set by compose"
        Descriptor pg = Descriptors.parse(Descriptors.NODE.replace("      FEATURE_FLAGS: {}\n",
                "      FEATURE_FLAGS: {}\n      POSTGRES_PASSWORD: {secret: true, from: postgres.password}\n"));
        String example = Scaffolder.plan(pg, root, t).file(".env.example").newContent();
        assertEquals(2, example.split("\nPOSTGRES_PASSWORD=", -1).length, "one entry: " + example);
        String before = example.substring(0, example.indexOf("\nPOSTGRES_PASSWORD="));
        String entry = before.substring(before.lastIndexOf("\n\n"));
        assertTrue(entry.contains("secret") && !entry.contains("set by docker-compose.yml"), entry);
    }

    @Test
    void theRepositorysOwnEnvExampleIsKeptAndGetsOnlyTheStacksMissingKeysAppended() throws IOException {
        // the README's flow is 'cp .env.example .env': a user's example without the compose file's ${X:?} keys
        // gave an .env with which 'up' stops at "X is required"
        Descriptor pg = d; // NODE has postgres and redis
        String mine = "PORT=3000\n# POSTGRES_PASSWORD=commented out, so not set by cp\nPOSTGRES_USER=me\n";
        Files.writeString(root.resolve(".env.example"), mine);
        PlannedFile f = Scaffolder.plan(pg, root, t).file(".env.example");
        assertEquals(Action.UPDATE, f.action());
        assertTrue(f.userFile());
        assertTrue(f.newContent().startsWith(mine), "no line of the user's changes");
        String added = f.newContent().substring(mine.length());
        assertTrue(added.contains("\nPOSTGRES_PASSWORD=\n"), added);
        assertTrue(added.contains("secret"), "the entry keeps its comments: " + added);
        assertFalse(added.contains("POSTGRES_USER="), "a key the user defines is left as it is: " + added);
        assertFalse(added.contains("\nPORT="), added);
        Scaffolder.apply(Scaffolder.plan(pg, root, t), root, false);
        assertEquals(Action.UNCHANGED, Scaffolder.plan(pg, root, t).file(".env.example").action(), "idempotent");
        assertEquals(List.of(".env.example"), Scaffolder.check(pg, root, t).userFiles().stream()
                .filter(".env.example"::equals).toList(), "still the user's file: listed by --check, not drift");
    }

    @Test
    void withTheUsersOwnComposeFileTheExampleGetsOnlyTheKeysThatFileReferences() throws IOException {
        // the user's compose file is the stack that runs: the rendered one's POSTGRES_USER, POSTGRES_DB… (not
        // written) were appended to the user's example and documented variables nothing reads (ENV0003)
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  db:\n    image: postgres:16\n"
                + "    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n");
        Files.writeString(root.resolve(".env.example"), "APP_ENV=dev\n");
        PlannedFile f = Scaffolder.plan(d, root, t).file(".env.example");
        assertEquals(Action.UPDATE, f.action());
        assertEquals("your own file, kept; added POSTGRES_PASSWORD", f.reason());
        Files.writeString(root.resolve(".env.example"), "APP_ENV=dev\nPOSTGRES_PASSWORD=\n");
        assertEquals(Action.UNCHANGED, Scaffolder.plan(d, root, t).file(".env.example").action());
        assertEquals(Set.of("A", "B", "C"), dev.devops.compose.Interpolator.referencedNames("x: ${A:-1} $B ${C:?m} $$D ${E"));
    }

    @Test
    void gitignoreIsMergedByAppendingOnlyTheMissingLines() throws IOException {
        Files.writeString(root.resolve(".gitignore"), "node_modules/\n.env\n");
        PlannedFile g = Scaffolder.plan(d, root, t).file(".gitignore");
        assertEquals(Action.UPDATE, g.action());
        assertEquals("added .env.*, !.env.example", g.reason());
        assertEquals("node_modules/\n.env\n\n" + GitignoreMerge.COMMENT + "\n.env.*\n!.env.example\n", g.newContent());
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        assertEquals(Action.UNCHANGED, Scaffolder.plan(d, root, t).file(".gitignore").action());
    }

    @Test
    void usersDockerignoreIsCompletedSoTheGeneratedCopyOfTheContextLeavesEnvFilesOut() throws IOException {
        String mine = ".git\nnode_modules\n";
        Files.writeString(root.resolve(".dockerignore"), mine);
        PlannedFile f = Scaffolder.plan(d, root, t).file(".dockerignore");
        assertEquals(Action.UPDATE, f.action(), "before: a CONFLICT, skipped, so COPY . . baked .env in (DF0037)");
        assertTrue(f.userFile());
        assertTrue(f.newContent().startsWith(mine), "no line of the user's changes");
        assertEquals("your own file, kept; added **/.env, **/.env.*, !**/.env.example", f.reason());
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        DockerIgnore ignore = DockerIgnore.load(root);
        assertTrue(ignore.excluded(".env") && ignore.excluded("api/.env.local") && ignore.excluded("node_modules"));
        assertFalse(ignore.excluded(".env.example"), "the documented template stays, as in devops's own file");
        assertEquals(Action.UNCHANGED, Scaffolder.plan(d, root, t).file(".dockerignore").action(), "idempotent");
        assertTrue(Scaffolder.check(d, root, t).userFiles().contains(".dockerignore"), "listed by --check, not drift");
    }

    /** A Quarkus project's own .dockerignore ('*' but target/…) hid pom.xml and src from devops's source build. */
    @Test
    void usersDockerignoreReincludesWhatTheGeneratedDockerfileCopies() throws IOException {
        Descriptor q = Descriptors.parse("""
                name: todo
                apps:
                  todo:
                    runtime: {language: java, version: "17", buildTool: maven, framework: quarkus}
                    port: 8080
                """);
        String mine = "*\n!target/*-runner\n!target/*-runner.jar\n!target/lib/*\n!target/quarkus-app/*\n";
        Files.writeString(root.resolve(".dockerignore"), mine);
        PlannedFile f = Scaffolder.plan(q, root, t).file(".dockerignore");
        assertEquals(Action.UPDATE, f.action());
        assertTrue(f.newContent().startsWith(mine), "no line of the user's changes");
        assertEquals("your own file, kept; added !pom.xml, !src", f.reason());
        DockerIgnore ignore = DockerIgnore.parse(f.newContent());
        assertFalse(ignore.excluded("pom.xml") || ignore.excluded("src/main/java/A.java"), f.newContent());
        assertTrue(ignore.excluded("README.md") && ignore.excluded(".env"), "the rest stays out");
        assertEquals(List.of("pom.xml", "src"), DockerignoreMerge.copySources("COPY pom.xml ./\nCOPY src ./src\n"
                + "COPY --from=build /out/ /app/\nCOPY . .\n"));
    }

    @Test
    void usersDockerignoreThatAlreadyExcludesEnvFilesIsLeftAlone() throws IOException {
        Files.writeString(root.resolve(".dockerignore"), ".env*\n");
        assertEquals(Action.UNCHANGED, Scaffolder.plan(d, root, t).file(".dockerignore").action());
        assertEquals(List.of(), DockerignoreMerge.missing(".env\n.env.*\n"), "the user's choice for the template is kept");
        assertEquals(List.of("**/.env.*", "!**/.env.example"), DockerignoreMerge.missing("**/.env\n"));
    }

    @Test
    void gitignoreWithoutFinalNewlineAndAnchoredPatterns() throws IOException {
        Files.writeString(root.resolve(".gitignore"), "/.env\n/.env.*\n!/.env.example");
        assertEquals(Action.UNCHANGED, Scaffolder.plan(d, root, t).file(".gitignore").action());
        Files.writeString(root.resolve(".gitignore"), "dist");
        PlannedFile g = Scaffolder.plan(d, root, t).file(".gitignore");
        assertTrue(g.newContent().startsWith("dist\n\n# added by devops"), g.newContent());
        assertTrue(g.newContent().endsWith("\n.env\n.env.*\n!.env.example\n"));
    }

    @Test
    void negationBeforeThePatternIsAddedAgainAfterIt() {
        assertEquals(List.of("!.env.example"), GitignoreMerge.missing("!.env.example\n.env\n.env.*\n"));
        assertEquals(List.of(), GitignoreMerge.missing(".env\n.env.*\n!.env.example\n"));
        assertEquals(List.of(".env", ".env.*", "!.env.example"), GitignoreMerge.missing(null));
    }

    @Test
    void writesAreAtomicLeaveNoTempFilesAndKeepPermissions() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        Path df = root.resolve("Dockerfile");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(df)));
        Files.writeString(df, "FROM scratch\n");
        Files.setPosixFilePermissions(df, PosixFilePermissions.fromString("rw-rw----"));
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, true);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(df)));
        assertTrue(Files.readString(df).contains("FROM node:20-bookworm-slim"));
        try (Stream<Path> s = Files.list(root)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(List.of(".dockerignore", ".env.example", ".gitignore", "Dockerfile", "docker-compose.yml"), names);
        }
    }

    @Test
    void appsInSubdirectoriesGetTheirFilesThereAndComposeBuildsFromThere() throws IOException {
        Descriptor two = Descriptors.parse("""
                name: mono
                apps:
                  api: {path: services/api/, runtime: {language: go, version: "1.22"}, port: 8080}
                  web: {path: ./web, runtime: {language: node, version: "20"}, port: 3000, dependsOn: [api]}
                """);
        UserError missing = assertThrows(UserError.class, () -> Scaffolder.plan(two, root, t));
        assertTrue(missing.oneLine().contains("app 'api' has path 'services/api/', which is not a directory"), missing.oneLine());
        Files.createDirectories(root.resolve("services/api"));
        Files.createDirectories(root.resolve("web"));
        Plan p = Scaffolder.plan(two, root, t);
        assertEquals(List.of("services/api/Dockerfile", "services/api/.dockerignore", "web/Dockerfile", "web/.dockerignore",
                "docker-compose.yml", ".env.example", ".gitignore"), paths(p));
        String compose = p.file("docker-compose.yml").newContent();
        assertTrue(compose.contains("      context: \"services/api\"\n"), compose);
        assertTrue(compose.contains("      context: \"web\"\n"), compose);
        // api has no healthcheck path: its built-in probe checks the port, and web waits for it to be healthy
        assertTrue(compose.contains("      api:\n        condition: service_healthy\n"), compose);
        assertTrue(compose.contains("test: [\"CMD\", \"/healthcheck\", \"127.0.0.1:8080\"]"), compose);
        Scaffolder.apply(p, root, false);
        assertTrue(Files.isRegularFile(root.resolve("services/api/Dockerfile")));
        assertTrue(Files.readString(root.resolve("web/Dockerfile")).contains("FROM node:20-bookworm-slim"));
    }

    @Test
    void twoAppsInOneDirectoryIsAUserError() {
        Descriptor two = Descriptors.parse("""
                name: mono
                apps:
                  a: {runtime: {language: go}}
                  b: {path: ./, runtime: {language: node}}
                """);
        UserError e = assertThrows(UserError.class, () -> Scaffolder.plan(two, root, t));
        assertTrue(e.oneLine().contains("apps 'a' and 'b' both live in"), e.oneLine());
    }

    @Test
    void modulesOfOneJavaBuildShareTheContextAndGetADockerfileEach() throws IOException {
        // spring-petclinic-microservices: one app per Boot module, all built from the root's tree
        Descriptor two = Descriptors.parse("""
                name: pets
                apps:
                  vets:
                    runtime: {language: java, version: "17", buildTool: maven, framework: spring-boot}
                    port: 8080
                    build: [./mvnw, -B, -DskipTests, -pl, pets-vets, -am, package]
                  visits:
                    runtime: {language: java, version: "17", buildTool: maven, framework: spring-boot}
                    port: 8080
                    build: [./mvnw, -B, -DskipTests, -pl, pets-visits, -am, package]
                services:
                  mysql: {version: "8.4", publish: true}
                """);
        Plan p = Scaffolder.plan(two, root, t);
        assertEquals(List.of("pets-vets/Dockerfile", ".dockerignore", "pets-vets/Dockerfile.dockerignore",
                "pets-visits/Dockerfile", "pets-visits/Dockerfile.dockerignore", "docker-compose.yml", ".env.example",
                ".gitignore"), paths(p));
        assertTrue(p.file("pets-visits/Dockerfile").newContent().contains("find pets-visits/target -maxdepth 1"));
        String compose = p.file("docker-compose.yml").newContent();
        assertTrue(compose.contains("      context: \".\"\n      dockerfile: pets-vets/Dockerfile\n"), compose);
        assertTrue(compose.contains("      context: \".\"\n      dockerfile: pets-visits/Dockerfile\n"), compose);
        // two apps on container port 8080: the second gets the next free host port, not a clash at 'up'
        assertTrue(compose.contains("      - \"127.0.0.1:8080:8080\"\n"), compose);
        assertTrue(compose.contains("      - \"127.0.0.1:8081:8080\"\n"), compose);
        Scaffolder.apply(p, root, false);
        assertTrue(Files.isRegularFile(root.resolve("pets-vets/Dockerfile.dockerignore")));
        assertTrue(Scaffolder.drift(two, root, t).isEmpty());
    }

    /** Issue 9 class 4: a workspace app's production image is the repository's own Dockerfile, built from the root. */
    @Test
    void anAppBuiltWithTheRepositorysOwnDockerfileGetsNoneFromDevops() throws IOException {
        Descriptor ws = Descriptors.parse("""
                name: mono
                apps:
                  web:
                    path: apps/web
                    dockerfile: docker/Dockerfile
                    runtime: {language: node, version: "22", buildTool: npm}
                    port: 3000
                """);
        Files.createDirectories(root.resolve("apps/web"));
        UserError missing = assertThrows(UserError.class, () -> Scaffolder.plan(ws, root, t));
        assertTrue(missing.oneLine().contains("app 'web' is built with dockerfile 'docker/Dockerfile', which is not a file"),
                missing.oneLine());
        Files.createDirectories(root.resolve("docker"));
        Files.writeString(root.resolve("docker/Dockerfile"), "FROM node:22-alpine\nCOPY . .\n");
        Plan p = Scaffolder.plan(ws, root, t);
        assertEquals(List.of("docker-compose.yml", ".env.example", ".gitignore"), paths(p));
        String compose = p.file("docker-compose.yml").newContent();
        assertTrue(compose.contains("      context: \".\"\n      dockerfile: docker/Dockerfile\n"), compose);
        assertEquals(ws, dev.devops.descriptor.DescriptorLoader.parse(java.nio.file.Path.of("devops.yaml"),
                dev.devops.descriptor.DescriptorWriter.write(ws)), "the key survives a write and a load");
    }

    @Test
    void aGoProgramBuiltWithTheRepositorysOwnImageGetsNoProbeThatImageLacks() throws IOException {
        // go-coffeeshop: docker/Dockerfile-counter is FROM scratch; devops's /healthcheck probe is only in its own image
        Descriptor d = Descriptors.parse("""
                name: shop
                apps:
                  counter:
                    dockerfile: docker/Dockerfile-counter
                    runtime: {language: go, version: "1.22"}
                    port: 5002
                    build: [go, build, -o, /out/app, ./cmd/counter]
                  product:
                    runtime: {language: go, version: "1.22"}
                    port: 5001
                """);
        Files.createDirectories(root.resolve("docker"));
        Files.writeString(root.resolve("docker/Dockerfile-counter"), "FROM golang:1.22 AS b\nCOPY . /app\nFROM scratch\n");
        String compose = Scaffolder.plan(d, root, t).file("docker-compose.yml").newContent();
        String counter = compose.substring(compose.indexOf("  counter:"), compose.indexOf("  product:"));
        assertFalse(counter.contains("healthcheck"), counter);
        assertTrue(compose.substring(compose.indexOf("  product:")).contains("\"/healthcheck\""), compose);
    }

    @Test
    void appHostPortsStepOverPublishedServicePorts() {
        Descriptor two = Descriptors.parse("""
                name: two
                apps:
                  a: {path: a, runtime: {language: go}, port: 6379}
                  b: {path: b, runtime: {language: go}, port: 6379}
                services:
                  redis: {version: "7", publish: true}
                """);
        String compose = TemplateSource.builtIn().render("docker-compose.yml.ftl", RenderModel.project(two));
        assertTrue(compose.contains("      - \"127.0.0.1:6380:6379\"\n"), compose);
        assertTrue(compose.contains("      - \"127.0.0.1:6381:6379\"\n"), compose);
        assertTrue(compose.contains("      - \"127.0.0.1:6379:6379\"\n"), compose);
    }

    @Test
    void binaryFileInTheWayIsAConflictNotACrash() throws IOException {
        Files.write(root.resolve("Dockerfile"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        PlannedFile f = Scaffolder.plan(d, root, t).file("Dockerfile");
        assertEquals(Action.CONFLICT, f.action());
        assertTrue(f.oldContent().contains("binary file"));
        assertNotNull(f.diff());
    }

    @Test
    void initPlanWritesTheDescriptorFirstAndItLoadsBack() {
        Plan p = Scaffolder.planInit(d, root, t, true);
        assertEquals("devops.yaml", p.files().get(0).relativePath());
        assertEquals(d, Descriptors.parse(p.files().get(0).newContent()));
        assertEquals(6, p.files().size());
    }

    /** The bytes of {@code a} followed by those of {@code b}. */
    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final byte[] ADDED = ("\n" + GitignoreMerge.COMMENT + "\n.env\n.env.*\n!.env.example\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aGitignoreThatIsNotUtf8KeepsEveryByteAndGetsTheLinesAppended() throws IOException {
        // a Latin-1 comment: 0xE9 alone is not UTF-8; the merge used to replace the file with a "binary file" note
        byte[] mine = "# caf\u00e9 rules\nnode_modules/\n*.log\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(root.resolve(".gitignore"), mine);
        Plan p = Scaffolder.plan(d, root, t);
        assertEquals(Action.UPDATE, p.file(".gitignore").action());
        Scaffolder.apply(p, root, false);
        assertTrue(java.util.Arrays.equals(concat(mine, ADDED), Files.readAllBytes(root.resolve(".gitignore"))),
                new String(Files.readAllBytes(root.resolve(".gitignore")), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(Scaffolder.plan(d, root, t).file(".gitignore").action() == Action.UNCHANGED);
    }

    @Test
    void aGitignoreOverFourMegabytesIsMergedNotReplaced() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() <= Scaffolder.MAX_READ; i++) {
            sb.append("build/generated-").append(i).append("/\n");
        }
        byte[] mine = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(root.resolve(".gitignore"), mine);
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        assertTrue(java.util.Arrays.equals(concat(mine, ADDED), Files.readAllBytes(root.resolve(".gitignore"))));
    }

    @Test
    void aFifoWhereAFileIsExpectedIsAUserErrorNotAHang() throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", root.resolve(".gitignore").toString()).start().waitFor());
        UserError e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(UserError.class, () -> Scaffolder.plan(d, root, t)));
        assertTrue(e.oneLine().contains(".gitignore") && e.oneLine().contains("not a regular file"), e.oneLine());
    }

    @Test
    void aTempFileOfAKilledRunIsRemovedByTheNextWrite() throws IOException {
        // the name an interrupted write leaves: .NAME.PID.RANDOM.devops-tmp, of a process that is gone
        Path stale = root.resolve(".Dockerfile.999999999.123.devops-tmp");
        Path older = root.resolve(".env.example.4711.devops-tmp"); // an older devops: no process id in the name
        Files.writeString(stale, "half a Dockerfile");
        Files.writeString(older, "half a file");
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(older));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".devops-tmp")).toList());
        }
    }

    // issue 9 class 8: render refuses its own files

    @Test
    void devopsOutputStillAsWrittenIsUpdatedWithoutForce() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        // devops.yaml changed (as the generated header tells the user to do): another service version
        Descriptor edited = Descriptors.parse(Descriptors.NODE.replace("postgres: {version: \"15\"}", "postgres: {version: \"16\"}"));
        Plan p = Scaffolder.plan(edited, root, t);
        PlannedFile compose = p.file("docker-compose.yml");
        assertEquals(Action.UPDATE, compose.action(), compose.reason());
        assertEquals(GeneratedFiles.Origin.DEVOPS, compose.origin());
        List<Scaffolder.Applied> applied = Scaffolder.apply(p, root, false);
        assertTrue(applied.stream().noneMatch(a -> a.outcome() == Scaffolder.Outcome.SKIPPED), applied.toString());
        assertTrue(Files.readString(root.resolve("docker-compose.yml")).contains("image: postgres:16"));
        assertTrue(Scaffolder.plan(edited, root, t).upToDate());
    }

    @Test
    void aHandEditedGeneratedFileNeedsForceEvenWhenDevopsYamlChanged() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        Path compose = root.resolve("docker-compose.yml");
        String mine = Files.readString(compose).replace("restart: unless-stopped", "restart: always");
        Files.writeString(compose, mine);
        Descriptor edited = Descriptors.parse(Descriptors.NODE.replace("postgres: {version: \"15\"}", "postgres: {version: \"16\"}"));
        PlannedFile f = Scaffolder.plan(edited, root, t).file("docker-compose.yml");
        assertEquals(Action.CONFLICT, f.action());
        assertEquals(GeneratedFiles.Origin.EDITED, f.origin());
        assertEquals(Scaffolder.EDITED, f.reason());
        assertTrue(f.diff().contains("-    restart: always"), f.diff());
        Scaffolder.apply(Scaffolder.plan(edited, root, t), root, false);
        assertEquals(mine, Files.readString(compose));
    }

    @Test
    void theStampSurvivesACrlfCheckout() throws IOException {
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        Path df = root.resolve("Dockerfile");
        Files.writeString(df, Files.readString(df).replace("\n", "\r\n"));
        assertEquals(GeneratedFiles.Origin.DEVOPS, GeneratedFiles.origin(Files.readString(df)));
        assertEquals(Action.UPDATE, Scaffolder.plan(d, root, t).file("Dockerfile").action());
    }

    @Test
    void stampOnlyFilesWithTheNotice() {
        String text = "# " + RenderModel.GENERATED_BY + "\n#\nFROM scratch\n";
        String stamped = GeneratedFiles.stamp(text);
        assertTrue(stamped.startsWith("# " + RenderModel.GENERATED_BY + "\n# devops-sha256: "), stamped);
        assertEquals(GeneratedFiles.Origin.DEVOPS, GeneratedFiles.origin(stamped));
        assertEquals(GeneratedFiles.Origin.EDITED, GeneratedFiles.origin(stamped + "RUN true\n"));
        assertEquals(GeneratedFiles.Origin.EDITED, GeneratedFiles.origin(text), "a header without a stamp");
        assertFalse(GeneratedFiles.hasStamp(text));
        assertTrue(GeneratedFiles.hasStamp(stamped));
        assertEquals(GeneratedFiles.Origin.USER, GeneratedFiles.origin("FROM scratch\n"));
        assertEquals("FROM scratch\n", GeneratedFiles.stamp("FROM scratch\n"));
    }

    // issue 9 class 6: render --check after init kept the repository's own files

    @Test
    void theUsersOwnFilesAreNeverOverwrittenAndNotDrift() throws IOException {
        String own = "FROM node:20\nCOPY . .\nCMD [\"node\", \".\"]\n";
        Files.writeString(root.resolve("Dockerfile"), own);
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  web:\n    build: .\n");
        Scaffolder.apply(Scaffolder.plan(d, root, t), root, false);
        assertEquals(own, Files.readString(root.resolve("Dockerfile")));
        PlannedFile f = Scaffolder.plan(d, root, t).file("Dockerfile");
        assertEquals(Action.CONFLICT, f.action());
        assertTrue(f.userFile());
        assertEquals(Scaffolder.USER_FILE, f.reason());
        Scaffolder.Check check = Scaffolder.check(d, root, t);
        assertEquals(List.of("Dockerfile", "docker-compose.yml"), check.userFiles());
        assertEquals(List.of(), check.drift(), "only files devops generated are compared");
    }

    @Test
    void aComposeFileUnderANameComposePrefersIsTheStacksComposeFile() throws IOException {
        // docker compose reads compose.yaml before docker-compose.yml: one written beside it would never be used
        String own = "services:\n  web:\n    build: .\n";
        Files.writeString(root.resolve("compose.yaml"), own);
        Plan plan = Scaffolder.plan(d, root, t);
        assertEquals(Action.CONFLICT, plan.file("compose.yaml").action());
        assertTrue(plan.file("compose.yaml").userFile());
        assertTrue(plan.files().stream().noneMatch(f -> f.relativePath().equals("docker-compose.yml")), plan.files()::toString);
        Scaffolder.apply(plan, root, false);
        assertEquals(own, Files.readString(root.resolve("compose.yaml")));
        assertFalse(Files.exists(root.resolve("docker-compose.yml")));
        assertEquals(List.of("compose.yaml"), Scaffolder.check(d, root, t).userFiles());
    }
}
