package dev.devops.lint.env;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The ENV (env parity, dotenv syntax) and DRIFT (runtime versions, generated files) rules: id, default
 * severity, summary and explanation, in one place so {@code devops rules} and docs/RULES.md read them.
 *
 * <p>Severities: error for what leaks or breaks now (a tracked .env, an unreadable or unparsable
 * assignment); warning for drift that makes "works on my machine" happen (an undocumented read, a
 * compose variable nobody sets, a near-miss name, a version mismatch); info for hygiene and for what is
 * normal in a repository but worth knowing (secrets that must be set before deploy, unused example
 * keys, style).
 */
final class EnvRules {
    /** One rule's metadata. */
    record Rule(String id, String title, Severity severity, String category, String explanation) {
        RuleInfo info() {
            return new RuleInfo(id, title, severity, category, explanation);
        }
    }

    private static final List<Rule> ENV = new ArrayList<>();
    private static final List<Rule> DRIFT = new ArrayList<>();

    static final Rule UNDOCUMENTED = env("ENV0001", "Variable read by the code but missing from .env.example",
            Severity.WARNING, """
            The code (or a script) reads an environment variable that .env.example does not list, so a new \
            developer or a deploy has no way to know it must be set. Reads in JS/TS, Java (System.getenv, \
            Spring ${X} placeholders), Python, Go and shell scripts are found, and so are the keys of \
            schemas that validate the environment: envalid cleanEnv, zod and Joi objects validated against \
            process.env in the same file, @t3-oss/env createEnv, and pydantic BaseSettings fields (upper-cased, \
            with env_prefix or alias). Variables that compose or the \
            Dockerfile set to a literal value for the container, and platform variables (NODE_ENV, HOME, \
            PATH, CI …) do not count. The finding is info instead of a warning when every read has a \
            default in the code (or a schema marks it optional) or is in a shell script. Fix: add the variable to .env.example with a \
            placeholder value and a comment.""");
    static final Rule NO_EXAMPLE = env("ENV0002", "The repository reads variables but has no .env.example", Severity.INFO, """
            The code reads environment variables and nothing documents them. A .env.example (committed, with \
            placeholder values) is the conventional list of what must be set; `devops init` writes one. \
            Reported once, naming the first variables read.""");
    static final Rule UNUSED = env("ENV0003", "Key in .env.example that nothing uses", Severity.INFO, """
            .env.example lists a variable that no code, script, Dockerfile, compose file (interpolation or \
            environment entry), devops.yaml or other configuration file (YAML, JSON, TOML, properties …) \
            even mentions — a name written anywhere there counts as used, so reads through a schema \
            (Joi, zod, envalid, pydantic-settings) are not reported. Stale entries make people hunt for values that do \
            nothing. Keys passed with env_file to a third-party image (no build) count as used. Not \
            reported when the repository has source code in a language the scanner cannot read. Fix: \
            delete the key, or fix the name the code reads.""");
    static final Rule TRACKED = env("ENV0004", ".env file tracked by git", Severity.ERROR, """
            A .env (or .env.<environment>, .env.local) file is committed. These files hold real local \
            values, often secrets; once committed they are in the history for good. Severity follows what \
            the file holds (docs/SECRET-RULES.md): error when it sets a credential to a live-looking value, \
            warning when its credentials are development defaults (change-me, postgres), info when it sets \
            no credential (plain settings) or is a test environment (.env.test). Fix: `git rm --cached \
            <file>`, add it to .gitignore, commit, and rotate every secret it held. Example files \
            (.env.example, .env.sample, .env.template, .env.dist) are meant to be committed and are not \
            reported. When .gitignore already lists the file it was added before the ignore rule: \
            ignoring does not untrack it. Some frameworks (Next.js, Vite) commit .env.development /             .env.production holding only public defaults on purpose; if that is your case, keep secrets             out of them and suppress this finding for those paths in devops.yaml.""");
    static final Rule LOCAL_NOT_IN_EXAMPLE = env("ENV0005", "Key in .env missing from .env.example", Severity.WARNING, """
            Your local .env sets a variable .env.example does not document, so the next person's setup \
            lacks it. Values are never printed. Fix: add the key (with a placeholder) to .env.example, or \
            delete it from .env if nothing needs it.""");
    static final Rule EXAMPLE_NOT_IN_LOCAL = env("ENV0006", "Key in .env.example missing from .env", Severity.INFO, """
            .env.example documents a variable your local .env does not set; the app may fail or fall back to \
            a default locally. Info, because optional variables are often left out on purpose. Fix: copy \
            the key into .env and give it a value.""");
    static final Rule ENVIRONMENT_KEYS = env("ENV0007", ".env.<environment> files set different keys", Severity.WARNING, """
            .env.development, .env.staging, .env.production … in one directory should set the same \
            variables with different values; a key present in one and missing in another is the classic \
            'works in staging, breaks in production'. The finding on each file names the keys it lacks \
            and where the others set them. (.local override files are not compared.)""");
    static final Rule COMPOSE_UNSET = env("ENV0008", "Compose ${X} with no default that is not in .env.example or .env",
            Severity.WARNING, """
            A compose file interpolates ${X} or $X with no default (${X:-default}) and no error message \
            (${X:?message}), and neither .env.example nor .env next to it sets X. docker compose then \
            substitutes an empty string with only a warning, which usually breaks the container at run \
            time. Fix: add X to .env.example (and your .env), or give it a default in the compose file.""");
    static final Rule REQUIRED_UNSET = env("ENV0009", "Required variable missing from the local .env", Severity.INFO, """
            A variable is required — ${X:?message} in compose, or `required: true` in devops.yaml — and \
            the local .env exists but does not set it, while no default or compose environment entry gives \
            it a value: `devops up` (and docker compose) will stop with the error message. Reported only \
            when a .env exists: a repository as committed (no .env at all) is the normal state, and CI \
            or the deploy environment sets the value. Fix: add X=… to your .env (copy the line from \
            .env.example).""");
    static final Rule NEAR_MISS = env("ENV0010", "Variable name is a near miss of one defined elsewhere", Severity.WARNING, """
            The code reads a variable that nothing defines, while .env.example, .env, compose or the \
            Dockerfile define one with an almost identical name (MYSQL_PASS vs MYSQL_PASSWORD, \
            DATABSE_URL vs DATABASE_URL). One of the two is a typo, and the app sees an unset variable. \
            Fix: use the same name on both sides.""");
    static final Rule DUPLICATE_KEY = env("ENV0011", "Dotenv: duplicate key", Severity.WARNING, """
            A dotenv file sets the same key twice. docker compose and most loaders keep the last value, \
            python-dotenv and others the first: the two halves of a team can run with different values. \
            Keep one assignment.""");
    static final Rule LOWERCASE_KEY = env("ENV0012", "Dotenv: key with lower-case letters", Severity.INFO, """
            Environment variable names are case-sensitive and conventionally UPPER_SNAKE_CASE; a \
            lower-case key in .env does not match the upper-case name the code reads (on Linux). Rename \
            the key.""");
    static final Rule SPACES_AROUND_EQUALS = env("ENV0013", "Dotenv: spaces around '='", Severity.WARNING, """
            KEY = value. docker compose trims the spaces, but a shell `source .env` fails, and some loaders \
            keep the spaces in the key or value. Write KEY=value.""");
    static final Rule INVALID_KEY = env("ENV0014", "Dotenv: line is not a valid KEY=VALUE assignment", Severity.ERROR, """
            A line is not an assignment (no '='), has no key, or the key has characters a shell cannot \
            export ('-', '.', spaces, a leading digit). Compose skips or rejects such lines, so the variable \
            silently never reaches the app. Use A-Z, 0-9 and '_' and write KEY=VALUE, or comment the line \
            out with #.""");
    static final Rule UNQUOTED_SPACES = env("ENV0015", "Dotenv: unquoted value with spaces", Severity.WARNING, """
            An unquoted value contains spaces. Compose keeps them, but `source .env` in a shell runs the \
            words after the first as a command, and some loaders cut the value. Quote it: KEY="two words".""");
    static final Rule WHITESPACE = env("ENV0016", "Dotenv: stray whitespace", Severity.INFO, """
            Trailing whitespace, an indented key, or a line of only spaces. Trailing spaces after an \
            unquoted value become part of the value in some loaders and are invisible in review. Delete \
            them.""");
    static final Rule FINAL_NEWLINE = env("ENV0017", "Dotenv: no newline at the end of the file", Severity.INFO, """
            The last line does not end with a newline. Appending with `echo KEY=v >> .env` then glues two \
            assignments together, and some tools drop the last line. End the file with a newline.""");
    static final Rule QUOTES = env("ENV0018", "Dotenv: unterminated or mismatched quotes", Severity.ERROR, """
            A quoted value is never closed, text follows the closing quote, or a quote sits inside an \
            unquoted value. Loaders then swallow the following lines into the value or keep the stray \
            quote. Close the quote, or quote the whole value. (A quote inside an unquoted value, as in \
            JSON={"a":1}, is only a warning: loaders keep it literally.)""");
    static final Rule EXPORT = env("ENV0019", "Dotenv: 'export' prefix", Severity.INFO, """
            `export KEY=value` works with docker compose and python-dotenv, but not with every loader \
            (dotenv for Node keeps 'export KEY' as the name in older versions, env_file in some tools \
            rejects it). A dotenv file is not a shell script: drop the prefix.""");
    static final Rule BLANK_LINES = env("ENV0020", "Dotenv: extra blank lines", Severity.INFO, """
            Two blank lines in a row, or a blank line at the end of the file. Harmless, but dotenv-linter \
            and most style guides keep one blank line between groups and none at the end.""");
    static final Rule SUBSTITUTION = env("ENV0021", "Dotenv: broken ${…} substitution", Severity.WARNING, """
            A value contains '${' with no closing '}', or ${…} with an invalid name. Compose fails to load \
            the file or substitutes an empty string. Write ${NAME}, or $$ for a literal dollar sign. (Single- \
            quoted values are literal and not checked.)""");
    static final Rule BINARY = env("ENV0022", "Dotenv file is binary or not UTF-8", Severity.ERROR, """
            The file is named like a dotenv file but is binary, or not valid UTF-8 (often a file saved as \
            UTF-16 by an editor on Windows). docker compose cannot read it. Save it as UTF-8 text, or \
            rename it if it is not an env file.""");

