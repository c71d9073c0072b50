package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.compose.ComposeService.Mount;
import dev.devops.compose.ComposeService.Port;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {
    @TempDir
    Path dir;

    private ComposeProject load(Map<String, String> env, String... files) {
        return ComposeLoader.load(new ComposeLoader.Options(
                java.util.Arrays.stream(files).map(Path::of).toList(), dir, null, List.of(), env, false));
    }

    private void write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    @Test
    void readsTheTypedModel() throws IOException {
        write("compose.yaml",
                "services:",
                "  web:",
                "    build:",
                "      context: ./app",
                "      args: [A=1, B]",
                "      target: prod",
                "    command: npm run \"start prod\"",
                "    entrypoint: [tini, --]",
                "    environment:",
                "      - PLAIN=1",
                "      - FROM_ENV=${TAG}",
                "      - PASS_THROUGH",
                "    ports:",
                "      - \"127.0.0.1:8080:80/tcp\"",
                "      - \"9000-9001:9000-9001\"",
                "      - \"80\"",
                "      - \"[::1]:443:443\"",
                "      - target: 53",
                "        published: \"5353\"",
                "        protocol: udp",
                "        host_ip: 0.0.0.0",
                "    volumes:",
                "      - ./src:/app/src:ro",
                "      - data:/data",
                "      - /anon",
                "      - type: bind",
                "        source: /var/run/docker.sock",
                "        target: /var/run/docker.sock",
                "    depends_on:",
                "      db:",
                "        condition: service_healthy",
                "        restart: true",
                "    labels: [a=b]",
                "    networks:",
                "      back:",
                "        aliases: [api]",
                "    init: true",
                "    x-custom: kept",
                "  db:",
                "    image: postgres:${TAG:-16}",
                "    healthcheck:",
                "      test: pg_isready",
                "      interval: 1m30s",
                "      retries: 5",
                "      start_period: 500ms",
                "    env_file:",
                "      - path: ./missing.env",
                "        required: false",
                "      - db.env",
                "volumes:",
                "  data:",
                "networks:",
                "  back:",
                "    external: true",
                "x-anchors: &a {}");
        write("db.env", "DB_X=1");
        ComposeProject p = load(Map.of("TAG", "15", "PASS_THROUGH", "pt"));
        ComposeService web = p.services().get("web");
        assertEquals("./app", web.build().context());
        assertEquals("1", web.build().args().get("A"));
        assertNull(web.build().args().get("B"));
        assertEquals("prod", web.build().target());
        assertEquals(List.of("npm", "run", "start prod"), web.command());
        assertEquals(List.of("tini", "--"), web.entrypoint());
        assertEquals("15", web.environment().get("FROM_ENV").value());
        assertEquals("${TAG}", web.environment().get("FROM_ENV").source());
        assertTrue(web.environment().get("FROM_ENV").interpolated());
        assertNull(web.environment().get("PASS_THROUGH").value());
        assertEquals("pt", web.resolvedEnvironment().get("PASS_THROUGH"));
        assertEquals(11, web.environment().get("FROM_ENV").at().line());

        List<Port> ports = web.ports();
        assertEquals(new Port("127.0.0.1", "8080", "80", "tcp", null, ports.get(0).at()), ports.get(0));
        assertEquals(14, ports.get(0).at().line());
        assertEquals("9000-9001", ports.get(1).published());
        assertTrue(ports.get(1).allInterfaces());
        assertNull(ports.get(2).published());
        assertFalse(ports.get(2).allInterfaces(), "a container-only port is not published");
        assertEquals("::1", ports.get(3).hostIp());
        assertEquals("udp", ports.get(4).protocol());
        assertTrue(ports.get(4).allInterfaces());

        List<Mount> vols = web.volumes();
        assertEquals("bind", vols.get(0).type());
        assertEquals(dir.resolve("src").toString(), vols.get(0).source());
        assertTrue(vols.get(0).readOnly());
        assertTrue(vols.get(1).isNamedVolume());
        assertEquals("volume", vols.get(2).type());
        assertNull(vols.get(2).source());
        assertEquals("/var/run/docker.sock", vols.get(3).source());

        assertEquals("service_healthy", web.dependsOn().get("db").condition());
        assertTrue(web.dependsOn().get("db").restart());
        assertEquals("b", web.labels().get("a"));
        assertEquals(List.of("api"), web.networks().get("back").aliases());
        assertEquals(Boolean.TRUE, web.init());
        assertTrue(web.other().containsKey("x-custom"));

        ComposeService db = p.services().get("db");
        assertEquals("postgres:15", db.image());
        assertEquals(List.of("CMD-SHELL", "pg_isready"), db.healthcheck().test());
        assertEquals(Duration.ofSeconds(90), db.healthcheck().interval());
        assertEquals(Duration.ofMillis(500), db.healthcheck().startPeriod());
        assertEquals(5, db.healthcheck().retries());
        assertFalse(db.envFiles().get(0).required());
        assertEquals("1", db.resolvedEnvironment().get("DB_X"));
        assertTrue(p.networks().get("back").external());
        assertTrue(p.volumes().containsKey("data"));
        assertEquals(ComposeLoader.normalizeProjectName(dir.getFileName().toString()), p.name());
    }

    @Test
    void processEnvironmentWinsOverDotEnv() throws IOException {
        write(".env", "TAG=fromfile", "ONLY_FILE=f", "COMPOSE_PROJECT_NAME=fromdotenv");
        write("compose.yaml", "services:", "  a:", "    image: x:${TAG}", "    environment: [\"V=${ONLY_FILE}\"]");
        ComposeProject p = load(Map.of("TAG", "fromshell"));
        assertEquals("x:fromshell", p.services().get("a").image());
        assertEquals("f", p.services().get("a").environment().get("V").value());
        assertEquals("fromdotenv", p.name());
    }

    @Test
    void envFileOptionReplacesTheDefaultDotEnv() throws IOException {
        write(".env", "TAG=default");
        write("other.env", "TAG=other");
        write("compose.yaml", "services:", "  a:", "    image: x:${TAG}");
        ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, null,
                List.of(Path.of("other.env")), Map.of(), false));
        assertEquals("x:other", p.services().get("a").image());
    }

    @Test
    void projectNamePrecedence() throws IOException {
        write("compose.yaml", "name: fromfile", "services:", "  a:", "    image: x:1");
        assertEquals("fromfile", load(Map.of()).name());
        assertEquals("fromenv", load(Map.of("COMPOSE_PROJECT_NAME", "fromenv")).name());
        ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, "flag", List.of(),
                Map.of("COMPOSE_PROJECT_NAME", "fromenv"), false));
        assertEquals("flag", p.name());
        assertEquals("myapp_-1", ComposeLoader.normalizeProjectName("My App_-1."));
        assertThrows(UserError.class, () -> ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, "Bad Name",
                List.of(), Map.of(), false)));
    }

    @Test
    void overrideFileIsMergedByTheSpecRules() throws IOException {
        write("docker-compose.yml",
                "services:",
                "  web:",
                "    image: web:1",
                "    command: [a, b]",
                "    environment: {A: '1', B: '2'}",
                "    ports: ['8080:80']",
                "    volumes: ['./a:/data', 'logs:/logs']",
                "    labels: [x=1]",
                "    healthcheck: {test: [CMD, a], interval: 10s}",
                "volumes: {logs: {}}");
        write("docker-compose.override.yml",
                "services:",
                "  web:",
                "    command: [c]",
                "    environment: [B=3, C=4]",
                "    ports: ['8080:80', '9090:90']",
                "    volumes: ['./b:/data']",
                "    labels: {y: '2'}",
                "    healthcheck: {retries: 2}",
                "  extra:",
                "    image: extra:1");
        assertEquals(2, ComposeLoader.discover(dir).size());
        ComposeProject p = load(Map.of());
        ComposeService web = p.services().get("web");
        assertEquals(List.of("c"), web.command());
        assertEquals("1", web.environment().get("A").value());
        assertEquals("3", web.environment().get("B").value());
        assertEquals("4", web.environment().get("C").value());
        assertEquals(4, web.environment().get("B").at().line(), "location of the overriding entry");
        assertEquals(2, web.ports().size(), "identical port entries are not duplicated");
        assertEquals(2, web.volumes().size());
        assertEquals(dir.resolve("b").toString(), web.volumes().get(0).source(), "same target: override wins");
        assertEquals(Map.of("x", "1", "y", "2"), web.labels());
        assertEquals(List.of("CMD", "a"), web.healthcheck().test());
        assertEquals(2, web.healthcheck().retries());
        assertEquals(Duration.ofSeconds(10), web.healthcheck().interval());
        assertTrue(p.services().containsKey("extra"));
        assertTrue(web.locate("command").file().endsWith("docker-compose.override.yml"));
    }

    @Test
    void explicitFilesAreMergedInOrder() throws IOException {
        write("base.yml", "services:", "  a:", "    image: a:1");
        write("prod.yml", "services:", "  a:", "    image: a:2");
        assertEquals("a:2", load(Map.of(), "base.yml", "prod.yml").services().get("a").image());
        assertEquals("a:1", load(Map.of(), "prod.yml", "base.yml").services().get("a").image());
    }

    @Test
    void extendsInTheSameFileAndAnother() throws IOException {
        write("common.yml", "services:", "  base:", "    image: base:1", "    environment: [FROM_FILE=1]");
        write("compose.yaml",
                "services:",
                "  tmpl:",
                "    image: tmpl:1",
                "    environment: [A=1]",
                "    depends_on: [other]",
                "  child:",
                "    extends: tmpl",
                "    environment: [B=2]",
                "  fromfile:",
                "    extends: {file: common.yml, service: base}",
                "  other:",
                "    image: o:1");
        ComposeProject p = load(Map.of());
        ComposeService child = p.services().get("child");
        assertEquals("tmpl:1", child.image());
        assertEquals("1", child.environment().get("A").value());
        assertEquals("2", child.environment().get("B").value());
        assertTrue(child.dependsOn().isEmpty(), "depends_on is not inherited");
        assertEquals("base:1", p.services().get("fromfile").image());
        assertFalse(child.has("extends"));
    }

    @Test
    void extendsCycleAndUnknownServiceAreErrors() throws IOException {
        write("compose.yaml", "services:", "  a:", "    extends: b", "  b:", "    extends: a");
        assertTrue(assertThrows(UserError.class, () -> load(Map.of())).getMessage().contains("cycle"));
        write("compose.yaml", "services:", "  a:", "    extends: nope", "  nop:", "    image: x:1");
        UserError e = assertThrows(UserError.class, () -> load(Map.of()));
        assertTrue(e.oneLine().contains("did you mean 'nop'"), e.oneLine());
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: x:1", "    imgae: typo");
        UserError e = assertThrows(UserError.class, () -> load(Map.of()));
        assertEquals(4, e.location().line());
        assertEquals(5, e.location().column());
        assertTrue(e.oneLine().contains("did you mean 'image'"), e.oneLine());

        write("compose.yaml", "services:", "  web:", "    image: x:1", "    ports: {a: 1}");
        e = assertThrows(UserError.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("must be a list"), e.getMessage());
        assertEquals(4, e.location().line());

        write("compose.yaml", "services:", "  web:", "    image: ${REQUIRED:?set REQUIRED}");
        e = assertThrows(UserError.class, () -> load(Map.of()));
        assertEquals(3, e.location().line());
        assertTrue(e.getMessage().contains("set REQUIRED"), e.getMessage());

        write("compose.yaml", "services:", "  web:", "    image: [unclosed");
        e = assertThrows(UserError.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());

        write("compose.yaml", "services:", "  web:", "    ports: ['70000:80']");
        assertThrows(UserError.class, () -> load(Map.of()));
        write("compose.yaml", "services:", "  web:", "    depends_on: {db: {condition: service_healty}}");
        e = assertThrows(UserError.class, () -> load(Map.of()));
        assertTrue(e.oneLine().contains("service_healthy"), e.oneLine());
        write("compose.yaml", "services:", "  web:", "    env_file: nope.env", "    image: x:1");
        assertThrows(UserError.class, () -> load(Map.of()));
        write("compose.yaml", "");
        assertThrows(UserError.class, () -> load(Map.of()));
        write("compose.yaml", "services:", "  'bad name':", "    image: x:1");
        assertEquals(2, assertThrows(UserError.class, () -> load(Map.of())).location().line());
        Files.delete(dir.resolve("compose.yaml"));
        assertTrue(assertThrows(UserError.class, () -> load(Map.of())).getMessage().contains("no compose file"));
    }

    @Test
    void lenientModeKeepsGoing() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: x:${REQUIRED:?needed}", "    env_file: nope.env");
        ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, null, List.of(), Map.of(), true));
        assertEquals("x:", p.services().get("web").image());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("needed")), p.warnings().toString());
    }

    @Test
    void unsetVariablesAreWarningsWithLocations() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: x:${NOPE}");
        ComposeProject p = load(Map.of());
        assertEquals("x:", p.services().get("web").image());
        assertTrue(p.warnings().get(0).contains("compose.yaml:3:12"), p.warnings().toString());
    }

    /**
     * Issue 10, held-out 9a (DC0000, 1 error): an override file's {@code db-backup-job: !reset null} removes the service
     * the base file defines (the compose spec's reset tag), on its own or merged; it is no string where a mapping belongs.
     */
    @Test
    void resetTagRemovesWhatEarlierFilesSet() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: nginx:1", "    ports: [\"80:80\"]", "  backup:", "    image: b:1");
        write("compose.dev.yaml", "services:", "  backup: !reset null", "  web:", "    ports: !reset []");
        ComposeProject merged = load(Map.of(), "compose.yaml", "compose.dev.yaml");
        assertEquals(List.of("web"), List.copyOf(merged.services().keySet()));
        assertEquals(List.of(), merged.services().get("web").ports());
        ComposeProject alone = load(Map.of(), "compose.dev.yaml");
        assertEquals(List.of("web"), List.copyOf(alone.services().keySet()));
    }

    /**
     * The compose spec's {@code !override}: defectdojo's unit-test override resets the services the base's
     * {@code depends_on} names and writes {@code depends_on: !override {postgres: …}}; the list is replaced, not merged
     * (merged, it named the reset services: two DC0018 errors, seen on the 126-repository corpus).
     */
    @Test
    void overrideTagReplacesInsteadOfMerging() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: nginx:1", "    depends_on:", "      cache:",
                "        condition: service_started", "  cache:", "    image: valkey:8", "  db:", "    image: postgres:16");
        write("compose.test.yaml", "services:", "  cache: !reset", "  web:", "    depends_on: !override", "      db:",
                "        condition: service_started");
        ComposeProject p = load(Map.of(), "compose.yaml", "compose.test.yaml");
        assertEquals(List.of("db"), List.copyOf(p.services().get("web").dependsOn().keySet()));
    }

    /**
     * Issue 10, held-out 9a (DC0000, 1 error): {@code interval: "${PROXY_HEALTHCHECK_INTERVAL}"} set only by the untracked
     * .env is not checked in lint mode (a warning names the variable); with a bad value that is not a variable it is.
     */
    @Test
    void lenientModeLeavesDurationsOfUnsetVariables() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: nginx:1", "    healthcheck:", "      test: [\"CMD\", \"true\"]",
                "      interval: \"${PROXY_HEALTHCHECK_INTERVAL}\"");
        ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, null, List.of(), Map.of(), true));
        assertNull(p.services().get("web").healthcheck().interval());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("PROXY_HEALTHCHECK_INTERVAL")), p.warnings().toString());
        write("compose.yaml", "services:", "  web:", "    image: nginx:1", "    healthcheck:", "      interval: soon");
        assertThrows(UserError.class,
                () -> ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, null, List.of(), Map.of(), true)));
    }
}
