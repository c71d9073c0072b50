package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.devops.descriptor.Language;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 class 4: a generator's input (templates, an app template's setup hook) is not an app, by evidence. */
class TemplateInputsTest {
    @TempDir
    Path dir;

    private static Map<String, Language> dirs(Object... pairs) {
        Map<String, Language> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Language) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void anAppTemplatesSetupHookInsideTheAppIsNotAnApp() {
        RepoFixture repo = new RepoFixture(dir)
                .packageJson(".", "{'scripts':{'start':'remix-serve ./build/index.js'},'dependencies':{'@remix-run/serve':'2'}}")
                .packageJson("remix.init", "{'name':'remix.init','main':'index.js','dependencies':{'semver':'7'}}")
                .file("remix.init/index.js", "module.exports = async ({ rootDirectory }) => {}")
                .packageJson("client", "{'scripts':{'build':'vite build'},'devDependencies':{'vite':'5'}}")
                .packageJson("server", "{'main':'index.js'}").file("server/index.js", "require('http').createServer().listen(8080)");
        Map<String, Language> apps = dirs(".", Language.NODE, "remix.init", Language.NODE, "client", Language.NODE,
                "server", Language.NODE);
        RepoFiles files = RepoFiles.walk(dir);
        assertEquals("remix.init is a helper package of the Node app in . (no start or build script, server "
                + "framework or listen(…) of its own), not an app", TemplateInputs.reason(files, "remix.init", apps));
        assertNull(TemplateInputs.reason(files, "client", apps), "a static front end builds on its own");
        assertNull(TemplateInputs.reason(files, "server", apps), "it serves");
        assertNull(TemplateInputs.reason(files, ".", apps));
    }

    @Test
    void placeholdersAndACliPackagesPublishedTemplatesAreNotApps() {
        RepoFixture repo = new RepoFixture(dir)
                .packageJson(".", "{'name':'create-thing','bin':{'create-thing':'index.js'},'files':['index.js','templates/']}")
                .packageJson("templates/react", "{'scripts':{'start':'vite','build':'vite build'},'dependencies':{'react':'18'}}")
                .file("{{cookiecutter.project_slug}}/requirements.txt", "flask")
                .packageJson("starter", "{'name':'<%= name %>','scripts':{'start':'node server.js'}}")
                .packageJson("web", "{'name':'web','scripts':{'start':'node server.js','ci':'echo ${{ github.sha }}'}}");
        Map<String, Language> apps = dirs("templates/react", Language.NODE, "{{cookiecutter.project_slug}}", Language.PYTHON,
                "starter", Language.NODE, "web", Language.NODE);
        RepoFiles files = RepoFiles.walk(dir);
        assertEquals("templates/react is data of the CLI package in . (its package.json publishes 'templates' with its bin), "
                + "not an app", TemplateInputs.reason(files, "templates/react", apps));
        assertEquals("{{cookiecutter.project_slug}} is a template (its path is a placeholder a generator fills in), not an app",
                TemplateInputs.reason(files, "{{cookiecutter.project_slug}}", apps));
        assertEquals("starter is a template (starter/package.json holds placeholders a generator fills in), not an app",
                TemplateInputs.reason(files, "starter", apps));
        assertNull(TemplateInputs.reason(files, "web", apps), "a GitHub Actions expression is no placeholder");
    }
}
