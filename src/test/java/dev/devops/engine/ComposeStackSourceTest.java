package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compose adapter maps a real compose file, field by field, onto the engine's stack model. */
class ComposeStackSourceTest {
    @TempDir
    Path dir;

    private StackSpec load(Map<String, String> env, List<String> profiles, boolean lenient) {
        return new ComposeStackSource(env).load(new StackSource.Request(null, List.of(), dir, profiles, lenient));
    }

    @Test
    void mapsEveryFieldUpUses() throws IOException {
        Files.writeString(dir.resolve(".env"), "DB_PASSWORD=from-dotenv\nAPP_PORT=18080\n");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile.prod"), "FROM python:3.11-slim AS runtime\n"); // up checks it is there
        Files.writeString(dir.resolve("docker-compose.yml"), """
                name: shop_demo
                services:
                  app:
                    build:
                      context: ./app
                      dockerfile: Dockerfile.prod
                      args: {VERSION: "1.2"}
                      target: runtime
                    command: ["python", "app.py"]
                    environment:
                      DATABASE_URL: postgres://app:${DB_PASSWORD:?set it}@db:5432/app
                      MODE: ${MODE:-dev}
                    ports:
                      - "127.0.0.1:${APP_PORT}:8000"
                      - "9000-9001:9000-9001/udp"
                      - "7000"
                    volumes:
                      - ./data:/data:ro
                      - cache:/cache
                      - /tmp/anon
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                    init: true
                    user: "1000:1000"
                    working_dir: /srv
                    restart: unless-stopped
                    labels: {team: web}
                    networks:
                      back:
                        aliases: [api]
                    stop_signal: SIGINT
                    stop_grace_period: 3s
                  db:
                    image: postgres:15
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready"]
                      interval: 2s
                      retries: 5
                    networks: [back]
                  debug:
                    image: busybox:1
                    profiles: [debug]
                networks:
                  back: {}
                volumes:
                  cache:
                    name: shared-cache
                """);
        StackSpec s = load(Map.of("MODE", "prod"), List.of(), false);
        assertEquals("shop_demo", s.project());
        assertEquals(List.of("app", "db"), s.services().stream().map(ServiceSpec::name).toList(),
                "the debug profile is not active");
        ServiceSpec app = s.service("app").orElseThrow();
        assertEquals(dir.resolve("app").toAbsolutePath().normalize(), app.build().context());
        assertEquals("Dockerfile.prod", app.build().dockerfile());
        assertEquals(Map.of("VERSION", "1.2"), app.build().args());
        assertEquals("runtime", app.build().target());
        assertEquals(List.of("python", "app.py"), app.command());
        assertEquals("postgres://app:" + "from-dotenv" + "@db:5432/app", app.environment().get("DATABASE_URL"));
        assertEquals("prod", app.environment().get("MODE"), "the shell wins over defaults");
        assertEquals(new PortSpec("127.0.0.1", 18080, 8000, "tcp"), app.ports().get(0));
        assertEquals(new PortSpec(null, 9000, 9000, "udp"), app.ports().get(1));
        assertEquals(new PortSpec(null, 9001, 9001, "udp"), app.ports().get(2));
        assertEquals(new PortSpec(null, null, 7000, "tcp"), app.ports().get(3), "a bare port is published on an ephemeral host port");
        assertEquals(MountSpec.Type.BIND, app.mounts().get(0).type());
        assertEquals(dir.resolve("data").toAbsolutePath().normalize().toString(), app.mounts().get(0).source());
        assertTrue(app.mounts().get(0).readOnly());
        assertEquals(MountSpec.volume("cache", "/cache"), app.mounts().get(1));
        assertEquals(new MountSpec(MountSpec.Type.VOLUME, null, "/tmp/anon", false), app.mounts().get(2));
        assertEquals(new DependencySpec(DependencySpec.HEALTHY, true, true), app.dependsOn().get("db"));
        assertTrue(app.init());
        assertEquals("1000:1000", app.user());
        assertEquals("/srv", app.workingDir());
        assertEquals("unless-stopped", app.restart());
        assertEquals("web", app.labels().get("team"));
        assertEquals(Map.of("back", List.of("api")), app.networks());
        assertEquals("SIGINT", app.stopSignal());
        assertEquals(Duration.ofSeconds(3), app.stopGracePeriod());
        ServiceSpec db = s.service("db").orElseThrow();
        assertEquals("postgres:15", db.image());
        assertNull(db.build());
        assertEquals(List.of("CMD-SHELL", "pg_isready"), db.healthcheck().test());
        assertEquals(Duration.ofSeconds(2), db.healthcheck().interval());
        assertEquals(5, db.healthcheck().retries());
        assertEquals("shared-cache", s.volumeName("cache"));
        assertEquals("shop_demo_back", s.networkName("back"));

        StackSpec withDebug = load(Map.of(), List.of("debug"), false);
        assertTrue(withDebug.service("debug").isPresent());
    }

    @Test
    void aMissingRequiredVariableIsAUsageErrorForUpButNotForDown() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: postgres:15
                    environment:
                      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}
                """);
        UserError e = assertThrows(UserError.class, () -> load(Map.of(), List.of(), false));
        assertTrue(e.oneLine().contains("compose.yaml:5:") && e.oneLine().contains("set POSTGRES_PASSWORD in .env"),
                e.oneLine());
        StackSpec lenient = load(Map.of(), List.of(), true);
        assertEquals(dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", ""), lenient.project());
    }

    @Test
    void noComposeFileIsAUsageError() {
        UserError e = assertThrows(UserError.class, () -> load(Map.of(), List.of(), false));
        assertTrue(e.oneLine().toLowerCase().contains("compose"), e.oneLine());
    }
}
