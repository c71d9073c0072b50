package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.git.TestRepo;
import dev.devops.release.RegistryClient;
import dev.devops.release.RegistryTarget;
import dev.devops.testsupport.Docker;
import dev.devops.testsupport.DockerTest;
import dev.devops.testsupport.LocalRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;

/**
 * The artifact flow with real parts: git repositories in temp dirs, the Docker engine, and Debian's
 * docker-registry on loopback. Images are FROM scratch (a few bytes), so build and push take well
 * under a second each.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = {"debian:bookworm-slim", "python:3.11-slim"})
class ArtifactFlowDockerTest {
    private static LocalRegistry registry;
    private static final List<String> projects = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startRegistry(@TempDir Path regDir) throws Exception {
        registry = LocalRegistry.start(regDir);
    }

    @AfterAll
    static void stopRegistryAndRemoveImages() {
        if (registry != null) {
            registry.close();
        }
        for (String p : projects) {
            Docker.client().listImagesCmd().withReferenceFilter(p + "-*").exec().forEach(i -> remove(i.getId()));
            Docker.client().listImagesCmd().withReferenceFilter("127.0.0.1:*/*/" + p + "-*").exec().forEach(i -> remove(i.getId()));
        }
    }

    private static void remove(String id) {
        try {
            Docker.client().removeImageCmd(id).withForce(true).exec();
        } catch (RuntimeException gone) {
            // removed with another tag already
        }
    }

    /** A committed project: compose file, a FROM scratch Dockerfile copying the context, devops.yaml with three environments. */
    private TestRepo project(String name) throws java.io.IOException {
        projects.add(name);
        Files.createDirectories(dir.resolve(name));
        TestRepo repo = TestRepo.init(dir.resolve(name));
        repo.write("compose.yaml", "name: " + name + "\nservices:\n  web:\n    build: .\n    restart: unless-stopped\n")
                .write("Dockerfile", "FROM scratch\nCOPY . /app/\n")
                .write(".dockerignore", ".git\n")
                .write(".gitignore", "local.txt\n")
                .write("hello.txt", "hello\n")
                .write("devops.yaml", "name: " + name + "\napps:\n  web:\n    runtime:\n      language: go\n"
                        + "      version: \"1.22\"\n      buildTool: go\n    port: 8080\n"
                        + "environments:\n  development: {}\n  staging: {}\n  production: {}\n");
        // the files devops.yaml renders (.env.example, the .gitignore lines): the gate runs render --check too;
        // the compose file, Dockerfile and .dockerignore above are the project's own and are kept
        CliRun rendered = CliRun.run("render", repo.dir.toString());
        assertEquals(0, rendered.code(), rendered.err());
        repo.commit("init");
        return repo;
    }

    private int run(Object command, String... args) {
        out.reset();
        err.reset();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = CommandTree.commandLine();
            String name = new CommandLine(command).getCommandName();
            cl.getCommandSpec().removeSubcommand(name);
            cl.addSubcommand(command);
            return cl.execute(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static <T extends ArtifactCommand> T withEnv(T c, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(System.getenv());
        e.remove(ArtifactCommand.REGISTRY_VAR);
        e.putAll(env);
        c.env = e;
        return c;
    }

    private String compose(TestRepo r) {
        return r.dir.resolve("compose.yaml").toString();
    }

    @Test
    void buildPushPromoteInOrderRollBackAndRefuseADigestMismatch() throws Exception {
        TestRepo repo = project("art-flow-" + UUID.randomUUID().toString().substring(0, 6));
        String reg = registry.host() + "/team";
        String version = repo.git("rev-parse", "--short", "HEAD").trim();

        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo), "--format", "json"), stderr());
        JsonNode built = JSON.readTree(stdout());
        assertEquals(version, built.get("version").asText());
        assertEquals("passed", built.get("check").get("status").asText());
        String imageId = built.get("images").get(0).get("imageId").asText();
        Map<String, String> labels = Docker.inspect(imageId).getConfig().getLabels();
        assertEquals(repo.git("rev-parse", "HEAD").trim(), labels.get("org.opencontainers.image.revision"));
        assertEquals(version, labels.get("org.opencontainers.image.version"));
        assertTrue(labels.get("dev.devops.descriptor.sha256").startsWith("sha256:"), labels.toString());
        assertTrue(Files.exists(repo.dir.resolve(".devops/artifacts/" + version + ".json")));

        // the same commit again: the same image, nothing rewritten
        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        // another checkout of the commit (other file times) sends the same context
        Path second = dir.resolve("second");
        repo.git("clone", "-q", repo.dir.toString(), second.toString());
        TestRepo.open(second).git("remote", "remove", "origin"); // the same source label as the first checkout
        Files.setLastModifiedTime(second.resolve("hello.txt"), java.nio.file.attribute.FileTime.fromMillis(86_400_000L));
        assertEquals(0, run(new BuildCommand(), "build", "-f", second.resolve("compose.yaml").toString(), "--format", "json"), stderr());
        JsonNode again = JSON.readTree(stdout()).get("images").get(0);
        assertEquals(built.get("images").get(0).get("contextDigest"), again.get("contextDigest"));
        assertEquals(imageId, again.get("imageId").asText(), "the same context and labels: the same image");

        assertEquals(0, run(withEnv(new PushCommand(), Map.of()), "push", "--registry", reg, "-f", compose(repo), "--format", "json"), stderr());
        String digest = JSON.readTree(stdout()).get("images").get(0).get("digest").asText();
        assertTrue(digest.startsWith("sha256:"), digest);

        assertEquals(0, run(withEnv(new PromoteCommand(), Map.of()), "promote", version, "--to", "development",
                "--registry", reg, "-f", compose(repo)), stderr());
        // production before staging is refused, and nothing is tagged
        assertEquals(1, run(withEnv(new PromoteCommand(), Map.of()), "promote", version, "--to", "production",
                "--registry", reg, "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("never reached staging"), stderr());
        RegistryClient client = new RegistryClient(RegistryTarget.parse(reg), Optional.empty());
        String name = built.get("images").get(0).get("repository").asText();
        assertEquals(Optional.empty(), client.digest(name, "production"));

        assertEquals(0, run(withEnv(new PromoteCommand(), Map.of()), "promote", version, "--to", "staging",
                "--registry", reg, "-f", compose(repo)), stderr());
        assertEquals(0, run(withEnv(new PromoteCommand(), Map.of()), "promote", version, "--to", "production",
                "--registry", reg, "-f", compose(repo)), stderr());
        assertEquals(Optional.of(digest), client.digest(name, "production"));
        assertEquals(Optional.of(digest), client.digest(name, "production-" + version));
        assertEquals(Optional.of(digest), client.digest(name, "staging"));

        // a fresh clone (no .devops, no local image) sees the same release from the registry alone
        Path clone = dir.resolve("clone");
        repo.git("clone", "-q", repo.dir.toString(), clone.toString());
        assertEquals(0, run(withEnv(new ReleasesCommand(), Map.of(ArtifactCommand.REGISTRY_VAR, reg)), "releases",
                "-f", clone.resolve("compose.yaml").toString(), "--format", "json"), stderr());
        JsonNode releases = JSON.readTree(stdout());
        assertEquals(1, releases.size(), stdout());
        assertEquals(version, releases.get(0).get("version").asText());
        assertEquals(digest, releases.get(0).get("digests").get("web").asText());
        assertEquals("[\"development\",\"staging\",\"production\"]", releases.get(0).get("environments").toString());
        assertEquals("passed", releases.get(0).get("check").asText());
        assertEquals(0, run(withEnv(new PromoteCommand(), Map.of(ArtifactCommand.REGISTRY_VAR, reg)), "promote", version,
                "--to", "production", "-f", clone.resolve("compose.yaml").toString()), stderr());

        // the next commit goes all the way, then rolling back is promoting the first version again
        repo.write("hello.txt", "hello again\n");
        repo.commit("next");
        String next = repo.git("rev-parse", "--short", "HEAD").trim();
        Map<String, String> withReg = Map.of(ArtifactCommand.REGISTRY_VAR, reg);
        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        assertEquals(0, run(withEnv(new PushCommand(), withReg), "push", "-f", compose(repo)), stderr());
        for (String env : List.of("development", "staging", "production")) {
            assertEquals(0, run(withEnv(new PromoteCommand(), withReg), "promote", next, "--to", env, "-f", compose(repo)), stderr());
        }
        assertTrue(!client.digest(name, "production").orElseThrow().equals(digest));
        assertEquals(0, run(withEnv(new PromoteCommand(), withReg), "promote", version, "--to", "production", "-f", compose(repo)),
                stderr());
        assertEquals(Optional.of(digest), client.digest(name, "production"));
        assertEquals(0, run(withEnv(new ReleasesCommand(), withReg), "releases", "-f", compose(repo), "--format", "json"), stderr());
        JsonNode both = JSON.readTree(stdout());
        assertEquals(2, both.size(), stdout());
        for (JsonNode r : both) {
            assertEquals(r.get("version").asText().equals(version) ? "[\"production\"]" : "[\"development\",\"staging\"]",
                    r.get("current").toString(), stdout());
        }

        // the manifest says another digest than the registry (the tag was overwritten): refused, nothing tagged
        Path manifest = repo.dir.resolve(".devops/artifacts/" + version + ".json");
        Files.writeString(manifest, Files.readString(manifest).replace(digest, "sha256:" + "0".repeat(64)));
        assertEquals(1, run(withEnv(new PromoteCommand(), withReg), "promote", version, "--to", "staging", "-f", compose(repo)),
                stderr());
        assertTrue(stderr().contains("the tag was overwritten"), stderr());
        assertTrue(!client.digest(name, "staging").orElseThrow().equals(digest));
    }

    @Test
    void aRebuildOfTheSameVersionWithOtherContentIsRefused() throws Exception {
        TestRepo repo = project("art-immut-" + UUID.randomUUID().toString().substring(0, 6));
        String version = repo.git("rev-parse", "--short", "HEAD").trim();
        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        Path manifest = repo.dir.resolve(".devops/artifacts/" + version + ".json");
        String before = Files.readString(manifest);
        // an ignored file is in the build context but not in git: same commit, other content
        Files.writeString(repo.dir.resolve("local.txt"), "changed\n");
        assertEquals(1, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("version " + version + " was already built with other images"), stderr());
        assertEquals(before, Files.readString(manifest));
    }

    @Test
    void aDirtyTreeIsRefusedAndAnAllowedDirtyBuildIsNeitherPushedNorPromoted() throws Exception {
        TestRepo repo = project("art-dirty-" + UUID.randomUUID().toString().substring(0, 6));
        repo.write("hello.txt", "edited\n");
        assertEquals(2, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("uncommitted changes (hello.txt)") && stderr().contains("--allow-dirty"), stderr());
        assertFalse(Files.exists(repo.dir.resolve(".devops/artifacts")));

        assertEquals(0, run(new BuildCommand(), "build", "--allow-dirty", "-f", compose(repo), "--format", "json"), stderr());
        JsonNode built = JSON.readTree(stdout());
        String version = built.get("version").asText();
        assertTrue(version.endsWith("-dirty") && !built.get("promotable").asBoolean(), stdout());
        assertEquals("false", Docker.inspect(built.get("images").get(0).get("imageId").asText())
                .getConfig().getLabels().get("dev.devops.promotable"));
        assertEquals(1, run(withEnv(new PushCommand(), Map.of()), "push", version, "--registry", registry.host() + "/team",
                "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("dirty"), stderr());
    }

    @Test
    void theGateStopsTheBuildAndNoCheckIsRecorded() throws Exception {
        TestRepo repo = project("art-gate-" + UUID.randomUUID().toString().substring(0, 6));
        // a literal database password in the compose file: a lint error (assembled here, never a literal in this file)
        repo.write("compose.yaml", "name: " + repo.dir.getFileName() + "\nservices:\n  web:\n    build: .\n"
                + "  db:\n    image: postgres:15\n    environment:\n      POSTGRES_PASSWORD: " + "Xk9p" + "Q2mLr7vTz4Wb\n");
        repo.commit("db");
        assertEquals(1, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("no artifact was built"), stderr());
        assertFalse(Files.exists(repo.dir.resolve(".devops/artifacts")));

        assertEquals(0, run(new BuildCommand(), "build", "--no-check", "-f", compose(repo), "--format", "json"), stderr());
        JsonNode built = JSON.readTree(stdout());
        assertEquals("skipped", built.get("check").get("status").asText());
        assertEquals("skipped", Docker.inspect(built.get("images").get(0).get("imageId").asText())
                .getConfig().getLabels().get("dev.devops.check"));
    }

    @Test
    void registryDownExitsThreeAndCredentialsWorkButAreNeverShown() throws Exception {
        TestRepo repo = project("art-down-" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        String password = "pw-" + UUID.randomUUID();
        Map<String, String> creds = Map.of("DEVOPS_REGISTRY_USER", "ci-bot", "DEVOPS_REGISTRY_PASSWORD", password);
        String down = "127.0.0.1:" + LocalRegistry.freePort() + "/team";
        assertEquals(3, run(withEnv(new PushCommand(), creds), "push", "--registry", down, "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("is not reachable") && stderr().contains("start it"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
        assertFalse((stdout() + stderr()).contains(password));
        assertEquals(3, run(withEnv(new ReleasesCommand(), creds), "releases", "--registry", down, "-f", compose(repo)), stderr());

        // a registry that requires them: refused without or with a wrong password, taken with the right one;
        // the password appears in no output and no manifest
        try (LocalRegistry secured = LocalRegistry.startWithPassword(dir.resolve("secured"), "ci-bot", password)) {
            String reg = secured.host() + "/team";
            assertEquals(3, run(withEnv(new PushCommand(), Map.of()), "push", "--registry", reg, "-f", compose(repo)), stderr());
            assertTrue(stderr().contains("refused the credentials") && stderr().contains("(none given)"), stderr());
            Map<String, String> wrong = Map.of("DEVOPS_REGISTRY_USER", "ci-bot", "DEVOPS_REGISTRY_PASSWORD", password + "x");
            assertEquals(3, run(withEnv(new PushCommand(), wrong), "push", "--registry", reg, "-f", compose(repo)), stderr());
            assertFalse((stdout() + stderr()).contains(password), stderr());
            assertEquals(0, run(withEnv(new PushCommand(), creds), "push", "--registry", reg, "-f", compose(repo), "--format", "json"),
                    stderr());
            assertFalse((stdout() + stderr()).contains(password));
            assertEquals(0, run(withEnv(new PromoteCommand(), creds), "promote", JSON.readTree(stdout()).get("version").asText(),
                    "--to", "staging", "--force", "--registry", reg, "-f", compose(repo)), stderr());
            // docker login's file, as another machine would have it
            Path dockerConfig = dir.resolve("docker-config");
            Files.createDirectories(dockerConfig);
            String auth = java.util.Base64.getEncoder().encodeToString(("ci-bot:" + password).getBytes(StandardCharsets.UTF_8));
            Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + secured.host() + "\":{\"auth\":\"" + auth + "\"}}}");
            assertEquals(0, run(withEnv(new ReleasesCommand(), Map.of("DOCKER_CONFIG", dockerConfig.toString())), "releases",
                    "--registry", reg, "-f", compose(repo)), stderr());
            assertTrue(stdout().contains("staging*"), stdout());
            assertFalse((stdout() + stderr()).contains(password) || (stdout() + stderr()).contains(auth));
        }
        try (var files = Files.list(repo.dir.resolve(".devops/artifacts"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains(password) || text.contains("ci-bot"), text);
            }
        }
    }

    @Test
    void saveAndLoadMoveAVersionAndATamperedArchiveIsRefused() throws Exception {
        TestRepo repo = project("art-save-" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo), "--format", "json"), stderr());
        JsonNode built = JSON.readTree(stdout());
        String version = built.get("version").asText();
        String imageId = built.get("images").get(0).get("imageId").asText();
        Path archive = dir.resolve("release.tar");
        assertEquals(0, run(withEnv(new SaveCommand(), Map.of()), "save", version, "-o", archive.toString(), "-f", compose(repo)), stderr());

        // another clone of the project on a machine without the image
        Path other = dir.resolve("airgapped");
        repo.git("clone", "-q", repo.dir.toString(), other.toString());
        remove(imageId);
        assertFalse(Docker.imageExists(imageId));
        assertEquals(0, run(withEnv(new LoadCommand(), Map.of()), "load", archive.toString(), "-f", other.resolve("compose.yaml").toString()),
                stderr());
        assertTrue(Docker.imageExists(built.get("images").get(0).get("repository").asText() + ":" + version));
        assertEquals(imageId, Docker.inspect(built.get("images").get(0).get("repository").asText() + ":" + version).getId());
        assertTrue(Files.exists(other.resolve(".devops/artifacts/" + version + ".json")));

        // one byte of the image archive changed: refused before anything is loaded
        Path tampered = dir.resolve("tampered.tar");
        flipAByteOfTheImages(archive, tampered);
        Path third = dir.resolve("third");
        repo.git("clone", "-q", repo.dir.toString(), third.toString());
        assertEquals(1, run(withEnv(new LoadCommand(), Map.of()), "load", tampered.toString(), "-f", third.resolve("compose.yaml").toString()),
                stderr());
        assertTrue(stderr().contains("SHA-256") && stderr().contains("nothing was loaded"), stderr());
        assertFalse(Files.exists(third.resolve(".devops/artifacts")));
        // not an archive at all: a one-line input error
        assertEquals(2, run(withEnv(new LoadCommand(), Map.of()), "load", third.resolve("compose.yaml").toString(),
                "-f", third.resolve("compose.yaml").toString()), stderr());
    }

    @Test
    void upEnvRunsThePromotedDigestWithTheEnvironmentsVariables() throws Exception {
        String name = "art-upenv-" + UUID.randomUUID().toString().substring(0, 6);
        TestRepo repo = project(name);
        repo.write("Dockerfile", "FROM debian:bookworm-slim\nCOPY hello.txt /hello.txt\nCMD [\"sleep\", \"infinity\"]\n")
                .write("compose.yaml", "name: " + name + "\nservices:\n  web:\n    build: .\n    init: true\n"
                        + "    restart: unless-stopped\n    environment:\n      GREETING: ${GREETING:-none}\n")
                .write(".gitignore", "local.txt\n.env.*\n");
        // render merges its lines into the user's .gitignore again (.env.example stays tracked)
        CliRun rendered = CliRun.run("render", repo.dir.toString());
        assertEquals(0, rendered.code(), rendered.err());
        repo.commit("runnable");
        // the environment's values live on the machine that runs it, never in git
        repo.write(".env.staging", "GREETING=hello-staging\n");
        String reg = registry.host() + "/team";
        String version = repo.git("rev-parse", "--short", "HEAD").trim();
        assertEquals(0, run(new BuildCommand(), "build", "-f", compose(repo)), stderr());
        assertEquals(0, run(withEnv(new PushCommand(), Map.of()), "push", "--registry", reg, "-f", compose(repo), "--format", "json"), stderr());
        String digest = JSON.readTree(stdout()).get("images").get(0).get("digest").asText();
        assertEquals(0, run(withEnv(new PromoteCommand(), Map.of()), "promote", version, "--to", "staging", "--force",
                "--registry", reg, "-f", compose(repo)), stderr());
        assertTrue(stderr().contains("--force"), stderr());

        UpCommand up = new UpCommand();
        up.env = Map.of(ArtifactCommand.REGISTRY_VAR, reg);
        try {
            assertEquals(0, run(up, "up", "--env", "staging", "-d", "-f", compose(repo)), stderr());
            assertEquals(0, run(new PsCommand(), "ps", "--format", "json", "-f", compose(repo)), stderr());
            JsonNode ps = JSON.readTree(stdout());
            assertEquals(1, ps.size(), stdout());
            assertEquals(digest, ps.get(0).get("Digest").asText(), stdout());
            assertEquals(version, ps.get(0).get("Version").asText(), stdout());
            String id = ps.get(0).get("ID").asText();
            List<String> envs = List.of(Docker.client().inspectContainerCmd(id).exec().getConfig().getEnv());
            assertTrue(envs.contains("GREETING=hello-staging"), envs.toString());
            assertEquals(0, run(new PsCommand(), "ps", "-f", compose(repo)), stderr());
            assertTrue(stdout().contains("VERSION") && stdout().contains(version), stdout());
            // nothing promoted to production: a clear input error, nothing started
            UpCommand prod = new UpCommand();
            prod.env = Map.of(ArtifactCommand.REGISTRY_VAR, reg);
            assertEquals(2, run(prod, "up", "--env", "production", "-d", "-f", compose(repo)), stderr());
            assertTrue(stderr().contains("nothing was promoted to production"), stderr());
        } finally {
            run(new DownCommand(), "down", "-f", compose(repo));
        }
    }

    private static void flipAByteOfTheImages(Path in, Path out) throws Exception {
        try (var tarIn = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(in));
                var tarOut = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(out))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
            while ((e = tarIn.getNextEntry()) != null) {
                byte[] data = tarIn.readAllBytes();
                if (e.getName().equals("images.tar")) {
                    data[data.length / 2] ^= 0x01;
                }
                tarOut.putArchiveEntry(e);
                tarOut.write(data);
                tarOut.closeArchiveEntry();
            }
        }
    }
}
