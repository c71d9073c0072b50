package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDetectionTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("gateway"));
    }

    @Test
    void theFrontEndAGoAppEmbedsConfiguresNoRunningServer() {
        repo.file("go.mod", "module example.com/gateway", "", "go 1.22")
                .file("main.go", "package main", "", "func main() {", "\tkey := os.Getenv(\"ADMIN_KEY\")",
                        "\thttp.ListenAndServe(\":9000\", nil)", "}")
                .packageJson("frontend", "{'scripts':{'build':'vite build'},'devDependencies':{'vite':'5','vue':'3'}}")
                .file("frontend/src/App.vue", "<script>", "const v = process.env.VUE_APP_VERSION;",
                        "const api = import.meta.env.VITE_API_ROOT;", "</script>");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size(), d.descriptor().apps().toString());
        assertEquals(List.of("ADMIN_KEY"), List.copyOf(d.descriptor().apps().get(0).env().keySet()));
    }

    @Test
    void cmdMainToolchainAndServices() {
        repo.file("go.mod", "module example.com/gateway", "", "go 1.22.3", "", "toolchain go1.23.1", "",
                        "require (", "\tgithub.com/jackc/pgx/v5 v5.5.0", "\tgithub.com/redis/go-redis/v9 v9.5.1 // indirect", ")",
                        "require github.com/segmentio/kafka-go v0.4.47")
                .file("cmd/gateway/main.go", "package main", "", "func main() {",
                        "\thttp.HandleFunc(\"/healthz\", h)",
                        "\thttp.ListenAndServe(\":9000\", nil)", "}");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(Language.GO, a.runtime().language());
        assertEquals("1.23", a.runtime().version());
        assertEquals("go", a.runtime().buildTool());
        assertEquals(9000, a.port());
        assertEquals("/healthz", a.healthcheck());
        assertEquals(List.of(), a.start());
        // the template's default builds "."; a cmd/NAME main package gets the whole build command
        assertEquals(List.of("go", "build", "-trimpath", "-ldflags=-s -w", "-o", "/out/app", "./cmd/gateway"), a.build());
        // go-redis is only "// indirect": a dependency needs it, the app does not import it
        assertEquals(List.of("postgres", "kafka"), a.dependsOn());
        assertEvidence(d, "go 1.23 from go.mod:5 toolchain directive");
        assertEvidence(d, "main package ./cmd/gateway (build with 'go build ./cmd/gateway')");
        assertEvidence(d, "postgres from go.mod require github.com/jackc/pgx/v5");
    }

    @Test
    void goDirectiveRootMainAndPortDefault() {
        repo.file("go.mod", "module x", "go 1.22.3")
                .file("main.go", "package main", "func main() {", "\tport := os.Getenv(\"PORT\")",
                        "\tif port == \"\" {", "\t\tport = \"3000\"", "\t}", "}");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("1.22", a.runtime().version());
        assertEquals(3000, a.port());
        assertEquals("3000", a.env().get("PORT").defaultValue());
        assertEquals(List.of(), a.build(), "a root main package builds with the template's default");
        assertEvidence(d, "main package . (build with 'go build .')");
    }

    @Test
    void noGoDirectiveMeansTheDefaultVersion() {
        repo.file("go.mod", "module x").file("cmd/a/helper/main.go", "package main");
        Detection d = repo.detect();
        assertEquals(GoStack.DEFAULT_VERSION, d.descriptor().apps().get(0).runtime().version());
        assertEvidence(d, "no main package found (no .go file declaring package main in the app directory or cmd/*)");
    }

    @Test
    void defaultPort() {
        repo.file("go.mod", "module x", "go 1.21").file("main.go", "package main");
        assertEquals(8080, repo.app().port());
    }

    @Test
    void aModuleNeedsNoGoModInit() {
        repo.file("go.mod", "module example.com/x", "go 1.22").file("main.go", "package main", "func main() {}");
        Detection d = repo.detect();
        assertEquals("1.22", d.descriptor().apps().get(0).runtime().version());
        assertTrue(d.evidence().stream().noneMatch(l -> l.contains("go mod init")), () -> String.join("\n", d.evidence()));
    }

    @Test
    void gopathProgramWithoutGoModIsGoAndSaysToRunGoModInit() {
        repo.file("main.go", "package main", "", "import \"net/http\"", "", "func main() {",
                "\thttp.ListenAndServe(\":7000\", nil)", "}").file("util.go", "package main");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(Language.GO, a.runtime().language());
        assertEquals("go", a.runtime().buildTool());
        assertEquals(GoStack.DEFAULT_VERSION, a.runtime().version());
        assertEquals(7000, a.port());
        assertEvidence(d, "go " + GoStack.DEFAULT_VERSION + " (default; no go.mod)");
        assertEvidence(d, "main package . (build with 'go build .')");
        assertEvidence(d, "no go.mod: a GOPATH-style program, which 'go build' no longer builds; run "
                + "'go mod init <module path>' and 'go mod tidy' in the app directory first");
    }

    @Test
    void gopathMainPackageInCmdWithoutGoMod() {
        repo.file("lib/lib.go", "package lib").file("cmd/tool/tool.go", "// a tool", "package main", "func main() {}")
                .file("cmd/tool/tool_test.go", "package main");
        Detection d = repo.detect();
        assertEquals(Language.GO, d.descriptor().apps().get(0).runtime().language());
        assertEvidence(d, "main package ./cmd/tool (build with 'go build ./cmd/tool')");
    }

    @Test
    void goFilesWithoutAMainPackageOrGoModAreNoApp() {
        repo.file("lib.go", "package lib").file("cmd/x/x_test.go", "package main").file("tools/gen/main.go", "package main");
        assertTrue(repo.error().getMessage().contains("no supported stack found"), repo.error().getMessage());
    }

    @Test
    void aManifestBesideAGopathMainWins() {
        repo.packageJson(".", "{'name': 'site', 'scripts': {'start': 'node server.js'}}").file("server.js", "")
                .file("main.go", "package main");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size());
        assertEquals(Language.NODE, d.descriptor().apps().get(0).runtime().language());
        assertEvidence(d, ".: manifests of [node, go]; using node (pass --stack to choose)");
    }

    @Test
    void stackGoOnAGopathProgramDetectsItsMainPackage() {
        repo.file("cmd/api/main.go", "package main");
        Detection d = repo.detect(RepoFixture.stack("go"));
        assertEvidence(d, "main package ./cmd/api (build with 'go build ./cmd/api')");
    }

    @ParameterizedTest
    @CsvSource({"github.com/lib/pq,postgres", "github.com/go-sql-driver/mysql,mysql",
        "go.mongodb.org/mongo-driver,mongodb", "github.com/go-redis/redis/v8,redis", "github.com/gomodule/redigo,redis",
        "github.com/rabbitmq/amqp091-go,rabbitmq", "github.com/streadway/amqp,rabbitmq", "github.com/IBM/sarama,kafka",
        "github.com/Shopify/sarama,kafka", "github.com/confluentinc/confluent-kafka-go/v2,kafka"})
    void services(String module, String service) {
        repo.file("go.mod", "module x", "go 1.22", "require " + module + " v1.0.0").file("main.go", "package main");
        assertEquals(List.of(service), repo.app().dependsOn());
    }

    @Test
    void indirectRequiresImplyNoService() {
        // golang-gin-realworld-example-app: gorm v1 requires every SQL driver, the app uses sqlite
        repo.file("go.mod", "module x", "go 1.22", "require (", "\tgithub.com/jinzhu/gorm v1.9.16",
                "\tgithub.com/go-sql-driver/mysql v1.5.0 // indirect", "\tgithub.com/lib/pq v1.10.0 //indirect", ")",
                "require github.com/redis/go-redis/v9 v9.5.1 // indirect", "require github.com/IBM/sarama v1.43.0")
                .file("main.go", "package main");
        assertEquals(List.of("kafka"), repo.app().dependsOn());
    }

    @Test
    void anAppThatDefaultsToAnEmbeddedDatabaseGetsNoServerItCouldNotReach() {
        // the app's backend switch defaults to sqlite and it reads its connection as an opaque DSN: a mysql chosen
        // from the drivers in go.mod was added, unwired ("no variable the app reads points at it")
        repo.file("go.mod", "module x", "go 1.22", "require (", "\tgithub.com/go-sql-driver/mysql v1.8.1",
                        "\tgithub.com/lib/pq v1.10.9", "\tmodernc.org/sqlite v1.29.0", ")")
                .file("main.go", "package main", "import \"os\"", "func env(k, d string) string {",
                        "\tif v := os.Getenv(k); v != \"\" { return v }", "\treturn d", "}",
                        "func main() {", "\tdriver := env(\"NOTES_DRIVER\", \"sqlite\")", "\tdsn := os.Getenv(\"NOTES_DSN\")",
                        "\t_, _ = driver, dsn", "}");
        Detection d = repo.detect();
        assertEquals(List.of(), d.descriptor().apps().get(0).dependsOn(), () -> String.join("\n", d.evidence()));
        assertTrue(d.evidence().stream().anyMatch(e -> e.contains("not adding mysql: NOTES_DRIVER defaults to sqlite")),
                () -> String.join("\n", d.evidence()));
        assertTrue(d.evidence().stream().noneMatch(e -> e.startsWith("warning:")), () -> String.join("\n", d.evidence()));
    }

    @Test
    void aSwitchDefaultingToAnEmbeddedDatabaseKeepsAServerItsVariablesCanReach() {
        repo.file("go.mod", "module x", "go 1.22", "require github.com/lib/pq v1.10.9")
                .file("main.go", "package main", "import \"os\"", "func env(k, d string) string {",
                        "\tif v := os.Getenv(k); v != \"\" { return v }", "\treturn d", "}",
                        "func main() {", "\t_ = env(\"DB_DRIVER\", \"sqlite\")", "\t_ = os.Getenv(\"DATABASE_URL\")", "}");
        assertEquals(List.of("postgres"), repo.app().dependsOn());
    }

    @Test
    void anOldGoDirectiveGetsTheOldestGoWithABookwormImage() {
        // golang-gin-realworld-example-app says go 1.15: golang:1.15-bookworm does not exist
        repo.file("go.mod", "module x", "", "go 1.15").file("main.go", "package main");
        Detection d = repo.detect();
        assertEquals(GoStack.OLDEST_IMAGE, d.descriptor().apps().get(0).runtime().version());
        assertEvidence(d, "go 1.20 instead of 1.15: the go directive is a minimum and golang:1.15-bookworm does not "
                + "exist (the oldest bookworm image is 1.20)");
        repo.file("go.mod", "module x", "", "go 1.21");
        assertEquals("1.21", repo.app().runtime().version());
    }

    @Test
    void severalCmdProgramsBuildTheDaemonAndIgnoreTheOthersPortsAndVariables() {
        // benbjohnson/wtf: cmd/wtf (CLI), cmd/wtf-storybook (dev server on :3001), cmd/wtfd (the server)
        repo.file("go.mod", "module github.com/acme/wtf", "go 1.22")
                .file("cmd/wtf-storybook/main.go", "package main", "func main() {",
                        "\thttp.ListenAndServe(\":3001\", nil)", "}")
                .file("cmd/wtf/main.go", "package main", "func main() { os.Getenv(\"WTF_CLI_TOKEN\") }")
                .file("cmd/wtfd/main.go", "package main", "func main() { os.Getenv(\"WTFD_SECRET_KEY\") }")
                .file("http/server.go", "package http", "func Open() { http.ListenAndServe(\":9090\", nil) }");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("./cmd/wtfd", a.build().get(a.build().size() - 1));
        assertEquals(9090, a.port(), () -> String.join("\n", d.evidence()));
        assertEquals(List.of("WTFD_SECRET_KEY"), List.copyOf(a.env().keySet()));
        assertEvidence(d, "other main packages not built: ./cmd/wtf, ./cmd/wtf-storybook (add an app with its own "
                + "'build' for each one that runs as a service)");
    }

    @ParameterizedTest
    @CsvSource({"github.com/acme/shop,./cmd/shopd,./cmd/shop", "github.com/acme/shop/v2,./cmd/api,./cmd/shop",
        "github.com/acme/shop,./cmd/shop,./cmd/migrate", "github.com/acme/shop,./cmd/shop-server,./cmd/api"})
    void theServerLikeProgramWins(String module, String wins, String loses) {
        repo.file("go.mod", "module " + module, "go 1.22").file(loses.substring(2) + "/main.go", "package main")
                .file(wins.substring(2) + "/main.go", "package main");
        assertEquals(wins, repo.app().build().get(6));
    }
    @Test
    void cmdProgramsTheRepositoryShipsAsImagesOfTheirOwnAreOneAppEach() {
        // thangchung/go-coffeeshop: docker/Dockerfile-NAME builds each of cmd/{counter,product,barista}; cmd/seed is a tool
        repo.file("go.mod", "module github.com/acme/shop", "go 1.22", "require github.com/jackc/pgx/v5 v5.5.0")
                .file("cmd/counter/main.go", "package main", "import (", "\t\"net\"",
                        "\tstore \"github.com/acme/shop/internal/store\"", ")", "func main() {", "\tl, _ := net.Listen(\"tcp\", addr)",
                        "\tos.Getenv(\"COUNTER_KEY\")", "}")
                .file("cmd/product/main.go", "package main", "func main() { http.ListenAndServe(\":5001\", nil) }")
                .file("cmd/barista/main.go", "package main", "func main() {", "\tos.Getenv(\"BARISTA_QUEUE\")",
                        "\tsignal.Notify(quit, os.Interrupt)", "\t<-quit", "}")
                .file("cmd/seed/main.go", "package main", "func main() { os.Getenv(\"SEED_FILE\") }")
                .file("internal/store/store.go", "package store", "import \"github.com/jackc/pgx/v5/pgxpool\"",
                        "func Open() { os.Getenv(\"PG_DSN_URL\") }");
        for (String p : List.of("counter", "product", "barista")) {
            repo.file("docker/Dockerfile-" + p, "FROM golang:1.22 AS build", "COPY . /app", "WORKDIR /app",
                    "RUN CGO_ENABLED=0 go build -o /bin/app ./cmd/" + p, "FROM scratch",
                    "counter".equals(p) ? "EXPOSE 5002" : "", "COPY --from=build /bin/app /app", "CMD [\"/app\"]");
        }
        Detection d = repo.detect();
        List<App> apps = d.descriptor().apps();
        assertEquals(List.of("barista", "counter", "product"), apps.stream().map(App::name).sorted().toList(),
                () -> String.join("\n", d.evidence()));
        App counter = RepoFixture.app(d, "counter");
        assertEquals("docker/Dockerfile-counter", counter.dockerfile());
        assertEquals(5002, counter.port(), "EXPOSE of its own image");
        assertEquals("./cmd/counter", counter.build().get(counter.build().size() - 1));
        assertTrue(counter.env().containsKey("COUNTER_KEY") && counter.env().containsKey("PG_DSN_URL"));
        assertEquals("postgres.url", counter.env().get("PG_DSN_URL").from(), "a DSN of a postgres family");
        App product = RepoFixture.app(d, "product");
        assertEquals(5001, product.port());
        // product imports no package of the module that reads PG_DSN_URL or opens postgres
        assertEquals(List.of(), product.dependsOn());
        assertTrue(!product.env().containsKey("PG_DSN_URL"), product.env().toString());
        assertEquals(List.of("postgres"), counter.dependsOn());
        App barista = RepoFixture.app(d, "barista");
        assertEquals(null, barista.port(), "a worker: it does not listen and its image exposes nothing");
        assertEquals(null, barista.healthcheck());
        assertTrue(apps.stream().noneMatch(a -> a.env().containsKey("SEED_FILE")), "the tool is no app");
        assertEvidence(d, "counter: main packages the repository's own Dockerfiles build: ./cmd/barista, ./cmd/counter, "
                + "./cmd/product (one app each)");
        assertEvidence(d, "counter: built with the repository's own docker/Dockerfile-counter from the module root (it "
                + "builds this program)");
    }

    @Test
    void oneShippedProgramStaysTheOnlyApp() {
        repo.file("go.mod", "module github.com/acme/shop", "go 1.22")
                .file("cmd/api/main.go", "package main", "func main() { http.ListenAndServe(\":9000\", nil) }")
                .file("cmd/worker/main.go", "package main", "func main() { signal.Notify(q, os.Interrupt) }")
                .file("Dockerfile", "FROM golang:1.22", "COPY . .", "RUN go build -o /app ./cmd/api", "CMD [\"/app\"]");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size());
        assertEquals("./cmd/api", d.descriptor().apps().get(0).build().get(6));
        // learning-cloud-native-go/myapp: one image carries both the server and its migrate tool
        repo.file("prod.Dockerfile", "FROM golang:1.22", "COPY . .", "RUN go build -ldflags '-w -s' -o ./bin/app ./cmd/api \\",
                "    && go build -ldflags '-w -s' -o ./bin/migrate ./cmd/worker", "CMD [\"./bin/app\"]");
        repo.file("Dockerfile", "FROM golang:1.22", "COPY . .", "RUN go build -o /worker ./cmd/worker/", "CMD [\"/worker\"]");
        assertEquals(1, repo.detect().descriptor().apps().size(), "one image per program is what ships them apart");
    }

    @Test
    void aPackageKeptInOneFilePerEnvironmentBuildsWithTheProductionTag() {
        // eminetto/clean-architecture-go-v2: config/config_{dev,prod,staging,testing}.go, each `// +build ENV`
        repo.file("go.mod", "module github.com/acme/lib", "go 1.22")
                .file("api/main.go", "package main", "func main() { srv := &http.Server{Addr: \":\" + port}; srv.ListenAndServe() }")
                .file("cmd/main.go", "package main", "func main() { fmt.Println(os.Args) }")
                .file("config/config_dev.go", "// +build dev", "", "package config", "const DB_HOST = \"127.0.0.1\"")
                .file("config/config_prod.go", "//go:build prod", "", "package config", "const DB_HOST = \"db\"")
                .file("config/config_testing.go", "// +build testing", "", "package config", "const DB_HOST = \"x\"")
                .file("platform/sys_linux.go", "//go:build linux", "", "package platform")
                .file("platform/sys_windows.go", "//go:build windows", "", "package platform");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("go", "build", "-trimpath", "-tags", "prod", "-ldflags=-s -w", "-o", "/out/app", "./api"),
                a.build());
        assertEvidence(d, "build tag prod: every file of config (dev, prod, testing) needs one of these tags, so a plain "
                + "'go build' does not compile it");
        // files for platforms, or one optional file behind a tag, need no tag
        repo.file("config/config_prod.go", "package config", "const DB_HOST = \"db\"");
        assertEquals(List.of("go", "build", "-trimpath", "-ldflags=-s -w", "-o", "/out/app", "./api"), repo.app().build());
    }
    @Test
    void aLiteralPortOfTheAppsOwnServerConfigWinsOverAStaleExpose() {
        // bnkamalesh/goapp: configs.go returns &http.Config{…, Port: 8080}; docker/Dockerfile says EXPOSE 8000
        repo.file("go.mod", "module github.com/acme/goapp", "go 1.22")
                .file("main.go", "package main", "func main() { startHTTPServer(cfg.HTTP()) }")
                .file("internal/configs/configs.go", "package configs", "",
                        "func (cfg *Configs) HTTP() (*http.Config, error) {", "\treturn &http.Config{",
                        "\t\tTemplatesBasePath: strings.TrimSpace(os.Getenv(\"TEMPLATES_BASEPATH\")),",
                        "\t\tPort:              8080,", "\t}, nil", "}",
                        "func (cfg *Configs) Postgres() *postgres.Config {", "\treturn &postgres.Config{Host: h, Port: 5432}", "}")
                .file("docker/Dockerfile", "FROM golang:1.22 AS builder", "COPY . /app", "RUN go build -o /app/appbin main.go",
                        "FROM debian:stable-slim", "EXPOSE 8000", "CMD [\"./appbin\"]");
        assertEquals(8080, repo.app().port());
        repo.file("internal/configs/configs.go", "package configs", "func p() *postgres.Config { return &postgres.Config{Port: 5432} }");
        assertEquals(8000, repo.app().port(), "a database's port is not the app's: the image's EXPOSE is all there is");
    }
    @Test
    void aServerOnALiteralLoopbackAddressIsReportedAsUnreachable() {
        // xesina/golang-echo-realworld-example-app: r.Start("127.0.0.1:8585")
        repo.file("go.mod", "module github.com/acme/rw", "go 1.22")
                .file("main.go", "package main", "func main() {", "\tr := router.New()",
                        "\tr.Logger.Fatal(r.Start(\"127.0.0.1:8585\"))", "}");
        Detection d = repo.detect();
        assertEquals(8585, d.descriptor().apps().get(0).port());
        assertEvidence(d, "warning: the app listens on 127.0.0.1:8585 (main.go:4), which is unreachable through the "
                + "port compose publishes; make it listen on \":8585\" or 0.0.0.0:8585");
        repo.file("main.go", "package main", "func main() { r.Start(\":8585\") }");
        assertTrue(repo.detect().evidence().stream().noneMatch(l -> l.startsWith("warning:")));
    }
}
