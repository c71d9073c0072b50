package dev.devops.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorLoaderTest {
    private static final Path FILE = Path.of("devops.yaml");

    private static final String FULL = """
            name: shop
            apps:
              web:
                runtime: {language: node, version: "20", buildTool: npm, framework: express}
                port: 3000
                start: [node, src/server.js]
                healthcheck: /health
                dependsOn: [postgres, redis]
                env:
                  DATABASE_URL: {description: "PostgreSQL URL", secret: true, from: postgres.url}
                  LOG_LEVEL: {default: info}
                  API_TOKEN: {required: true, secret: true}
              worker:
                path: worker
                runtime: {language: python}
            services:
              postgres: {version: "15", publish: true}
              redis: {version: "7"}
              cache:
                type: redis
            environments:
              development: {}
              production:
                env: {LOG_LEVEL: warn}
            lint:
              allowlist:
                paths: ["test/fixtures/**"]
                rules: [DF0003]
              paths:
                tests: [qa/]
                docs: ["*.guide"]
            """;

    @Test
    void loadsEveryPart() {
        Descriptor d = DescriptorLoader.parse(FILE, FULL);
        assertEquals("shop", d.name());
        assertEquals(2, d.apps().size());
        App web = d.app("web");
        assertEquals(Language.NODE, web.runtime().language());
        assertEquals("20", web.runtime().version());
        assertEquals(3000, web.port());
        assertEquals(java.util.List.of("node", "src/server.js"), web.start());
        assertEquals("postgres.url", web.env().get("DATABASE_URL").from());
        assertTrue(web.env().get("API_TOKEN").required());
        assertEquals("info", web.env().get("LOG_LEVEL").defaultValue());
        App worker = d.app("worker");
        assertEquals("pip", worker.runtime().buildTool(), "first build tool is the default");
        assertNull(worker.runtime().version());
        assertEquals("redis", d.services().get("cache").type());
        assertEquals(ServiceCatalog.get("redis").version(), d.services().get("cache").version());
        assertTrue(d.services().get("postgres").publish());
        assertEquals("warn", d.environments().get("production").env().get("LOG_LEVEL"));
        assertEquals(java.util.List.of("DF0003"), d.lint().allowRules());
        assertEquals(java.util.List.of("qa/"), d.lint().testPaths());
        assertEquals(java.util.List.of("*.guide"), d.lint().docsPaths());
    }

    @Test
    void lintPathsAloneLoadAndWriteBack() {
        String noAllowlist = FULL.substring(0, FULL.indexOf("lint:")) + "lint:\n  paths:\n    tests: qa/\n";
        Descriptor d = DescriptorLoader.parse(FILE, noAllowlist);
        assertEquals(java.util.List.of("qa/"), d.lint().testPaths());
        assertEquals(d, DescriptorLoader.parse(FILE, DescriptorWriter.write(d)));
    }

    @Test
    void writerOutputLoadsBackToTheSameDescriptor() {
        Descriptor d = DescriptorLoader.parse(FILE, FULL);
        String written = DescriptorWriter.write(d);
        Descriptor again = DescriptorLoader.parse(FILE, written);
        assertEquals(d, again);
        assertEquals(written, DescriptorWriter.write(again), "writing is deterministic");
    }

    @Test
    void filesAndMigrateLoadWriteBackAndStayInsideTheApp() {
        Descriptor d = DescriptorLoader.parse(FILE, "name: a\napps:\n  api:\n    runtime: {language: go}\n"
                + "    files: [config, app.env]\n"
                + "    migrate:\n      command: [-path, /migrations, -database, \"{postgres.url}\", up]\n"
                + "      image: migrate/migrate:v4.18.1\n      mount: db/migrations\n"
                + "  web:\n    path: web\n    runtime: {language: python}\n    migrate: [alembic, upgrade, head]\n");
        assertEquals(java.util.List.of("config", "app.env"), d.app("api").files());
        assertEquals(new Migrate(java.util.List.of("-path", "/migrations", "-database", "{postgres.url}", "up"),
                "migrate/migrate:v4.18.1", "db/migrations"), d.app("api").migrate());
        assertEquals(Migrate.inAppImage(java.util.List.of("alembic", "upgrade", "head")), d.app("web").migrate());
        assertEquals(d, DescriptorLoader.parse(FILE, DescriptorWriter.write(d)));
        for (String bad : java.util.List.of("    files: [../secrets]\n", "    files: [/etc/passwd]\n",
                "    migrate: {command: [up], mount: ../x}\n", "    migrate: []\n", "    migrate: {image: x}\n")) {
            dev.devops.core.UserError e = org.junit.jupiter.api.Assertions.assertThrows(dev.devops.core.UserError.class,
                    () -> DescriptorLoader.parse(FILE, "name: a\napps:\n  api:\n    runtime: {language: go}\n" + bad), bad);
            assertTrue(e.getMessage().contains("'apps.api."), e.getMessage());
        }
    }

    @Test
    void processesLoadWriteBackAndMayNotCollideWithAnotherService() {
        Descriptor d = DescriptorLoader.parse(FILE, "name: a\napps:\n  api:\n    runtime: {language: python}\n"
                + "    processes:\n      worker: celery -A proj worker\n      beat: [celery, -A, proj, beat]\n");
        assertEquals(java.util.List.of("sh", "-c", "celery -A proj worker"), d.app("api").processes().get("worker"));
        assertEquals(java.util.List.of("celery", "-A", "proj", "beat"), d.app("api").processes().get("beat"));
        assertEquals(d, DescriptorLoader.parse(FILE, DescriptorWriter.write(d)));
        dev.devops.core.UserError e = org.junit.jupiter.api.Assertions.assertThrows(dev.devops.core.UserError.class,
                () -> DescriptorLoader.parse(FILE, "name: a\napps:\n  api:\n    runtime: {language: python}\n"
                        + "    processes:\n      worker: [w]\n  api-worker:\n    path: w\n    runtime: {language: python}\n"));
        assertTrue(e.getMessage().contains("process 'worker' of app 'api' runs as compose service 'api-worker'"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.devops.core.UserError.class,
                () -> DescriptorLoader.parse(FILE, "name: a\napps:\n  api:\n    runtime: {language: python}\n"
                        + "    processes:\n      Worker: [w]\n"));
        assertTrue(e.getMessage().contains("process name 'Worker' is not valid"), e.getMessage());
    }

    @Test
    void staticSiteOutputIsNormalisedAndWrittenBack() {
        Descriptor d = DescriptorLoader.parse(FILE, "name: a\napps:\n  w:\n    runtime: {language: node, framework: angular}\n"
                + "    output: ./dist/w/browser/\n");
        assertEquals("dist/w/browser", d.app("w").output());
        String written = DescriptorWriter.write(d);
        assertTrue(written.contains("\n    output: dist/w/browser\n"), written);
        assertEquals(d, DescriptorLoader.parse(FILE, written));
        assertNull(DescriptorLoader.parse(FILE, "name: a\napps: {w: {runtime: {language: node, framework: vite}}}")
                .app("w").output(), "vite has a default output");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key      | name: a\\napps: {w: {runtime: {language: go}}}\\nsrvices: {}                  | devops.yaml:3:1: unknown key 'srvices' in the document; did you mean 'services'?
            unknown app key      | name: a\\napps:\\n  w:\\n    runtime: {language: go}\\n    prot: 80                 | devops.yaml:5:5: unknown key 'prot' in 'apps.w'; did you mean 'port'?
            bad language         | name: a\\napps: {w: {runtime: {language: ruby}}}                                  | devops.yaml:2:32: 'apps.w.runtime.language' is 'ruby', which is not allowed; allowed: node, java, python, go
            port type            | name: a\\napps: {w: {runtime: {language: go}, port: http}}                       | devops.yaml:2:43: 'apps.w.port' must be a whole number, found a string
            port range           | name: a\\napps: {w: {runtime: {language: go}, port: 70000}}                      | devops.yaml:2:43: 'apps.w.port' is 70000, out of range; allowed: 1 to 65535
            missing apps         | name: a                                                                          | devops.yaml:1:1: missing required key 'apps' in the document
            bad name             | name: My App\\napps: {w: {runtime: {language: go}}}                              | devops.yaml:1:7: name 'My App' is not a valid project name
            bad build tool       | name: a\\napps: {w: {runtime: {language: go, buildTool: npm}}}                  | devops.yaml:2:47: 'apps.w.runtime.buildTool' is 'npm', which is not allowed; allowed: go
            unknown dependency   | name: a\\napps: {w: {runtime: {language: go}, dependsOn: [pg]}}                 | devops.yaml:2:48: app 'w' depends on 'pg', which is not defined
            unknown service type | name: a\\napps: {w: {runtime: {language: go}}}\\nservices: {db: {version: '1'}} | devops.yaml:3:16: service 'db' has no type and its name is not a known service
            latest version       | name: a\\napps: {w: {runtime: {language: go}}}\\nservices: {redis: {version: latest}} | devops.yaml:3:29: version 'latest' is not pinned
            secret with default  | name: a\\napps: {w: {runtime: {language: go}, env: {TOKEN: {secret: true, default: x}}}} | devops.yaml:2:74: secret variable 'TOKEN' must not have a default
            bad from attribute   | name: a\\napps: {w: {runtime: {language: go}, env: {U: {from: redis.password}}}}\\nservices: {redis: {}} | devops.yaml:2:53: service type 'redis' has no attribute 'password'
            angular needs output | name: a\\napps: {w: {runtime: {language: node, framework: angular}}}          | devops.yaml:2:11: 'apps.w' (framework angular) needs 'output'
            output not static    | name: a\\napps: {w: {runtime: {language: go}, output: dist}}                  | devops.yaml:2:45: 'apps.w.output' is only used by static sites (framework create-react-app, vue-cli, vite, angular)
            output outside app   | name: a\\napps: {w: {runtime: {language: node, framework: vite}, output: ../x}} | devops.yaml:2:64: 'apps.w.output' must be a directory inside the app
            output is the app    | name: a\\napps: {w: {runtime: {language: node, framework: vite}, output: ./}}   | devops.yaml:2:64: 'apps.w.output' must be a directory inside the app
            duplicate key        | name: a\\nname: b\\napps: {w: {runtime: {language: go}}}                         | devops.yaml:2:1: duplicate key 'name' in the document (first at line 1)
            syntax error         | name: a\\napps: {w: [}                                                          | devops.yaml:2:
            empty                | ''                                                                               | devops.yaml: the file is empty
            path with a shell char | name: a\\napps: {w: {runtime: {language: go}, path: "a;b"}}                  | devops.yaml:2:43: 'apps.w.path' may not hold control characters
            path with a tab        | name: a\\napps: {w: {runtime: {language: go}, path: "a\\tRUN x"}}           | devops.yaml:2:43: 'apps.w.path' may not hold control characters
            output with a space  | name: a\\napps: {w: {runtime: {language: node, framework: vite}, output: my dist}} | devops.yaml:2:64: 'apps.w.output' must be a directory inside the app
            healthcheck quote    | name: a\\napps: {w: {runtime: {language: go}, port: 80, healthcheck: "/a\\"b"}} | devops.yaml:2:60: 'apps.w.healthcheck' may hold only the characters of a URL path
            default with brace   | name: a\\napps: {w: {runtime: {language: go}, env: {M: {default: "a}b"}}}}     | devops.yaml:2:56: the default of 'M' contains '}'
            nesting bomb         | name: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] | devops.yaml:1:106: YAML nested more than 100 levels deep
            alias bomb           | a: &a [x,x,x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\\nname: *f | devops.yaml:6:4: YAML aliases expand to more than 200000 nodes
            """)
    void badInputNamesFileLineColumnAndWhatIsAllowed(String label, String yaml, String expectedPrefix) {
        String text = yaml.equals("''") ? "" : yaml.replace("\\n", "\n");
        UserError e = assertThrows(UserError.class, () -> DescriptorLoader.parse(FILE, text));
        assertTrue(e.oneLine().startsWith(expectedPrefix.strip()),
                label + ": expected prefix <" + expectedPrefix.strip() + "> but was <" + e.oneLine() + ">");
        assertTrue(!e.oneLine().contains("\n"), "one line");
    }
}
