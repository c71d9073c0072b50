package dev.devops.lint.secrets;

import dev.devops.files.DirPattern;
import dev.devops.files.FileKinds;
import dev.devops.files.PathClasses;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a secret-shaped value was found, which decides whether and how loudly it is reported (the
 * severity model of docs/SECRET-RULES.md): provider-format tokens and private keys are reported
 * everywhere; the generic, name-based detectors (passwords, secrets, connection URIs, JWTs, committed
 * env files) stay silent in {@link #quiet() tests, documentation and vendored code}, report only
 * real-looking values in examples, and report a default or development credential in runnable
 * configuration and code as a warning rather than dropping it as a placeholder.
 */
enum Context {
    /** Test code and test data ({@link FileKinds#isTest}, a {@code .env.test}). */
    TEST("test file"),
    /** Documentation ({@link FileKinds#isDocs}). */
    DOCS("documentation"),
    /** Third-party or generated code ({@link FileKinds#isVendored}). */
    VENDORED("vendored or generated code"),
    /**
     * Examples and templates: {@code .env.example}, {@code application-secret-samples.yml}, {@code config.example.yaml},
     * a generator's answers ({@code .yo-rc.json}), HTTP request collections ({@code requests.http}).
     */
    EXAMPLE("example or template"),
    /** The project's source code. */
    CODE("code"),
    /** Configuration the stack runs with: compose, env files, Kubernetes manifests, app config, CI workflows. */
    RUNNABLE("runnable config");

    private static final Pattern EXAMPLE_NAME = Pattern.compile(
            "(?i)(?:.*[._-])?(example|examples|sample|samples|template|templates|tpl|tmpl|dist|skel)(?:[._-].*)?");
    /**
     * A schema by name ({@code config.schema.json}, {@code values.schema.yaml}): it documents settings. Not in source
     * code, where a schema is a data model ({@code user_schema.py}, an Ecto schema, a mix task that exports one).
     */
    private static final Pattern SCHEMA_NAME = Pattern.compile("(?i)(?:.*[._-])?schema(?:[._-].*)?");
    /**
     * API descriptions (OpenAPI, Swagger, AsyncAPI): their {@code example:} values document a request; GraphQL schema
     * and operation documents ({@code *.graphql}, {@code *.graphqls}, {@code *.gql}): {@code password: String!} is a
     * field and its type.
     */
    private static final Pattern API_SPEC = Pattern.compile("(?i)(openapi|swagger|asyncapi)[^/]*\\.(ya?ml|json)|[^/]*\\.(graphqls?|gql)");
    /** Directories of examples: examples/, _example/, samples/. */
    private static final DirPattern EXAMPLE_DIR = DirPattern.ignoringCase("_?(?:examples?|samples?)");

    final String label;

    Context(String label) {
        this.label = label;
    }

    /** Whether the generic name-based detectors are silent here. */
    boolean quiet() {
        return this == TEST || this == DOCS || this == VENDORED;
    }

    static Context of(String path, FileKind kind, PathClasses classes) {
        if (classes.isTest(path) || FileKinds.isTestDotenv(path)) {
            return TEST;
        }
        if (kind == FileKind.DOCS || classes.isDocs(path) || API_SPEC.matcher(FileKinds.name(path)).matches()) {
            return DOCS;
        }
        if (FileKinds.isVendored(path)) {
            return VENDORED;
        }
        String name = FileKinds.name(path).toLowerCase(Locale.ROOT);
        if (kind == FileKind.ENV_EXAMPLE || EXAMPLE_NAME.matcher(name).matches()
                || kind != FileKind.CODE && SCHEMA_NAME.matcher(name).matches() || EXAMPLE_DIR.matches(path)
                || FileKinds.isGeneratorAnswers(path) || FileKinds.isRequestCollection(path)) {
            return EXAMPLE;
        }
        return kind == FileKind.CODE ? CODE : RUNNABLE;
    }
}
