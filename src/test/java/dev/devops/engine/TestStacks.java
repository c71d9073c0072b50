package dev.devops.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stacks and fixtures shared by the docker tests. */
final class TestStacks {
    private TestStacks() {
    }

    static String project(String prefix) {
        return "dvt-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Copies the test app (Dockerfile, app.py, .dockerignore) from the test resources into {@code dir}. */
    static Path copyApp(Path dir) throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        for (String f : List.of("Dockerfile", "app.py", ".dockerignore")) {
            try (InputStream in = TestStacks.class.getResourceAsStream("/engine/app/" + f)) {
                Files.copy(in, app.resolve(f));
            }
        }
        Files.writeString(app.resolve("secret.env"), "must not reach the image\n");
        return app;
    }

    /** Postgres with a password derived from the project (generated, so no secret-shaped literal). */
    static ServiceSpec db(String project) {
        return ServiceSpec.builder("db").image("postgres:15")
                .env("POSTGRES_PASSWORD", "pw" + Integer.toHexString(project.hashCode()))
                .mount(MountSpec.volume("dbdata", "/var/lib/postgresql/data"))
                .healthcheck(new HealthcheckSpec(List.of("CMD-SHELL", "pg_isready -U postgres"), Duration.ofMillis(500),
                        Duration.ofSeconds(3), 60, null, false))
                .build();
    }

    static ServiceSpec cache(String mode) {
        return ServiceSpec.builder("cache").image("redis:7").env("MODE", mode)
                .healthcheck(new HealthcheckSpec(List.of("CMD", "redis-cli", "ping"), Duration.ofMillis(500),
                        Duration.ofSeconds(3), 60, null, false))
                .build();
    }

    static ServiceSpec app(String greeting) {
        return ServiceSpec.builder("app").build(BuildSpec.of(Path.of("app")))
                .env("GREETING", greeting)
                .port(new PortSpec("127.0.0.1", null, 8000, "tcp"))
                .dependsOn("db", DependencySpec.healthy())
                .dependsOn("cache", DependencySpec.healthy())
                .init(true)
                .healthcheck(new HealthcheckSpec(List.of("CMD", "python", "-c",
                        "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"),
                        Duration.ofMillis(500), Duration.ofSeconds(3), 60, null, false))
                .build();
    }

    static StackSpec threeServices(String project, Path dir, String greeting, String cacheMode) {
        return new StackSpec(project, dir, List.of(dir.resolve("compose.yaml")),
                List.of(app(greeting), db(project), cache(cacheMode)), Map.of(), Map.of("dbdata", VolumeSpec.of("dbdata")));
    }
}
