package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.WARNING;

import dev.devops.files.DockerIgnore;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** DF0037: '.env' would be copied into the image. */
final class DF0037EnvBakedIn {
    private DF0037EnvBakedIn() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0037", ERROR, "'.env' would be copied into the image",
            "COPY . (or ADD .) copies the whole build context, and with no .dockerignore (or one that does "
                    + "not exclude .env) that includes the local .env file with its secrets, baked into a "
                    + "layer anyone with the image can read. Add a .dockerignore next to the Dockerfile with "
                    + "a line '.env' (and '.env.*', '!.env.example'). Error when a .env file is present, "
                    + "warning otherwise.",
            DF0037EnvBakedIn::envBakedIn);

    private static void envBakedIn(DockerfileScope s, DockerfileRule.Reporter o) {
        Instruction copy = null;
        for (Stage st : s.stages()) {
            for (Instruction i : st.body()) {
                if (copy == null && i.copiesWholeContext()) {
                    copy = i;
                }
            }
        }
        if (copy == null || s.contextDir() == null) {
            return;
        }
        Path dir = s.buildContext(); // the Dockerfile's directory, or the one above it that its other COPY sources are in
        String dfName = Path.of(s.dockerfile().path()).getFileName().toString();
        Path ignore = dir.resolve(dfName + ".dockerignore");
        if (!Files.isRegularFile(ignore)) {
            ignore = dir.resolve(".dockerignore");
        }
        boolean envPresent = Files.isRegularFile(dir.resolve(".env"));
        Severity sev = envPresent ? ERROR : WARNING;
        String present = envPresent ? "the .env file here" : "a .env file, once someone creates one,";
        if (!Files.isRegularFile(ignore)) {
            o.report(copy.line(), sev, copy.keyword() + " " + copy.rest() + " with no .dockerignore copies " + present
                    + " into the image", "add a .dockerignore beside the Dockerfile with the lines .env and .env.*");
            return;
        }
        try {
            DockerIgnore di = DockerIgnore.parse(DockerIgnore.lenient(ignore));
            if (!di.excluded(".env")) {
                o.report(copy.line(), sev, copy.keyword() + " " + copy.rest() + " copies " + present + " into the image: "
                        + dir.relativize(ignore) + " does not exclude .env", "add the line .env to " + ignore.getFileName());
            }
        } catch (IOException e) {
            o.report(copy.line(), sev, "cannot read " + ignore.getFileName() + " to check that it excludes .env: "
                    + e.getMessage(), "make the file readable");
        }
    }
}
