package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.descriptor.App;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Angular front ends: detected from package.json plus angular.json, served from the build target's output. */
class AngularDetectionTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("shop-ui"));
    }

    private void angularPackage(String tool) {
        repo.packageJson(".", "{'name': 'shop-ui', 'scripts': {'start': 'ng serve', 'build': 'ng build'},"
                + " 'dependencies': {'@angular/core': '^19.0.0', 'rxjs': '~7.8.0'},"
                + " 'devDependencies': {'" + tool + "': '^19.0.0'}}").file("package-lock.json", "{}");
    }

    /** angular.json with one application project whose build target has this builder and options body. */
    private void angularJson(String project, String builder, String options) {
        repo.file("angular.json", "{", "  \"$schema\": \"./node_modules/@angular/cli/lib/config/schema.json\",",
                "  \"version\": 1,", "  \"projects\": {", "    \"" + project + "\": {",
                "      \"projectType\": \"application\",", "      \"root\": \"\",", "      \"architect\": {",
                "        \"build\": {", "          \"builder\": \"" + builder + "\",",
                "          \"options\": {" + options + "}", "        }", "      }", "    }", "  }", "}");
    }

    @ParameterizedTest(name = "{0} outputPath {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // Angular 17+ application builder: the browser files go to <outputPath>/browser
        "@angular/build:application                 | \"outputPath\": \"dist/shop\"                            | dist/shop/browser",
        "@angular-devkit/build-angular:application  | \"outputPath\": \"dist/shop\"                            | dist/shop/browser",
        // the object form names the browser subdirectory; "" puts the files in base itself
        "@angular/build:application                 | \"outputPath\": {\"base\": \"dist/x\", \"browser\": \"\"}     | dist/x",
        "@angular/build:application                 | \"outputPath\": {\"base\": \"out\", \"browser\": \"public\"}  | out/public",
        "@angular/build:application                 | \"outputPath\": {\"base\": \"./www/\"}                     | www/browser",
        // no outputPath: dist/<project>
        "@angular/build:application                 | \"index\": \"src/index.html\"                           | dist/shop/browser",
        "@angular-devkit/build-angular:browser      | \"index\": \"src/index.html\"                           | dist/shop",
        // the older browser builders write straight to outputPath
        "@angular-devkit/build-angular:browser      | \"outputPath\": \"dist/shop\"                            | dist/shop",
        "@angular-devkit/build-angular:browser-esbuild | \"outputPath\": \"./dist/shop/\"                        | dist/shop",
    })
    void outputDirectoryFollowsTheBuilderAndOutputPath(String builder, String options, String output) {
        angularPackage("@angular/cli");
        angularJson("shop", builder.trim(), options.trim());
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("angular", a.runtime().framework());
        assertEquals("npm", a.runtime().buildTool());
        assertEquals(output, a.output());
        assertEquals(8080, a.port());
        assertEquals("/", a.healthcheck());
        assertEquals(List.of("npm", "run", "build"), a.build());
        assertEquals(List.of(), a.start(), "nginx serves it: no node start command");
        assertEvidence(d, "static site: framework angular from package.json dependencies '@angular/core' and "
                + "'@angular/cli' and angular.json; its build output is served by nginx on port 8080");
        assertTrue(d.evidence().stream().anyMatch(l -> l.startsWith("output " + output + " from ")
                && l.contains("with builder '" + builder.trim() + "'")), () -> String.join("\n", d.evidence()));
    }

    @Test
    void outputEvidenceNamesWhereTheValueCameFrom() {
        angularPackage("@angular/build");
        angularJson("shop", "@angular/build:application", "\"outputPath\": \"dist/shop\"");
        assertEvidence(repo.detect(), "output dist/shop/browser from angular.json projects.shop.architect.build.options"
                + ".outputPath \"dist/shop\" with builder '@angular/build:application' (browser files in browser/)");
        angularJson("shop", "@angular/build:application", "");
        assertEvidence(repo.detect(), "output dist/shop/browser from default dist/shop (no outputPath in angular.json "
                + "projects.shop.architect.build.options) with builder '@angular/build:application' (browser files in "
                + "browser/)");
    }

    @Test
    void serverSideRenderingIsNotedOnlyWhenItIsOn() {
        angularPackage("@angular/cli");
        String note = "angular.json configures server-side rendering; only the browser files are served (nginx)";
        angularJson("shop", "@angular/build:application", "\"outputPath\": \"dist/shop\", \"ssr\": false");
        assertTrue(repo.detect().evidence().stream().noneMatch(note::equals));
        angularJson("shop", "@angular/build:application", "\"server\": \"src/main.server.ts\", \"ssr\": "
                + "{\"entry\": \"src/server.ts\"}");
        Detection d = repo.detect();
        assertEvidence(d, note);
        assertEquals("dist/shop/browser", d.descriptor().apps().get(0).output());
    }

    @Test
    void defaultProjectThenFirstApplicationIsChosen() {
        angularPackage("@angular-devkit/build-angular");
        repo.file("angular.json", "{", "  // the CLI reads angular.json with comments", "  \"projects\": {",
                "    \"ui-lib\": {\"projectType\": \"library\", \"architect\": {\"build\": {\"builder\": "
                        + "\"@angular/build:ng-packagr\", \"options\": {}}}},",
                "    \"admin\": {\"projectType\": \"application\", \"architect\": {\"build\": {\"builder\": "
                        + "\"@angular/build:application\", \"options\": {\"outputPath\": \"dist/admin\"}}}},",
                "    \"store\": {\"projectType\": \"application\", \"targets\": {\"build\": {\"builder\": "
                        + "\"@angular-devkit/build-angular:browser\", \"options\": {\"outputPath\": \"dist/store\"}}}},",
                "  },", "}");
        assertEquals("dist/admin/browser", repo.app().output());
        repo.file("angular.json", "{\"defaultProject\": \"store\", \"projects\": {",
                "  \"admin\": {\"projectType\": \"application\", \"architect\": {\"build\": {\"builder\": "
                        + "\"@angular/build:application\", \"options\": {\"outputPath\": \"dist/admin\"}}}},",
                "  \"store\": {\"projectType\": \"application\", \"targets\": {\"build\": {\"builder\": "
                        + "\"@angular-devkit/build-angular:browser\", \"options\": {\"outputPath\": \"dist/store\"}}}}", "}}");
        assertEquals("dist/store", repo.app().output());
    }

    @Test
    void theDefaultConfigurationsOutputPathWins() {
        angularPackage("@angular/cli");
        repo.file("angular.json", "{\"projects\": {\"shop\": {\"architect\": {\"build\": {",
                "  \"builder\": \"@angular/build:application\", \"defaultConfiguration\": \"production\",",
                "  \"options\": {\"outputPath\": \"dist/dev\"},",
                "  \"configurations\": {\"production\": {\"outputPath\": \"dist/prod\"}}}}}}}");
        Detection d = repo.detect();
        assertEquals("dist/prod/browser", d.descriptor().apps().get(0).output());
        assertTrue(d.evidence().stream().anyMatch(l -> l.contains(
                "from angular.json projects.shop.architect.build.configurations.production.outputPath")),
                () -> String.join("\n", d.evidence()));
    }

    @Test
    void invalidAngularJsonIsAUserErrorAtItsLine() {
        angularPackage("@angular/cli");
        repo.file("angular.json", "{", "  \"projects\": {", "    \"shop\": {\"root\": \"\" \"sourceRoot\": \"src\"}",
                "  }", "}");
        UserError e = repo.error();
        assertEquals("angular.json", e.location().file().toString());
        assertTrue(e.oneLine().startsWith("angular.json:3:"), e.oneLine());
        assertTrue(e.oneLine().contains("invalid JSON"), e.oneLine());
    }

    @Test
    void anOutputPathOutsideTheAppIsAUserError() {
        angularPackage("@angular/cli");
        angularJson("shop", "@angular/build:application", "\"outputPath\": \"../public\"");
        UserError e = repo.error();
        assertTrue(e.oneLine().startsWith("angular.json:11:1: the build output of project 'shop' (angular.json projects.shop"
                + ".architect.build.options.outputPath \"../public\")"), e.oneLine());
        assertTrue(e.oneLine().contains("is outside the app directory"), e.oneLine());
    }

    @Test
    void withoutAngularJsonOrTheCliItIsNoAngularSite() {
        repo.packageJson(".", "{'scripts': {'start': 'node server.js'}, 'dependencies': {'@angular/core': '19'}}")
                .file("server.js", "require('http').createServer().listen(4000)");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertNull(a.output());
        assertEquals(List.of("node", "server.js"), a.start());
        assertEvidence(d, "@angular/core in package.json but none of @angular/cli, @angular-devkit/build-angular, "
                + "@angular/build: not built as an Angular CLI app");

        angularPackage("@angular/cli");
        Detection noJson = repo.detect();
        assertNull(noJson.descriptor().apps().get(0).runtime().framework());
        assertEvidence(noJson, "@angular/core in package.json but no angular.json: not built as an Angular CLI app");
    }

    @Test
    void aServerFrameworkStillWins() {
        repo.packageJson(".", "{'scripts': {'start': 'node server.js', 'build': 'ng build'}, 'dependencies': "
                + "{'@angular/core': '19', 'express': '4'}, 'devDependencies': {'@angular/cli': '19'}}");
        angularJson("shop", "@angular/build:application", "");
        App a = repo.app();
        assertEquals("express", a.runtime().framework());
        assertNull(a.output());
    }

    @Test
    void angularInAWorkspacePackage() {
        repo.packageJson(".", "{'private': true, 'workspaces': ['apps/*']}").file("package-lock.json", "{}");
        repo.packageJson("apps/web", "{'name': 'web', 'scripts': {'start': 'ng serve', 'build': 'ng build'},"
                + " 'dependencies': {'@angular/core': '19'}, 'devDependencies': {'@angular/build': '19'}}");
        repo.file("apps/web/angular.json", "{\"projects\": {\"web\": {\"architect\": {\"build\": {\"builder\": "
                + "\"@angular/build:application\"}}}}}");
        Detection d = repo.detect();
        App a = RepoFixture.app(d, "web");
        assertEquals("apps/web", a.path());
        assertEquals("dist/web/browser", a.output());
    }
}
