package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.files.FileKinds;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DF0030: COPY --from names no earlier stage. */
final class DF0030CopyFromUndefined {
    private DF0030CopyFromUndefined() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0030", ERROR, "COPY --from names no earlier stage",
            "COPY --from=name must name an earlier stage (or an image with a tag, like nginx:1.27). A name "
                    + "that is not a stage is pulled as an image from the registry; the current stage cannot "
                    + "copy from itself. Info when only another Dockerfile beside it defines the stage: the file is a "
                    + "fragment a script appends to that one. Info too when a build command, bake file or compose file of the "
                    + "repository passes a named build context of that name (docker buildx build --build-context name=dir, "
                    + "additional_contexts:, build-contexts:). Hadolint DL3022/DL3023.",
            DF0030CopyFromUndefined::copyFromUndefined);

    private static final Pattern STAGE = Pattern.compile("(?im)^[ \\t]*FROM[ \\t]+\\S.*?[ \\t]+AS[ \\t]+([\\w.-]+)[ \\t]*$");

    /** The Dockerfile in {@code dir} (another one) that defines stage {@code name}, or null. */
    static String siblingDefining(Path dir, String name) {
        if (dir == null) {
            return null;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!FileKinds.isDockerfile(n) || !Files.isRegularFile(f) || Files.size(f) > 256 * 1024) {
                    continue;
                }
                Matcher m = STAGE.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1).toLowerCase(Locale.ROOT).equals(name)) {
                        return n;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable directory defines nothing
        }
        return null;
    }

    /** Where a build passes named contexts: buildx's flag, compose's key, build-push-action's input, a bake target's map. */
    private static final Pattern CONTEXTS_KEY = Pattern.compile("--build-context|additional_contexts|build-contexts|\\bcontexts\\s*=");
    /** How many directories above the Dockerfile are searched for the repository root. */
    private static final int MAX_UP = 8;

    /**
     * The file (repository-relative to the Dockerfile's root) that passes a named build context {@code name}, or null:
     * a regular file in the Dockerfile's directory or one above it up to the repository root (a Makefile, a build script,
     * docker-bake.hcl, a compose file), or a CI workflow of the root, that names the context ({@code --build-context
     * name=dir}, {@code name: dir} / {@code - name=dir} under {@code additional_contexts:}, {@code name = "dir"} in a bake
     * target's {@code contexts}). Runs only for a COPY --from that names no stage, so it costs nothing on most files.
     */
    static String contextProvider(Path dir, String name) {
        if (dir == null) {
            return null;
        }
        Pattern named = Pattern.compile("(?:--build-context[ \\t=]+|[\\s\"'{,-])" + Pattern.quote(name) + "[ \\t\"']*(?:=|:[ \\t]+\\S)",
                Pattern.CASE_INSENSITIVE);
        List<Path> dirs = new ArrayList<>();
        Path d = dir.toAbsolutePath().normalize();
        for (int up = 0; d != null && up <= MAX_UP; up++, d = d.getParent()) {
            dirs.add(d);
            if (Files.exists(d.resolve(".git"))) {
                dirs.add(d.resolve(".github/workflows"));
                break;
            }
            if (up == MAX_UP || d.getParent() == null) {
                dirs.subList(1, dirs.size()).clear(); // no repository root above: only the Dockerfile's own directory
            }
        }
        for (Path each : dirs) {
            if (!Files.isDirectory(each)) {
                continue;
            }
            List<Path> files;
            try (var list = Files.list(each)) {
                files = list.sorted().toList();
            } catch (IOException | RuntimeException e) {
                continue; // an unreadable directory passes nothing
            }
            for (Path f : files) {
                try {
                    if (!Files.isRegularFile(f) || Files.size(f) > 256 * 1024) {
                        continue;
                    }
                    String text = Files.readString(f);
                    if (CONTEXTS_KEY.matcher(text).find() && named.matcher(text).find()) {
                        return dir.toAbsolutePath().normalize().relativize(f).toString();
                    }
                } catch (IOException | RuntimeException e) {
                    // a binary or unreadable file passes nothing
                }
            }
        }
        return null;
    }

    private static void copyFromUndefined(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            for (Instruction i : st.body()) {
                if (!(i.is("COPY") || i.is("ADD")) || !i.hasFlag("from")) {
                    continue;
                }
                String from = i.flag("from");
                String lower = from.toLowerCase(Locale.ROOT);
                if (from.contains("$")) {
                    continue;
                }
                if (lower.matches("\\d+")) {
                    int n = Integer.parseInt(lower);
                    if (n >= st.index()) {
                        o.report(i.line(), "COPY --from=" + from + " names stage " + n + ", which is not an earlier stage",
                                "use the index or name of a stage above this one");
                    }
                    continue;
                }
                if (st.name() != null && st.name().equals(lower)) {
                    o.report(i.line(), "COPY --from=" + from + " names the current stage", "copy from an earlier stage");
                    continue;
                }
                Stage target = s.dockerfile().stage(lower);
                if (target != null && target.index() > st.index()) {
                    o.report(i.line(), "COPY --from=" + from + " names a stage defined later (line " + target.from().line() + ")",
                            "move stage '" + from + "' above this one");
                } else if (target == null && !from.contains(":") && !from.contains("/") && !from.contains("@")) {
                    String sibling = siblingDefining(s.contextDir(), lower);
                    if (sibling != null) {
                        // a fragment a script appends to the Dockerfile beside it (cat Dockerfile.common Dockerfile.api_test)
                        o.report(i.line(), Severity.INFO, "COPY --from=" + from + " names a stage only " + sibling
                                + " beside this file defines: this file is a fragment built after it",
                                "build it as one file (cat " + sibling + " this-file | docker build -f - .), or define the stage here");
                        continue;
                    }
                    String provider = contextProvider(s.contextDir(), lower);
                    if (provider != null) {
                        o.report(i.line(), Severity.INFO, "COPY --from=" + from + " names no stage; " + provider
                                + " passes a named build context '" + from + "', so this copies from that directory",
                                "build through " + provider + " (docker build alone would pull an image called '" + from + "')");
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    s.stages().forEach(x -> {
                        if (x.name() != null) {
                            names.add(x.name());
                        }
                    });
                    String near = dev.devops.yaml.Suggest.closest(from, names);
                    o.report(i.line(), "COPY --from=" + from + " names no stage, so Docker would pull an image called '" + from + "'",
                            near != null ? "did you mean --from=" + near + "?" : "name an earlier stage (FROM … AS " + from + ")");
                }
            }
        }
    }
}
