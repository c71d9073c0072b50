package dev.devops.lint.secrets;

import dev.devops.files.DirPattern;
import dev.devops.files.FileKinds;
import dev.devops.files.PathClasses;
import java.util.Locale;
import java.util.regex.Matcher;
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
     * a configure input ({@code test_config.json.in}),
     * a generator's answers ({@code .yo-rc.json}), HTTP request collections ({@code requests.http}).
     */
    EXAMPLE("example or template"),
    /** The project's source code. */
    CODE("code"),
    /** Configuration the stack runs with: compose, env files, Kubernetes manifests, app config, CI workflows. */
    RUNNABLE("runnable config");

    private static final Pattern EXAMPLE_NAME = Pattern.compile(
            "(?i)(?:.*[._-])?(example|examples|sample|samples|template|templates|tpl|tmpl|dist|skel)(?:[._-].*)?"
                    // a configure or CMake input a build fills in (config.json.in, settings.py.in): a template
                    + "|.+\\.(?:json|ya?ml|conf|cfg|ini|py|php|xml|toml|properties|env|sh)\\.in");
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
    /**
     * Directories of API descriptions ({@code openapi/}, {@code swagger-docs/}): a description split into files
     * ({@code openapi/paths/products.yaml}), whose code samples show a request with a sample token.
     */
    private static final DirPattern API_SPEC_DIR = DirPattern.ignoringCase("[^/]*(?:openapi|swagger|asyncapi)[^/]*");
    private static final Pattern YAML_OR_JSON = Pattern.compile("(?i).*\\.(?:ya?ml|json)");
    /**
     * An API description by content, whatever its name ({@code api.yaml}, {@code spec/v1.json}): its version key at the
     * top level ({@code openapi: 3.0.3}, {@code swagger: "2.0"}, {@code "openapi": "3.1.0"}).
     */
    private static final Pattern API_SPEC_VERSION = Pattern.compile(
            "(?m)^\\{?\\s*[\"']?(?:openapi|swagger|asyncapi)[\"']?\\s*:\\s*[\"']?\\d");
    /**
     * A JSON Schema document by content: a top-level {@code $schema} naming a draft of json-schema.org
     * ({@code "$schema": "https://json-schema.org/draft/2020-12/schema"}) before its {@code properties} or
     * {@code definitions}. Its descriptions, defaults and examples document settings (a settings schema's Markdown
     * {@code details: |-} with a code sample); no program runs with them. A configuration file that only points editors
     * at its schema ({@code "$schema": "https://json.schemastore.org/…"}) is not one.
     */
    private static final Pattern JSON_SCHEMA_DRAFT = Pattern.compile(
            "(?m)^\\{?\\s*[\"']?\\$schema[\"']?\\s*:\\s*[\"']?https?://json-schema\\.org/[^\\n]*(?:\\n[^\\n]*){0,40}?"
            + "\\n\\s*[\"']?(?:properties|definitions|\\$defs)[\"']?\\s*:");
    /**
     * A Kubernetes CustomResourceDefinition: the OpenAPI schema of a resource, whose {@code description:} prose names
     * the keys a referenced Secret holds ({@code - aws_secret_access_key: Secret Access Key, …}). A document's kind at
     * the top level; the file is a schema only when every document in it is one (an install bundle that also holds a
     * Secret or a Deployment is configuration).
     */
    private static final Pattern TOP_LEVEL_KIND = Pattern.compile("(?m)^kind:[ \\t]*[\"']?([A-Za-z]+)");
    /** How far into a file its version key is looked for. */
    private static final int API_SPEC_HEAD = 4096;
    /** Directories of examples: examples/, _example/, samples/. */
    private static final DirPattern EXAMPLE_DIR = DirPattern.ignoringCase("_?(?:examples?|samples?)");
    /**
     * Directories of schemas ({@code schema/}, {@code schemas/}): the YAML and JSON files in them describe data and
     * requests, as a schema file by name does ({@link #SCHEMA_NAME}); an API described in pieces
     * ({@code backend/schema/paths/users/post.json}) gives sample request bodies under {@code example:}.
     */
    private static final DirPattern SCHEMA_DIR = DirPattern.ignoringCase("schemas?");

    final String label;

    Context(String label) {
        this.label = label;
    }

    /** Whether the generic name-based detectors are silent here. */
    boolean quiet() {
        return this == TEST || this == DOCS || this == VENDORED;
    }

    /**
     * {@link #of(String, FileKind, PathClasses)}, and a YAML or JSON text that describes data rather than configures a
     * program ({@link #describesSchema}) is documentation.
     */
    static Context of(String path, FileKind kind, PathClasses classes, String text) {
        Context c = of(path, kind, classes);
        if (c == RUNNABLE && text != null && YAML_OR_JSON.matcher(path).matches() && describesSchema(text)) {
            return DOCS;
        }
        return c;
    }

    /**
     * Whether a YAML or JSON text is a description of data by its content, whatever its name: an API description
     * ({@link #API_SPEC_VERSION}), a JSON Schema document ({@link #JSON_SCHEMA_DRAFT}) or Kubernetes
     * CustomResourceDefinitions only ({@link #onlyResourceDefinitions}). Their descriptions, defaults and examples
     * document values; no program runs with them.
     */
    private static boolean describesSchema(String text) {
        int head = Math.min(text.length(), API_SPEC_HEAD);
        return API_SPEC_VERSION.matcher(text).region(0, head).find() || JSON_SCHEMA_DRAFT.matcher(text).region(0, head).find()
                || onlyResourceDefinitions(text);
    }

    /** Whether the YAML text has a top-level kind and every one is CustomResourceDefinition. */
    private static boolean onlyResourceDefinitions(String text) {
        if (!text.contains("CustomResourceDefinition")) {
            return false;
        }
        Matcher m = TOP_LEVEL_KIND.matcher(text);
        boolean any = false;
        while (m.find()) {
            if (!m.group(1).equals("CustomResourceDefinition")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static Context of(String path, FileKind kind, PathClasses classes) {
        if (classes.isTest(path) || FileKinds.isTestDotenv(path)) {
            return TEST;
        }
        if (kind == FileKind.DOCS || classes.isDocs(path) || API_SPEC.matcher(FileKinds.name(path)).matches()
                || API_SPEC_DIR.matches(path) && YAML_OR_JSON.matcher(path).matches()) {
            return DOCS;
        }
        if (FileKinds.isVendored(path)) {
            return VENDORED;
        }
        String name = FileKinds.name(path).toLowerCase(Locale.ROOT);
        if (kind == FileKind.ENV_EXAMPLE || EXAMPLE_NAME.matcher(name).matches()
                || kind != FileKind.CODE && SCHEMA_NAME.matcher(name).matches() || EXAMPLE_DIR.matches(path)
                || SCHEMA_DIR.matches(path) && YAML_OR_JSON.matcher(path).matches()
                || FileKinds.isGeneratorAnswers(path) || FileKinds.isRequestCollection(path)) {
            return EXAMPLE;
        }
        return kind == FileKind.CODE ? CODE : RUNNABLE;
    }
}
