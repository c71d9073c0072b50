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
    /** What a stage of another part sets that the stages built on it inherit. */
    record StageFacts(boolean workdir, boolean nonRootUser) {
    }

    /**
     * What a part's rules need from the rest of the joined file: whether its last stage is the image, and the named
     * stages of the other parts. The including file is a part too, its INCLUDE lines standing for the others.
     */
    record Fragment(boolean last, Map<String, StageFacts> otherStages) {
        /** Whether {@code name} is a stage of another part of the joined file. */
        boolean stageElsewhere(String name) {
            return name != null && otherStages.containsKey(name.toLowerCase(Locale.ROOT));
        }

        /** Whether the stage {@code name} of another part sets a WORKDIR. */
        boolean setsWorkdir(String name) {
            StageFacts f = name == null ? null : otherStages.get(name.toLowerCase(Locale.ROOT));
            return f != null && f.workdir();
        }

        /** Whether the stage {@code name} of another part switches to a user other than root. */
        boolean setsNonRootUser(String name) {
            StageFacts f = name == null ? null : otherStages.get(name.toLowerCase(Locale.ROOT));
            return f != null && f.nonRootUser();
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
            if (parts.isEmpty()) {
                continue;
            }
            Map<String, Map<String, StageFacts>> stagesOf = new HashMap<>();
            Map<String, StageFacts> all = new HashMap<>();
            for (String part : parts) {
                String t = text(context.resolve(part));
                Map<String, StageFacts> stages = new HashMap<>();
                if (t != null) {
                    for (Stage st : DockerfileParser.parse(part, t).stages()) {
                        if (st.name() != null) {
                            stages.put(st.name().toLowerCase(Locale.ROOT), facts(st));
                        }
                    }
                }
                stagesOf.put(part, stages);
                all.putAll(stages);
            }
            // the including file: its own stages (FROM runtime AS app) build on the parts', and its last one is the image
            merge(out, file, new Fragment(!df.stages().isEmpty(), all));
            for (int i = 0; i < parts.size(); i++) {
                Map<String, StageFacts> others = new HashMap<>();
                for (String p : parts) {
                    if (!p.equals(parts.get(i))) {
                        others.putAll(stagesOf.get(p));
                    }
                }
                // the includer's own stages after the INCLUDE lines count as later parts
                merge(out, parts.get(i), new Fragment(i == parts.size() - 1 && df.stages().isEmpty(), others));
            }
        }
        return new DockerfileFragments(out);
    }

    /** A part two including files join: the image of either when it is the last of either. */
    private static void merge(Map<String, Fragment> out, String path, Fragment f) {
        Fragment prev = out.get(path);
        if (prev == null) {
            out.put(path, f);
            return;
        }
        Map<String, StageFacts> others = new HashMap<>(prev.otherStages());
        others.putAll(f.otherStages());
        out.put(path, new Fragment(prev.last() || f.last(), others));
    }

    private static StageFacts facts(Stage st) {
        boolean workdir = false;
        String user = null;
        for (Instruction i : st.body()) {
            workdir |= i.is("WORKDIR");
            if (i.is("USER")) {
                user = i.rest().strip().toLowerCase(Locale.ROOT);
            }
        }
        return new StageFacts(workdir, user != null && !DF0002RunsAsRoot.ROOT.contains(user));
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
