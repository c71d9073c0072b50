package dev.devops.lint.dockerfile;

import dev.devops.core.InputFiles;
import dev.devops.lint.LintContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfiles that a Dockerfile of another frontend pulls in with {@code INCLUDE} ({@code # syntax =
 * devthefuture/dockerfile-x}, then {@code INCLUDE docker/base.dockerfile}, {@code INCLUDE docker/runtime.dockerfile}):
 * such a fragment is never built alone. The frontend joins the fragments into one file, so a stage one fragment
 * defines is the base another names ({@code FROM base AS build}), only the last fragment's last stage is the image,
 * and the build goes through BuildKit. Read once per lint run, before the Dockerfiles are linted.
 */
final class DockerfileFragments {
    /** What a fragment's rules need from the rest of the joined file. */
    record Fragment(boolean last, Map<String, Boolean> otherStages) {
        /** Whether {@code name} is a stage of another part of the joined file. */
        boolean stageElsewhere(String name) {
            return name != null && otherStages.containsKey(name.toLowerCase(Locale.ROOT));
        }

        /** Whether the stage {@code name} of another part sets a WORKDIR. */
        boolean setsWorkdir(String name) {
            return name != null && Boolean.TRUE.equals(otherStages.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    static final DockerfileFragments NONE = new DockerfileFragments(Map.of());

    private static final Pattern INCLUDE = Pattern.compile("(?im)^[ \\t]*INCLUDE[ \\t]+[\"']?([^\\s\"']+)");
    private static final long MAX_BYTES = 1024 * 1024;

    private final Map<String, Fragment> fragments;

    private DockerfileFragments(Map<String, Fragment> fragments) {
        this.fragments = fragments;
    }

    /** The fragment at repo-relative {@code path}, or null when no Dockerfile of the run includes it. */
    Fragment of(String path) {
        return fragments.get(path);
    }

    static DockerfileFragments read(LintContext context, List<String> dockerfiles) {
        Map<String, Fragment> out = new HashMap<>();
        for (String file : dockerfiles) {
            String text = text(context.resolve(file));
            if (text == null || !text.regionMatches(true, 0, "#", 0, 1)) {
                continue; // a parser directive is on the first line
            }
            Dockerfile df = DockerfileParser.parse(file, text);
            if (!df.customFrontend()) {
                continue;
            }
            Matcher m = INCLUDE.matcher(text);
            List<String> parts = new java.util.ArrayList<>();
            while (m.find()) {
                String part = resolve(context, file, m.group(1));
                if (part != null) {
                    parts.add(part);
                }
            }
            Map<String, Map<String, Boolean>> stagesOf = new HashMap<>();
            for (String part : parts) {
                String t = text(context.resolve(part));
                Map<String, Boolean> stages = new HashMap<>();
                if (t != null) {
                    for (Stage st : DockerfileParser.parse(part, t).stages()) {
                        if (st.name() != null) {
                            stages.put(st.name().toLowerCase(Locale.ROOT), st.body().stream().anyMatch(i -> i.is("WORKDIR")));
                        }
                    }
                }
                stagesOf.put(part, stages);
            }
            for (int i = 0; i < parts.size(); i++) {
                Map<String, Boolean> others = new HashMap<>();
                for (String p : parts) {
                    if (!p.equals(parts.get(i))) {
                        others.putAll(stagesOf.get(p));
                    }
                }
                // the includer's own stages after the INCLUDE lines count as later parts
                boolean last = i == parts.size() - 1 && df.stages().isEmpty();
                Fragment prev = out.get(parts.get(i));
                if (prev != null) {
                    others.putAll(prev.otherStages());
                    last |= prev.last();
                }
                out.put(parts.get(i), new Fragment(last, others));
            }
        }
        return new DockerfileFragments(out);
    }

    /** The included file: relative to the build context (the repository root), else to the including file. */
    private static String resolve(LintContext context, String from, String included) {
        String normal = included.replace('\\', '/').replaceFirst("^\\./", "");
        if (Files.isRegularFile(context.resolve(normal))) {
            return normal;
        }
        int slash = from.lastIndexOf('/');
        String beside = Path.of(slash < 0 ? "" : from.substring(0, slash)).resolve(normal).normalize().toString().replace('\\', '/');
        return Files.isRegularFile(context.resolve(beside)) ? beside : null;
    }

    private static String text(Path abs) {
        try {
            if (!Files.isRegularFile(abs) || Files.size(abs) > MAX_BYTES) {
                return null;
            }
            return new String(InputFiles.read(abs, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
