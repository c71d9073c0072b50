package dev.devops.scaffold;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where templates come from: the built-in ones packaged under {@code templates/} in the jar, each of which
 * a file with the same relative name in an override directory ({@code --templates DIR}) replaces.
 *
 * <p>The FreeMarker configuration is strict: an undefined value is an error, exceptions are rethrown and not
 * logged, and templates can neither call Java APIs nor instantiate classes (user templates are code we run).
 */
public final class TemplateSource {
    private final Path overrideDir;
    private final Configuration cfg;

    private TemplateSource(Path overrideDir) {
        this.overrideDir = overrideDir;
        this.cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setObjectWrapper(new SingleLineWrapper());
        TemplateLoader builtIn = new ClassTemplateLoader(TemplateSource.class, "/templates");
        if (overrideDir == null) {
            cfg.setTemplateLoader(builtIn);
        } else {
            try {
                cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                    new FileTemplateLoader(overrideDir.toFile()), builtIn}));
            } catch (IOException e) {
                throw new UserError(SourceLocation.of(overrideDir), "cannot read the templates directory: " + e.getMessage(),
                        "pass a readable directory to --templates");
            }
        }
        RenderFunctions.install(cfg);
    }

    /** The built-in templates only. */
    public static TemplateSource builtIn() {
        return new TemplateSource(null);
    }

    /** Built-in templates, each replaced by a same-named file under {@code dir} when there is one. */
    public static TemplateSource withOverrides(Path dir) {
        if (dir == null) {
            return builtIn();
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(SourceLocation.of(dir), "the templates directory does not exist",
                    "pass a directory whose files (e.g. dockerfile/node.ftl) replace the built-in templates of the same name");
        }
        return new TemplateSource(dir.toAbsolutePath().normalize());
    }

    /** The override directory, or null. */
    public Path overrideDir() {
        return overrideDir;
    }

    /** Whether {@code name} comes from the override directory. */
    public boolean isOverridden(String name) {
        return overrideDir != null && Files.isRegularFile(overrideDir.resolve(name));
    }

    /** Where the user should look for template {@code name}: the override file or {@code templates/NAME} built in. */
    public Path origin(String name) {
        return isOverridden(name) ? overrideDir.resolve(name) : Path.of("templates", name);
    }

    /**
     * Renders template {@code name} with {@code model}. A missing template or any template error becomes a
     * {@link UserError} naming the template file, line and column.
     */
    public String render(String name, Map<String, Object> model) {
        Template t;
        try {
            t = cfg.getTemplate(name);
        } catch (ParseException e) {
            throw new UserError(new SourceLocation(origin(sourceOf(e.getTemplateName(), name)), e.getLineNumber(),
                    e.getColumnNumber()),
                    "template syntax error: " + oneLine(e.getEditorMessage()), "fix the template or remove the override");
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new UserError(null, "no template named " + name, "add " + name + " to the templates directory");
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(origin(name)), "cannot read the template: " + e.getMessage(),
                    "check the file's permissions");
        }
        StringWriter out = new StringWriter();
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            Path where = origin(sourceOf(e.getTemplateSourceName(), name));
            throw new UserError(new SourceLocation(where, line == null ? 0 : line, col == null ? 0 : col),
                    "template error: " + oneLine(e.getMessageWithoutStackTop()),
                    "fix the template (docs/TEMPLATES.md describes the model it receives)");
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(origin(name)), "cannot render the template: " + e.getMessage(), null);
        }
        return out.toString();
    }

    /**
     * Every string of the model reaches a template on one line: every generated format (Dockerfile, compose YAML,
     * .env, .dockerignore, and the comments in each) is line-based, so a line break in a descriptor value (an env
     * description, a framework name) would start a line of its own there: an instruction, a key, a variable. Line
     * breaks and other control characters become spaces; quoting for the value's context is the template's job
     * ({@code yaml()}, {@code json()}, {@code envValue()}).
     */
    static final class SingleLineWrapper extends DefaultObjectWrapper {
        SingleLineWrapper() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public TemplateModel wrap(Object obj) throws TemplateModelException {
            return obj instanceof String s ? new SimpleScalar(singleLine(s)) : super.wrap(obj);
        }
    }

    /** {@code s} with CR, LF, NEL, U+2028/U+2029 and other control characters (tab excepted) as spaces. */
    static String singleLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? ' ' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** The template an error is in: an included one when FreeMarker says so, else the one rendered. */
    private static String sourceOf(String reported, String rendered) {
        return reported == null || reported.isBlank() ? rendered : reported;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s*\\R\\s*", " ").trim();
        int cut = flat.indexOf(" ---- ");
        if (cut > 0) {
            flat = flat.substring(0, cut).trim();
        }
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
