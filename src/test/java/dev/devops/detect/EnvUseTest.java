package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 class 1: a read that copes with an unset variable by its syntax but whose value the code needs at once. */
class EnvUseTest {
    @TempDir
    Path dir;

    private static EnvReference read(String file, String text, String name) {
        return read(file, text, name, null);
    }

    /** The read as the scanner reports it: its line, the column of its name, the default it found. */
    private static EnvReference read(String file, String text, String name, String def) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int c = lines[i].indexOf("\"" + name + "\"");
            if (c >= 0) {
                return new EnvReference(name, file, i + 1, c + 2, def, EnvReference.Kind.PYTHON_ENVIRON, def == null);
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aValueUsedAtOnceOrADjangoSecretKeyIsRequired() {
        String settings = String.join("\n", "from django.core.management.utils import get_random_secret_key",
                "SECRET_KEY = os.environ.get(\"SECRET_KEY\")",
                "DEBUG = int(os.environ.get(\"DEBUG\", default=0))",
                "ALLOWED_HOSTS = os.environ.get(\"DJANGO_ALLOWED_HOSTS\").split(\" \")",
                "SENTRY = os.environ.get(\"SENTRY_DSN\")",
                "CACHE = os.getenv(\"CACHE_URL\", \"\").split(\",\")",
                "NAME = os.environ.get(\"APP_NAME\")[0:3]");
        RepoFixture repo = new RepoFixture(dir.resolve("a")).file("core/settings.py", settings);
        RepoFiles files = RepoFiles.walk(repo.root);
        assertTrue(EnvUse.failsWhenUnset(files, List.of(read("core/settings.py", settings, "SECRET_KEY"))));
        assertTrue(EnvUse.failsWhenUnset(files, List.of(read("core/settings.py", settings, "DJANGO_ALLOWED_HOSTS"))));
        assertTrue(EnvUse.failsWhenUnset(files, List.of(read("core/settings.py", settings, "APP_NAME"))));
        assertFalse(EnvUse.failsWhenUnset(files, List.of(read("core/settings.py", settings, "SENTRY_DSN"))));
        assertFalse(EnvUse.failsWhenUnset(files, List.of(read("core/settings.py", settings, "CACHE_URL", ""))),
                "a default makes the call safe: split of the default");
    }

    @Test
    void aFlaskSecretKeyOutsideDjangoSettingsIsNotRequiredByThisRule() {
        String config = "SECRET_KEY = os.environ.get(\"SECRET_KEY\")\n";
        RepoFixture repo = new RepoFixture(dir.resolve("b")).file("project/config.py", config);
        assertFalse(EnvUse.failsWhenUnset(RepoFiles.walk(repo.root), List.of(read("project/config.py", config, "SECRET_KEY"))));
    }
}
