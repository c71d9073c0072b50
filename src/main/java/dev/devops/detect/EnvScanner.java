package dev.devops.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds environment variable reads in source and configuration files: JavaScript/TypeScript
 * ({@code process.env}, destructuring, {@code import.meta.env}), Java ({@code System.getenv}, Spring
 * {@code ${X:default}} placeholders in application*.properties|yml and {@code @Value}), Python
 * ({@code os.environ}, {@code os.getenv}), Go ({@code os.Getenv}, {@code os.LookupEnv}) and Prisma schemas
 * ({@code env("X")}); and the keys
 * of schemas that validate the environment ({@link EnvSchemas}: envalid, zod, Joi, {@code @t3-oss/env},
 * pydantic {@code BaseSettings}).
 *
 * <p>One reader per syntax, chosen here by the file's name ({@code EnvReadsJs}, {@code EnvReadsJava},
 * {@code EnvReadsSpringConfig}, {@code EnvReadsPython}, {@code EnvReadsGo}, {@code EnvReadsPrisma},
 * {@code EnvReadsOrmJson}), on {@link EnvReads} (what they share: adding a read, deciding required or optional).
 *
 * <p>A regex scanner, not a parser: line comments are ignored, block comments only on lines that start
 * with {@code *}. Shell scripts are not scanned ({@code $X} there is too noisy to be a useful read).
 * Huge (over 1 MB), binary and minified files yield nothing.
 */
public final class EnvScanner {

    enum Syntax { JS, JAVA, SPRING_CONFIG, PYTHON, GO, PRISMA, ORM_JSON }

    /** next.config's {@code env: {…}} block, whose keys Next.js inlines when it builds (also {@link NodeStack#nextConfigEnvKeys}). */
    static final Pattern NEXT_ENV_BLOCK = Pattern.compile("\\benv\\s*:\\s*\\{");

    private EnvScanner() {
    }

    /** Whether {@code relativePath} is JavaScript/TypeScript (or a Vue/Svelte component) by its extension. */
    public static boolean isJavaScript(String relativePath) {
        return syntax(relativePath) == Syntax.JS;
    }

    /** Whether {@code relativePath} is a file this scanner reads (by name and extension). */
    public static boolean supports(String relativePath) {
        return syntax(relativePath) != null;
    }

    /**
     * Reads {@code root/relativePath} and returns its variable reads in file order. Files over 1 MB,
     * binary and minified files yield an empty list; a file that cannot be read is a UserError naming it.
     */
    public static List<EnvReference> scan(Path root, String relativePath) {
        if (!supports(relativePath)) {
            return List.of();
        }
        String text = Texts.readSource(root, relativePath);
        return text == null ? List.of() : scan(relativePath, text);
    }

    /** The variable reads in {@code content}, a file at {@code relativePath} (forward slashes), in order. */
    public static List<EnvReference> scan(String relativePath, String content) {
        Syntax syntax = syntax(relativePath);
        if (syntax == null || !Texts.looksScannable(relativePath, content)) {
            return List.of();
        }
        if (!mentionsEnv(syntax, content)) {
            return List.of(); // the cheap keyword check spares most files every regex
        }
        SourceLexer.Lines lines = new SourceLexer.Lines(content);
        List<EnvReference> out = new ArrayList<>();
        EnvReads s = switch (syntax) {
            case JS -> new EnvReadsJs(relativePath, content, lines, out);
            case JAVA -> new EnvReadsJava(relativePath, content, lines, out);
            case SPRING_CONFIG -> new EnvReadsSpringConfig(relativePath, content, lines, out);
            case PYTHON -> new EnvReadsPython(relativePath, content, lines, out);
            case GO -> new EnvReadsGo(relativePath, content, lines, out);
            case PRISMA -> new EnvReadsPrisma(relativePath, content, lines, out);
            case ORM_JSON -> new EnvReadsOrmJson(relativePath, content, lines, out);
        };
        String base = relativePath.substring(relativePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.startsWith("next.config.")) {
            Matcher nb = NEXT_ENV_BLOCK.matcher(content);
            while (nb.find()) {
                int end = SourceLexer.closing(content, nb.end() - 1, '{', '}');
                if (end > 0) {
                    s.buildTime.add(new int[] {nb.end(), end});
                }
            }
        }
        s.read();
        out.sort(Comparator.comparingInt(EnvReference::line).thenComparingInt(EnvReference::column));
        return List.copyOf(out);
    }

    /** Every read in the files under {@code root} (skipping node_modules, .git, build output …). */
    public static List<EnvReference> scanTree(Path root) {
        List<EnvReference> out = new ArrayList<>();
        for (String rel : RepoFiles.walk(root).files()) {
            out.addAll(scan(root, rel));
        }
        return out;
    }

    private static boolean mentionsEnv(Syntax syntax, String text) {
        return switch (syntax) {
            case JS -> text.contains("process.env") || text.contains("import.meta.env") || text.contains("createEnv")
                    || text.contains("Bun.env") || text.contains("Deno.env") || text.contains("prisma/config")
                    || text.contains("@fastify/env") || text.contains("fastify-env") || text.contains("env-schema");
            case JAVA -> text.contains("getenv") || text.contains("${");
            case SPRING_CONFIG -> text.contains("${");
            case PYTHON -> text.contains("environ") || text.contains("getenv") || text.contains("BaseSettings")
                    || text.contains("dj_database_url");
            case GO -> text.contains("os.Getenv") || text.contains("os.LookupEnv") || text.contains("env:\"");
            case PRISMA -> text.contains("env(");
            case ORM_JSON -> text.contains("use_env_variable");
        };
    }

    private static Syntax syntax(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".d.ts")) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
            case "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "vue", "svelte":
                return Syntax.JS;
            case "java", "kt":
                return Syntax.JAVA;
            case "py":
                return Syntax.PYTHON;
            case "go":
                return Syntax.GO;
            case "prisma":
                return Syntax.PRISMA;
            case "json":
                return Syntax.ORM_JSON;
            case "properties", "yml", "yaml":
                return (name.startsWith("application") || name.startsWith("bootstrap")) ? Syntax.SPRING_CONFIG : null;
            default:
                return null;
        }
    }
}
