package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonDetectionTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("blog"));
    }

    @Test
    void flaskWithGunicorn() {
        repo.file("requirements.txt", "# web", "Flask==3.0.0", "gunicorn>=21", "psycopg2-binary==2.9.9", "redis")
                .file(".python-version", "3.11.4")
                .file("web/db.py", "import psycopg2", "import redis")
                .file("web/__init__.py", "from flask import Flask", "", "app = Flask(__name__)",
                        "@app.route('/health')", "def health(): return 'ok'");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(Language.PYTHON, a.runtime().language());
        assertEquals("3.11", a.runtime().version());
        assertEquals("pip", a.runtime().buildTool());
        assertEquals("flask", a.runtime().framework());
        assertEquals(8000, a.port());
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "web:app"), a.start());
        assertEquals("/health", a.healthcheck());
        assertEquals(List.of("postgres", "redis"), a.dependsOn());
        assertEvidence(d, "python 3.11 from .python-version");
        assertEvidence(d, "postgres from requirements.txt:4 dependency 'psycopg2-binary'");
        assertEvidence(d, "app object web:app from web/__init__.py:3");
    }

    @Test
    void flaskWithoutGunicornUsesFlaskRunAndTheRunPort() {
        repo.file("requirements.txt", "flask")
                .file("app.py", "from flask import Flask", "app = Flask(__name__)",
                        "if __name__ == '__main__':", "    app.run(host='0.0.0.0', port=5000)");
        App a = repo.app();
        assertEquals(5000, a.port());
        assertEquals(List.of("python", "-m", "flask", "--app", "app", "run", "--host", "0.0.0.0", "--port", "5000"),
                a.start());
    }

    @Test
    void aPrivilegedPortMovesTo8000BecauseTheImageRunsAsNonRoot() {
        // dockersamples/example-voting-app's vote: app.run(host='0.0.0.0', port=80) behind gunicorn
        repo.file("requirements.txt", "Flask", "gunicorn")
                .file("app.py", "from flask import Flask", "app = Flask(__name__)",
                        "if __name__ == '__main__':", "    app.run(host='0.0.0.0', port=80)");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(8000, a.port());
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "app:app"), a.start());
        assertEvidence(d, "port 8000: app.py:4 asks for privileged port 80, which the image's non-root user cannot bind");
    }

    @Test
    void aWorkerWithoutAWebFrameworkHasNoPortAndStartsItsMainScript() {
        repo.file("requirements.txt", "redis>=4.3")
                .file("consume.py", "import os", "import redis", "",
                        "client = redis.Redis.from_url(os.environ['REDIS_URL'])", "",
                        "if __name__ == \"__main__\":", "    print(client.ping())")
                .file("helpers.py", "def f():", "    return 1");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(null, a.port());
        assertEquals(List.of("python", "consume.py"), a.start());
        assertEvidence(d, "no port: no web framework and no port literal (a worker)");
        assertEvidence(d, "start 'python consume.py' (consume.py has an if __name__ == \"__main__\" block)");
    }

    @Test
    void fastapiWithPoetry() {
        repo.file("pyproject.toml", "[tool.poetry]", "name = \"blog\"", "", "[tool.poetry.dependencies]",
                        "python = \"^3.11\"", "fastapi = \"^0.110\"", "uvicorn = \"*\"", "asyncpg = \"*\"")
                .file("src/main.py", "from fastapi import FastAPI", "api = FastAPI()",
                        "@api.get('/api/health')", "def h(): return {}")
                .file("src/db.py", "import asyncpg");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("poetry", a.runtime().buildTool());
        assertEquals("3.11", a.runtime().version());
        assertEquals("fastapi", a.runtime().framework());
        assertEquals(List.of("uvicorn", "src.main:api", "--host", "0.0.0.0", "--port", "8000"), a.start());
        assertEquals("/api/health", a.healthcheck());
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEvidence(d, "poetry from pyproject.toml [tool.poetry]");
    }

    /** The app object a factory of its module builds ({@code app = get_application()}) is the server's target. */
    @Test
    void anAppObjectBuiltByAFactoryOfItsModuleIsTheTarget() {
        repo.file("requirements.txt", "fastapi", "uvicorn")
                .file("app/__init__.py", "")
                .file("app/main.py", "from fastapi import FastAPI", "", "def get_application() -> FastAPI:",
                        "    application = FastAPI(title='x')", "    return application", "", "", "app = get_application()");
        assertEquals(List.of("uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"), repo.app().start());
    }

    /** Class 1: Django refuses an empty SECRET_KEY, and a value split at once fails unset: both are required. */
    @Test
    void djangoSettingsThatFailUnsetAreRequiredAlthoughReadWithGet() {
        repo.file("requirements.txt", "django", "gunicorn")
                .file("manage.py", "import os")
                .file("core/settings.py", "import os", "from django.core.management.utils import get_random_secret_key",
                        "SECRET_KEY = os.environ.get(\"SECRET_KEY\")",
                        "ALLOWED_HOSTS = os.environ.get(\"DJANGO_ALLOWED_HOSTS\").split(\" \")",
                        "SENTRY_DSN = os.environ.get(\"SENTRY_DSN\")");
        App a = repo.app();
        assertEquals(true, a.env().get("SECRET_KEY").required());
        assertEquals(true, a.env().get("DJANGO_ALLOWED_HOSTS").required());
        assertEquals(false, a.env().get("SENTRY_DSN").required());
    }

    @Test
    void pep621WithUvLock() {
        repo.file("pyproject.toml", "[project]", "name = \"blog\"", "requires-python = \">=3.10,<4\"",
                        "dependencies = [\"Django>=5\", \"gunicorn\", \"PyMySQL\"]")
                .file("uv.lock", "version = 1")
                .file("manage.py", "import os")
                .file("blog/settings.py", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
                        "DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql'}}")
                .file("blog/wsgi.py", "application = get_wsgi_application()");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("uv", a.runtime().buildTool());
        assertEquals("3.10", a.runtime().version());
        assertEquals("django", a.runtime().framework());
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "blog.wsgi"), a.start());
        assertEquals(List.of("mysql"), a.dependsOn());
        assertEvidence(d, "python 3.10 from pyproject.toml requires-python \">=3.10,<4\"");
        assertEquals(true, a.env().get("DJANGO_SECRET_KEY").secret());
    }

    /** Class 3: the test suite's settings class (flasky's TestingConfig, CTFd's) reads variables the app never does. */
    @Test
    void aTestSettingsClassReadsAreNotTheApps() {
        repo.file("requirements.txt", "Flask", "gunicorn", "psycopg2-binary")
                .file("app.py", "from flask import Flask", "app = Flask(__name__)")
                .file("config.py", "import os", "class Config:",
                        "    SECRET_KEY = os.environ.get('SECRET_KEY', 'dev')", "",
                        "class TestingConfig(Config):  # the test suite's",
                        "    TESTING = True",
                        "    SQLALCHEMY_DATABASE_URI = os.environ.get('TEST_DATABASE_URL') or 'sqlite://'", "",
                        "    # still the test class", "",
                        "class ProductionConfig(Config):",
                        "    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL')");
        App a = repo.app();
        assertEquals(false, a.env().containsKey("TEST_DATABASE_URL"), a.env().keySet().toString());
        assertEquals(true, a.env().containsKey("DATABASE_URL"));
    }

    @Test
    void djangoWithoutGunicornRunsTheDevServer() {
        repo.file("requirements.txt", "django").file("manage.py", "");
        assertEquals(List.of("python", "manage.py", "runserver", "0.0.0.0:8000"), repo.app().start());
    }

    @Test
    void pipenvWithRequiresVersion() {
        repo.file("Pipfile", "[packages]", "flask = \"*\"", "pika = \"*\"", "", "[requires]", "python_version = \"3.9\"")
                .file("app.py", "app = Flask(__name__)")
                .file("queue.py", "import pika");
        App a = repo.app();
        assertEquals("pipenv", a.runtime().buildTool());
        assertEquals("3.9", a.runtime().version());
        assertEquals(List.of("rabbitmq"), a.dependsOn());
    }

    @Test
    void runtimeTxtAndDefault() {
        repo.file("requirements.txt", "requests").file("main.py", "print(1)").file("runtime.txt", "python-3.10.12");
        App a = repo.app();
        assertEquals("3.10", a.runtime().version());
        assertEquals(List.of("python", "main.py"), a.start());
        repo.file("runtime.txt", "");
        assertEquals(PythonStack.DEFAULT_VERSION, repo.app().runtime().version());
    }

    @ParameterizedTest
    @CsvSource({"psycopg,postgres,import psycopg", "psycopg2,postgres,import psycopg2",
        "mysqlclient,mysql,import MySQLdb as mysql", "mysql-connector-python,mysql,import mysql.connector",
        "pymongo,mongodb,from pymongo import MongoClient", "motor,mongodb,from motor.motor_asyncio import AsyncIOMotorClient",
        "mongoengine,mongodb,import mongoengine", "aio-pika,rabbitmq,import aio_pika", "kafka-python,kafka,from kafka import KafkaProducer",
        "confluent-kafka,kafka,from confluent_kafka import Producer", "aiokafka,kafka,import aiokafka"})
    void services(String dependency, String service, String usage) {
        repo.file("requirements.txt", dependency + "==1.0").file("main.py", usage);
        assertEquals(List.of(service), repo.app().dependsOn());
    }

    @Test
    void celeryAloneImpliesNoService() {
        repo.file("requirements.txt", "celery").file("main.py", "");
        assertEquals(List.of(), repo.app().dependsOn());
    }

    @Test
    void requirementsWithoutPythonCodeIsNoApp() {
        repo.file("docs/requirements.txt", "sphinx").packageJson(".", "{'main':'index.js'}");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size());
        assertEquals(Language.NODE, d.descriptor().apps().get(0).runtime().language());
    }
}
