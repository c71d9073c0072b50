package dev.devops.lint.dockerfile;

import dev.devops.core.InputFiles;
import dev.devops.files.FileKinds;
import dev.devops.lint.Check;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Dockerfile check: finds Dockerfiles among the lint files ({@code Dockerfile}, {@code Dockerfile.*},
 * {@code *.Dockerfile}, {@code Containerfile}; not templates such as {@code Dockerfile.ftl}), parses each
 * and runs every {@link DockerfileRules rule}. A file that cannot be read or parsed gives one DF0000
 * finding and the run goes on.
 */
public final class DockerfileCheck implements Check {
    /** Larger files are reported as DF0000 and not parsed. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    @Override
    public String category() {
        return "dockerfile";
    }

    @Override
    public List<RuleInfo> rules() {
        return DockerfileRules.all().stream().map(DockerfileRule::info).toList();
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        List<String> dockerfiles = context.files().stream().filter(DockerfileCheck::isDockerfile).toList();
        DockerfileFragments fragments = DockerfileFragments.read(context, dockerfiles);
        for (String file : dockerfiles) {
            lint(context, file, fragments, out);
        }
    }

    /** Its findings are on Dockerfiles only. */
    @Override
    public boolean reportsOn(String path) {
        return isDockerfile(path);
    }

    /** True for the names Docker tools treat as Dockerfiles. */
    public static boolean isDockerfile(String path) {
        return FileKinds.isDockerfile(path);
    }

    /** Lints one Dockerfile (repo-relative {@code file}). */
    public void lint(LintContext context, String file, Consumer<Finding> out) {
        lint(context, file, DockerfileFragments.NONE, out);
    }

    private void lint(LintContext context, String file, DockerfileFragments fragments, Consumer<Finding> out) {
        Path abs = context.resolve(file);
        String text;
        try {
            if (Files.size(abs) > MAX_BYTES) {
                out.accept(finding(DockerfileRules.PARSE.info(), null, file, 1, "file is larger than 4 MB; not parsed",
                        "a Dockerfile this large is probably not one: rename it", ""));
                return;
            }
            byte[] bytes = InputFiles.read(abs, MAX_BYTES);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            out.accept(finding(DockerfileRules.PARSE.info(), null, file, 1, "not UTF-8 text (binary file?)",
                    "save the Dockerfile as UTF-8, or rename the file if it is not a Dockerfile", ""));
            return;
        } catch (IOException e) {
            out.accept(finding(DockerfileRules.PARSE.info(), null, file, 0, "cannot read the file: " + e.getMessage(),
                    "check that it exists and is readable", ""));
            return;
        }
        Dockerfile df = DockerfileParser.parse(file, text);
        if (!df.errors().isEmpty() && dev.devops.files.TemplateText.hasTagLines(text)) {
            return; // a template of a Dockerfile ({% if %} and {{ patch("x") }} lines): a generator renders it, docker builds that
        }
        // INCLUDE and the like under '# syntax=devthefuture/dockerfile-x' are the named frontend's: the rules still run
        // on the instructions Docker knows, with the included parts' stages (DockerfileFragments)
        boolean frontendOwn = df.customFrontend()
                && df.errors().stream().allMatch(e -> e.message().startsWith(DockerfileParser.UNKNOWN_INSTRUCTION));
        if (!df.errors().isEmpty() && !frontendOwn) {
            for (Dockerfile.ParseError e : df.errors()) {
                out.accept(finding(DockerfileRules.PARSE.info(), null, file, e.line(), e.message(),
                        "fix this line so that docker build can read the file", lineText(text, e.line())));
            }
            return;
        }
        DockerfileScope scope = new DockerfileScope(df, abs.getParent(), fragments.of(file));
        for (DockerfileRule rule : DockerfileRules.all()) {
            try {
                runRule(rule, scope, file, text, out);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in one rule must not end the lint run: the other rules still run on this file
                out.accept(CheckFailure.finding(category(), rule.info().id(), file, e));
            }
        }
    }

    private static void runRule(DockerfileRule rule, DockerfileScope scope, String file, String text, Consumer<Finding> out) {
        rule.check().run(scope, new DockerfileRule.Reporter() {
            @Override
            public void report(int line, String message, String hint) {
                report(line, null, message, hint);
            }

            @Override
            public void report(int line, Severity severity, String message, String hint) {
                out.accept(finding(rule.info(), severity, file, line, message, hint, lineText(text, line)));
            }
        });
    }

    private static String lineText(String text, int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
    }

    static Finding finding(RuleInfo rule, Severity severity, String path, int line, String message, String hint,
            String lineText) {
        return new Finding(rule, severity == null ? rule.severity() : severity, path, line, 0, message, hint, null,
                Finding.fingerprint(rule.id(), path, lineText), Map.of());
    }

}
