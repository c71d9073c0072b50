package dev.devops.scaffold;

import dev.devops.files.DockerIgnore;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a build context's own .dockerignore keeps local environment files out of the image: a Dockerfile
 * devops generates copies the whole context ({@code COPY . .}), so a .dockerignore of the user's that does not
 * exclude {@code .env} would bake the secrets of the developer's .env into the image (lint's DF0037). Whether a
 * path is excluded is decided by {@link DockerIgnore}, the same matcher the build and lint use; lines are only
 * ever appended (with {@link GitignoreMerge#merge}'s layout), so the user's file loses nothing.
 */
final class DockerignoreMerge {
    static final String COMMENT = "# added by devops: local environment files hold secrets and must not be copied into images";

    private DockerignoreMerge() {
    }

    /**
     * The lines to append to {@code existing} (a .dockerignore's text); empty when it already excludes the
     * context's {@code .env} and {@code .env.*} files (what DF0037 checks). What is added covers every directory,
     * as devops's own .dockerignore does.
     */
    static List<String> missing(String existing) {
        return missing(existing, List.of());
    }

    /**
     * {@link #missing(String)}, and a {@code !SOURCE} line for each file or directory the generated Dockerfile copies
     * by name ({@code copied}: {@code pom.xml}, {@code src}, {@code package*.json}) that the file excludes: a build
     * that cannot see its sources fails ({@code COPY failed: file not found in build context}).
     */
    static List<String> missing(String existing, List<String> copied) {
        List<String> add = envLines(existing);
        for (String source : copied) {
            String sample = source.replace("*", "");
            DockerIgnore now = DockerIgnore.parse(existing + "\n" + String.join("\n", add));
            if (now.excluded(sample) || now.excluded(sample + "/x")) {
                add.add("!" + source);
            }
        }
        return add;
    }

    private static final java.util.regex.Pattern COPY = java.util.regex.Pattern.compile("(?m)^COPY\\s+(?!.*--from)(.+)$");

    /** The sources a Dockerfile's COPY lines (not from another stage) name, other than the whole context. */
    static List<String> copySources(String dockerfile) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = COPY.matcher(dockerfile == null ? "" : dockerfile);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
            words.removeIf(w -> w.startsWith("--"));
            if (words.size() < 2 || words.get(0).startsWith("[")) {
                continue;
            }
            for (String w : words.subList(0, words.size() - 1)) {
                String s = w.replaceFirst("^\\./", "").replaceAll("/$", "");
                if (!s.isEmpty() && !".".equals(s) && !s.contains("$") && !out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static List<String> envLines(String existing) {
        DockerIgnore have = DockerIgnore.parse(existing);
        List<String> add = new ArrayList<>();
        if (!have.excluded(".env")) {
            add.add("**/.env");
        }
        boolean star = !have.excluded(".env.local") || !have.excluded(".env.production");
        if (star) {
            add.add("**/.env.*");
        }
        if (star && DockerIgnore.parse(existing + "\n" + String.join("\n", add)).excluded(".env.example")) {
            add.add("!**/.env.example"); // the documented template stays in the context, as in devops's own file
        }
        return add;
    }

    /** {@code existing} with the missing lines appended under {@link #COMMENT}. */
    static String merge(String existing, List<String> add) {
        return GitignoreMerge.merge(existing, add, COMMENT);
    }
}
