package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** DF0002: The final image runs as root. */
final class DF0002RunsAsRoot {
    private DF0002RunsAsRoot() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0002", WARNING, "The final image runs as root",
            "Without a USER instruction (or with USER root/0 last), the container's process runs as root: "
                    + "a compromise of the app is a root shell in the container and makes escapes easier. "
                    + "Create a user and switch to it before CMD: RUN useradd -r -u 10001 app, then USER app "
                    + "(or USER node / USER nobody on images that ship one). Like hadolint DL3002. An image that "
                    + "installs gosu, su-exec or setpriv (its entrypoint drops to a user, as the official images do) "
                    + "is not reported, nor one built on an official data store image (postgres, mysql, redis, mongo…) that "
                    + "keeps its ENTRYPOINT and CMD, nor one that copies in a script that drops root (an s6-overlay service's run "
                    + "script with s6-setuidgid, an entrypoint that execs gosu or su-exec).",
            DF0002RunsAsRoot::runsAsRoot);

    static final Set<String> ROOT = Set.of("root", "0", "root:root", "0:0", "root:0", "0:root");

    /**
     * Tools an entrypoint drops root with (the official images' pattern: start as root to fix the ownership of a volume,
     * then exec the service as its user): gosu, su-exec, setpriv, s6-setuidgid, chroot --userspec.
     */
    private static final java.util.regex.Pattern DROPS_PRIVILEGES = java.util.regex.Pattern.compile(
            "(?i)\\b(?:gosu|su-exec|setpriv|s6-setuidgid)\\b|chroot\\s+--userspec");

    /**
     * Official images of data stores whose own entrypoint starts as root only to fix a volume's ownership and then runs
     * the server as its user with gosu or su-exec ({@code FROM postgres:14} plus an extension, {@code FROM redis:7}):
     * an image built on one runs as that user while it keeps the base's ENTRYPOINT and CMD.
     */
    private static final Set<String> DROPPING_BASES = Set.of("postgres", "postgis", "mysql", "mariadb", "redis", "valkey",
            "mongo", "rabbitmq", "couchdb", "cassandra", "neo4j");

    /** Whether the stage's lineage starts at a {@link #DROPPING_BASES} image and none of its stages sets ENTRYPOINT or CMD. */
    private static boolean keepsDroppingEntrypoint(DockerfileScope s, Stage last) {
        boolean base = false;
        for (Stage st : s.lineage(last)) {
            for (Instruction i : st.body()) {
                if (i.is("ENTRYPOINT") || i.is("CMD")) {
                    return false;
                }
            }
            if (st.parentStage() < 0) {
                ImageRef ref = ImageRef.parse(st.image().strip());
                String repo = ref.repository().toLowerCase(Locale.ROOT);
                // the Docker Hub official image (or postgis/postgis), not another vendor's build of the same name
                base = !repo.contains("/") || repo.equals("library/" + ref.baseName()) || repo.equals("docker.io/library/" + ref.baseName())
                        || repo.equals("postgis/postgis");
                base = base && DROPPING_BASES.contains(ref.baseName());
            }
        }
        return base;
    }

    /**
     * Whether the final image's stages, or a stage they copy files from, name a {@link #DROPS_PRIVILEGES} tool: a
     * runtime-deps stage that downloads gosu's package and unpacks it for the final stage to COPY --from.
     */
    private static boolean installsDroppingTool(DockerfileScope s, Stage last) {
        java.util.ArrayDeque<Stage> todo = new java.util.ArrayDeque<>(s.lineage(last));
        Set<Integer> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Stage st = todo.poll();
            if (!seen.add(st.index())) {
                continue;
            }
            for (Instruction i : st.body()) {
                if (!i.is("USER") && DROPS_PRIVILEGES.matcher(i.rest()).find()) {
                    return true;
                }
                String from = i.is("COPY") ? i.flag("from") : null;
                Stage source = from == null ? null : s.dockerfile().stage(from);
                if (source != null && source.index() < st.index()) {
                    todo.addAll(s.lineage(source));
                }
            }
        }
        return false;
    }

    /**
     * Whether the final image holds files and runs nothing: a stage built FROM scratch with no ENTRYPOINT or CMD, made of
     * COPY, ADD, LABEL and ARG only, and either named (a target: AdGuardHome's {@code FROM scratch AS builder-exporter}
     * for docker build --output) or copying into directories ({@code COPY ./manifests /manifests/}, an operator bundle;
     * {@code COPY --from=builder /app/bootstrap .}). A scratch image that copies a binary to a file path, or sets WORKDIR
     * or ENV, is run with a command given at run time ({@code command: hbbs}) and is still reported, as is one with an
     * ENTRYPOINT.
     */
    private static boolean holdsFilesOnly(Stage last) {
        if (!last.isScratch() || last.parentStage() >= 0) {
            return false;
        }
        boolean intoDirectories = true;
        for (Instruction i : last.body()) {
            if (i.is("COPY") || i.is("ADD")) {
                String to = i.copyDestination();
                intoDirectories &= to != null && (to.endsWith("/") || to.equals("."));
            } else if (!i.is("LABEL") && !i.is("ARG")) {
                return false; // ENTRYPOINT, CMD, WORKDIR, ENV, USER, EXPOSE…: set up to run
            }
        }
        return last.name() != null || intoDirectories;
    }

    /** How many files of a copied directory are looked at, at most. */
    private static final int MAX_FILES = 2000;

    /**
     * Whether a file the image copies in drops root: an s6-overlay service's {@code run} script ({@code COPY rootfs /} with
     * {@code etc/s6-overlay/s6-rc.d/app/run} that execs {@code s6-setuidgid}), an entrypoint script that execs {@code gosu} or
     * {@code su-exec}. The build context is the Dockerfile's directory or one above it (a Dockerfile in {@code docker/}
     * built from the root copies {@code docker/rootfs}). Only scripts are read ({@code run}, {@code finish}, {@code *.sh},
     * names with entrypoint, init or start), and only when the rule is about to report, so it costs nothing on most files.
     */
    private static boolean copiesDroppingScript(DockerfileScope s, Stage last) {
        if (s.contextDir() == null) {
            return false;
        }
        List<Path> contexts = s.contextCandidates();
        for (Stage st : s.lineage(last)) {
            for (Instruction i : st.body()) {
                if (!(i.is("COPY") || i.is("ADD")) || i.hasFlag("from") || i.copiesWholeContext()) {
                    continue;
                }
                for (String src : i.copySources()) {
                    if (src.isEmpty() || src.contains("$") || src.contains("*") || src.contains("..") || src.contains("://")) {
                        continue;
                    }
                    for (Path ctx : contexts) {
                        Path p = ctx.resolve(src.startsWith("/") ? src.substring(1) : src).normalize();
                        if (!p.startsWith(ctx) || p.equals(ctx)) {
                            continue;
                        }
                        if (Files.exists(p)) {
                            if (dropsInScripts(p)) {
                                return true;
                            }
                            break; // found in this context: the nearest context that has it is the one built
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * A {@link #DROPS_PRIVILEGES} tool used in a script: its name followed by the user to run as on the same line
     * ({@code exec gosu "$USER" "$@"}, {@code s6-setuidgid abc node}, {@code setpriv --reuid=1000 …}), not a package name
     * in an install list ({@code apt-get install -y curl gosu}).
     */
    private static final java.util.regex.Pattern DROPS_IN_SCRIPT = java.util.regex.Pattern.compile(
            "(?im)\\b(?:gosu|su-exec|s6-setuidgid)[ \\t]+[\"'$\\w]|\\bsetpriv[ \\t]+--(?:re[ug]id|init-groups)|chroot\\s+--userspec");
    /** A line that installs packages: a tool named there is installed, not run. */
    private static final java.util.regex.Pattern INSTALLS = java.util.regex.Pattern.compile(
            "(?i)\\b(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|pacman)\\b.*\\b(?:install|add)\\b");

    /** Whether a script runs something as another user ({@link #DROPS_IN_SCRIPT}) on a logical line that installs nothing. */
    static boolean scriptDropsRoot(String script) {
        java.util.regex.Matcher m = DROPS_IN_SCRIPT.matcher(script);
        while (m.find()) {
            // the logical line: lines joined by a trailing backslash (an install list spread over lines)
            int from = script.lastIndexOf('\n', m.start()) + 1;
            while (from >= 2 && script.charAt(from - 2) == '\\') {
                from = script.lastIndexOf('\n', from - 2) + 1;
            }
            int to = script.indexOf('\n', m.start());
            while (to > 0 && script.charAt(to - 1) == '\\') {
                int next = script.indexOf('\n', to + 1);
                to = next < 0 ? script.length() : next;
            }
            if (!INSTALLS.matcher(script.substring(from, to < 0 ? script.length() : to)).find()) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern SCRIPT_NAME = java.util.regex.Pattern.compile(
            "(?i)run|finish|[^/]*\\.sh|[^/.]*(?:entrypoint|init|start)[^/]*");

    /** Whether a copied file, or a script in a copied directory, drops root ({@link #scriptDropsRoot}). */
    private static boolean dropsInScripts(Path p) {
        try (var walk = Files.walk(p, 10)) {
            var it = walk.limit(MAX_FILES).iterator();
            while (it.hasNext()) {
                Path f = it.next();
                if (!Files.isRegularFile(f) || !SCRIPT_NAME.matcher(f.getFileName().toString()).matches()
                        || Files.size(f) > 256 * 1024) {
                    continue;
                }
                try {
                    if (scriptDropsRoot(Files.readString(f))) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // a binary or unreadable file drops nothing
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static void runsAsRoot(DockerfileScope s, DockerfileRule.Reporter o) {
        Stage last = s.dockerfile().lastStage();
        if (last == null || s.fragment() != null && !s.fragment().last()) {
            return; // a part that a later part of the joined file builds on: its last stage is not the image
        }
        if (holdsFilesOnly(last)) {
            return; // FROM scratch, COPY --from=builder /app/dist /dist: an export stage (docker build --output), nothing runs
        }
        if (keepsDroppingEntrypoint(s, last)) {
            return; // FROM postgres:14 with an extension installed: the official entrypoint runs the server as postgres
        }
        if (installsDroppingTool(s, last)) {
            return; // the image installs a privilege-dropping tool: its entrypoint runs the service as a user
        }
        if (copiesDroppingScript(s, last)) {
            return; // COPY rootfs / with s6 service scripts that exec s6-setuidgid, an entrypoint that execs gosu
        }
        for (Stage st : s.lineage(last)) {
            Instruction user = null;
            for (Instruction i : st.body()) {
                if (i.is("USER")) {
                    user = i;
                }
            }
            if (user != null) {
                String u = user.rest().strip().toLowerCase(Locale.ROOT);
                if (ROOT.contains(u)) {
                    o.report(user.line(), "the final image runs as root (USER " + user.rest().strip() + " is the last USER)",
                            "switch to an unprivileged user after the steps that need root: USER app");
                }
                return;
            }
            if (st.parentStage() < 0 && s.fragment() != null && s.fragment().setsNonRootUser(st.image())) {
                return; // FROM runtime, a stage of an included part that switches to a user
            }
            if (st.parentStage() < 0) {
                String image = st.image().toLowerCase(Locale.ROOT);
                if (image.contains("nonroot") || image.startsWith("cgr.dev/chainguard/") || image.startsWith("gitpod/workspace-")) {
                    return; // images that default to a non-root user (Gitpod's workspace images run as gitpod, uid 33333)
                }
            }
        }
        o.report(last.from().line(), "the final stage has no USER, so the container runs as root",
                "create a user and add USER app (or USER node, USER nobody…) before CMD");
    }
}
