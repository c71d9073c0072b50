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