    static final Rule NOT_IGNORED = env("ENV0023", ".env file not ignored by git", Severity.WARNING, """
            A .env (or .env.<environment>, .env.local) file sits in the working tree untracked, and no             .gitignore rule covers it: the next `git add .` or `git commit -a` commits local values,             often secrets. Fix: add the file (or a pattern such as .env and .env.*, with !.env.example) to             .gitignore. Only reported inside a git repository.""");

    static final Rule UNWIRED_SERVICE = env("ENV0024", "Service the app depends on but no variable of the app points at",
            Severity.WARNING, """
            devops.yaml starts a backing service (a database, a cache, a broker) for an app, but no variable of \
            that app takes its value from the service (`from: SERVICE.ATTRIBUTE`, which compose sets to the \
            in-stack address) and the app's code does not name the service's host in a URL either. The app \
            keeps dialling its own default (often localhost, which inside a container is the app itself) while \
            the service runs unused: `devops up` reports a stack that can never work. It is the same fact `devops \
            init` warns about when it adds the service. Static sites are not checked. Fix: make the app read \
            its address from a variable and give that variable `from: SERVICE.url` (or host/port/user/password) \
            in devops.yaml, or remove the service from the app's dependsOn.""");

    static final Rule GENERATED_DRIFT = drift("DRIFT0001", "Generated file differs from what devops.yaml renders",
            Severity.WARNING, """
            A file devops generated from devops.yaml (it starts with the 'Generated by devops' header) no \
            longer matches what devops.yaml renders now: either the file was edited by hand or devops.yaml \
            changed and nobody re-rendered. The finding carries the diff. Fix: when the file is still as \
            devops wrote it (its devops-sha256 stamp matches), run `devops render`; when it was edited by \
            hand, move the edit into devops.yaml and run `devops render --force`. Hand-written files without \
            the header are never reported.""");
    static final Rule GENERATED_MISSING = drift("DRIFT0002", "Generated file is missing", Severity.WARNING, """
            devops.yaml renders a file (Dockerfile, .dockerignore, .env.example, docker-compose.yml) that \
            does not exist in the repository. Fix: run `devops render`.""");
    static final Rule IMAGE_VERSION = drift("DRIFT0003", "Base image version differs from the project's version file",
            Severity.WARNING, """
            The Dockerfile builds or runs on a different runtime version than the project states (.nvmrc, \
            .node-version, engines.node, .tool-versions, volta; maven.compiler.release, java.version, \
            toolchains, Gradle toolchain; .python-version, requires-python, runtime.txt; go.mod go / \
            toolchain). Tests pass locally on one version and production runs another. Versions are \
            compared at the precision both sides state (node and java major, python and go major.minor): \
            node 20 and node:20.11-alpine agree. ARG-substituted tags are resolved through the ARG \
            defaults. Fix: change the FROM tag or the version file so they agree.""");
    static final Rule CI_VERSION = drift("DRIFT0004", "CI workflow runtime version differs from the project's version file",
            Severity.WARNING, """
            A GitHub Actions workflow sets up a different runtime version (actions/setup-node node-version, \
            setup-java java-version, setup-python python-version, setup-go go-version) than the project's \
            version file: CI tests a version nobody runs. Matrix entries (${{ matrix.node }}) and \
            *-version-file inputs are not compared. Fix: use the same version, or point the action at the \
            version file (node-version-file: .nvmrc).""");
    static final Rule DESCRIPTOR_VERSION = drift("DRIFT0005", "devops.yaml runtime.version differs from the version file",
            Severity.WARNING, """
            devops.yaml pins an app's runtime.version (which the generated Dockerfile uses) to a different \
            version than the app's own version file. Fix: update runtime.version (and re-render) or the \
            version file.""");
    static final Rule VERSION_FILES = drift("DRIFT0006", "Version files disagree with each other", Severity.WARNING, """
            Two version files of the same project state different versions of one runtime (.nvmrc says 18, \
            package.json engines says >=20; pom.xml java.version 17 but the compiler release 21). Tools \
            pick different ones (nvm reads .nvmrc, Volta package.json, CI the workflow). Keep one source of \
            truth.""");

    private EnvRules() {
    }

    private static Rule env(String id, String title, Severity s, String explanation) {
        Rule r = new Rule(id, title, s, "env", explanation.strip());
        ENV.add(r);
        return r;
    }

    private static Rule drift(String id, String title, Severity s, String explanation) {
        Rule r = new Rule(id, title, s, "drift", explanation.strip());
        DRIFT.add(r);
        return r;
    }

    static List<RuleInfo> env() {
        return ENV.stream().map(Rule::info).toList();
    }

    static List<RuleInfo> drift() {
        return DRIFT.stream().map(Rule::info).toList();
    }
}
