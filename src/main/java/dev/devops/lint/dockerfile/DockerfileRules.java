package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.INFO;
import static dev.devops.lint.Severity.WARNING;

import dev.devops.core.VariableNames;
import dev.devops.files.DockerIgnore;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Dockerfile rules, one entry each: id, severity, title, explanation and the check. Modelled on
 * hadolint's one-unit-per-check (the DLxxxx it matches is named in the explanation).
 */
public final class DockerfileRules {
    private DockerfileRules() {
    }

    private static final String HADOLINT = "https://github.com/hadolint/hadolint/wiki/";
    static final String PARSE_ID = "DF0000";

    /** DF0000, reported by the check itself when a file cannot be read or parsed. */
    public static final DockerfileRule PARSE = DockerfileRule.of(PARSE_ID, ERROR, "Dockerfile cannot be parsed",
            "Docker could not build this file: an unknown instruction, an instruction before FROM, an unclosed "
                    + "heredoc, a binary or unreadable file. Fix the line named in the message; the other Dockerfile "
                    + "rules are skipped for this file until it parses.",
            (s, o) -> { });

    /** Every rule, DF0000 first. */
    public static List<DockerfileRule> all() {
        return RULES;
    }

    private static final List<DockerfileRule> RULES = List.of(
            PARSE,
            DockerfileRule.of("DF0001", WARNING, "Base image has no tag or uses 'latest'",
                    "FROM without a tag (or with :latest) builds from whatever the registry serves today, so two "
                            + "builds of the same commit can differ and break without a change. Pin a version tag "
                            + "(node:20.11-alpine) or a digest (@sha256:…). scratch, earlier stages and ARG-provided "
                            + "tags are fine. Like hadolint DL3006/DL3007: " + HADOLINT + "DL3007",
                    DockerfileRules::untaggedBase),
            DockerfileRule.of("DF0002", WARNING, "The final image runs as root",
                    "Without a USER instruction (or with USER root/0 last), the container's process runs as root: "
                            + "a compromise of the app is a root shell in the container and makes escapes easier. "
                            + "Create a user and switch to it before CMD: RUN useradd -r -u 10001 app, then USER app "
                            + "(or USER node / USER nobody on images that ship one). Like hadolint DL3002.",
                    DockerfileRules::runsAsRoot),
            DockerfileRule.of("DF0003", WARNING, "ADD used where COPY fits",
                    "ADD also downloads URLs and unpacks local tar archives; for plain files that magic is a "
                            + "surprise waiting to happen. Use COPY for files and directories, and keep ADD for "
                            + "archives you want extracted. Hadolint DL3020: " + HADOLINT + "DL3020",
                    DockerfileRules::addWhereCopyFits),
            DockerfileRule.of("DF0004", WARNING, "ADD downloads a URL without a checksum",
                    "ADD https://… fetches a file at build time with no integrity check, so a compromised or changed "
                            + "download goes into the image unnoticed. Add --checksum=sha256:… to the ADD (BuildKit), "
                            + "or RUN curl -fsSLo file URL && echo \"SHA  file\" | sha256sum -c -. Hadolint DL3020.",
                    DockerfileRules::addUrl),
            DockerfileRule.of("DF0005", WARNING, "apt-get install without -y",
                    "apt-get install asks for confirmation; in a build there is nobody to answer and the step "
                            + "fails or hangs. Add -y (or --yes). Hadolint DL3014.",
                    (s, o) -> eachCommand(s, o, c -> c.isSub("apt-get", "install") && !c.hasFlag("-y", "--yes",
                            "--assume-yes", "-qq"), c -> "apt-get install without -y waits for a confirmation nobody gives",
                            "add -y: apt-get install -y …")),
            DockerfileRule.of("DF0006", INFO, "apt-get install without --no-install-recommends",
                    "By default apt installs 'recommended' packages too, often tens of megabytes the app never uses. "
                            + "Add --no-install-recommends and list what you need. Hadolint DL3015.",
                    (s, o) -> eachCommand(s, o, c -> c.isSub("apt-get", "install")
                            && !c.hasFlag("--no-install-recommends") && !c.toString().contains("Install-Recommends"),
                            c -> "apt-get install pulls in recommended packages too",
                            "add --no-install-recommends")),
            DockerfileRule.of("DF0007", INFO, "apt lists are not removed after apt-get install",
                    "apt-get update downloads package lists to /var/lib/apt/lists; left there they add tens of "
                            + "megabytes to the layer. End the same RUN with && rm -rf /var/lib/apt/lists/* (or use a "
                            + "cache mount for /var/lib/apt). Only checked for stages in the final image. Hadolint DL3009.",
                    DockerfileRules::aptListsKept),
            DockerfileRule.of("DF0008", WARNING, "apt-get upgrade or dist-upgrade in a build",
                    "Upgrading every package makes the image depend on the day of the build and can pull in "
                            + "changes the base image maintainers did not test. Use a newer base image tag instead, "
                            + "or upgrade only the package you need with apt-get install --only-upgrade pkg.",
                    (s, o) -> eachCommand(s, o, c -> (c.program().equals("apt-get") || c.program().equals("apt"))
                            && List.of("upgrade", "dist-upgrade", "full-upgrade").contains(String.valueOf(c.subcommand())),
                            c -> c.program() + " " + c.subcommand() + " makes the image depend on the day it was built",
                            "use a newer base image tag, or upgrade one package with apt-get install --only-upgrade")),
            DockerfileRule.of("DF0009", WARNING, "apt-get update alone in a RUN",
                    "Docker caches each RUN: an 'apt-get update' in its own layer stays cached while a later "
                            + "'apt-get install' changes, so the install uses stale lists and can fail or install old "
                            + "versions. Run update and install in one RUN: apt-get update && apt-get install -y …. "
                            + "Hadolint DL3009's companion, Docker best practices.",
                    DockerfileRules::aptUpdateAlone),
            DockerfileRule.of("DF0010", INFO, "apk add without --no-cache",
                    "apk add keeps its index in /var/cache/apk unless told not to, which bloats the layer. Use "
                            + "apk add --no-cache … (no separate apk update needed). Hadolint DL3019.",
                    (s, o) -> eachCommand(s, o, c -> c.isSub("apk", "add") && !c.hasFlag("--no-cache")
                            && !cleansIn(s, c, "/var/cache/apk") && !cacheMount(s, c),
                            c -> "apk add keeps the package index in the image",
                            "use apk add --no-cache …")),
            DockerfileRule.of("DF0011", INFO, "pip install without --no-cache-dir",
                    "pip keeps downloaded wheels in ~/.cache/pip, which ends up in the image layer. Add "
                            + "--no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or use a cache mount. Hadolint DL3042.",
                    DockerfileRules::pipCache),
            DockerfileRule.of("DF0012", WARNING, "npm install where npm ci fits",
                    "npm install may update package-lock.json and resolve different versions than the ones you "
                            + "tested; npm ci installs exactly what the lockfile says, fails when it is out of date, "
                            + "and is faster. Use RUN npm ci (npm ci --omit=dev for production images). Hadolint DL3016's "
                            + "neighbour; npm docs: https://docs.npmjs.com/cli/commands/npm-ci",
                    DockerfileRules::npmInstall),
            DockerfileRule.of("DF0013", INFO, "yum/dnf install without cleaning the cache",
                    "yum and dnf keep their metadata and package cache in /var/cache; left there it bloats the "
                            + "layer. End the same RUN with && yum clean all (dnf clean all). Hadolint DL3032/DL3040.",
                    DockerfileRules::yumClean),
            DockerfileRule.of("DF0014", WARNING, "CMD or ENTRYPOINT in shell form",
                    "The shell form runs the command under /bin/sh -c, so the app is not PID 1 and does not receive "
                            + "SIGTERM: docker stop waits the full timeout, then kills it. Use the exec form: "
                            + "CMD [\"node\", \"server.js\"]. Hadolint DL3025.",
                    DockerfileRules::shellForm),
            DockerfileRule.of("DF0015", WARNING, "Several CMD, ENTRYPOINT or HEALTHCHECK in one stage",
                    "Only the last CMD (ENTRYPOINT, HEALTHCHECK) of a stage takes effect; the earlier ones are dead "
                            + "code that misleads readers. Keep one. Hadolint DL4003/DL4004/DL3012.",
                    DockerfileRules::severalCmd),
            DockerfileRule.of("DF0016", WARNING, "Relative WORKDIR",
                    "A relative WORKDIR depends on the WORKDIR before it (or the base image's), which is easy to "
                            + "misread and breaks when the base image changes. Use an absolute path: WORKDIR /app. "
                            + "Hadolint DL3000.",
                    DockerfileRules::relativeWorkdir),
            DockerfileRule.of("DF0017", WARNING, "cd in RUN",
                    "cd changes directory for that RUN only, so later instructions still run elsewhere; the intent "
                            + "is clearer and lasting with WORKDIR /path. Hadolint DL3003.",
                    (s, o) -> eachCommand(s, o, c -> c.program().equals("cd"),
                            c -> "'" + c + "' only lasts for this RUN", "use WORKDIR /path instead of cd")),
            DockerfileRule.of("DF0018", WARNING, "sudo in RUN",
                    "Build steps already run as the current USER; sudo adds a setuid binary to the image and "
                            + "unpredictable TTY and signal behaviour. Switch with USER root for the step and back to "
                            + "the app user after it. Hadolint DL3004.",
                    (s, o) -> eachCommand(s, o, c -> c.program().equals("sudo"), c -> "sudo in a build step",
                            "drop sudo; use USER root before the step and USER app after it")),
            DockerfileRule.of("DF0019", WARNING, "Downloaded script piped into a shell",
                    "curl … | sh runs whatever the server returns, unverified, at build time. Download the file, "
                            + "check its sha256 (echo \"SHA  file\" | sha256sum -c -), then run it; or install from a "
                            + "package manager.",
                    DockerfileRules::curlPipeShell),
            DockerfileRule.of("DF0020", ERROR, "Secret-looking ENV or ARG",
                    "ENV values are stored in the image config and shown by docker inspect; ARG values are "
                            + "recorded in docker history. A password, token or key set this way is readable by "
                            + "anyone who can pull the image. Pass secrets at run time (environment, compose secrets) "
                            + "or at build time with RUN --mount=type=secret. ENV with a random-looking literal value is "
                            + "an error, a development default (changeme) a warning, a placeholder or a connection URL "
                            + "without a password (a build step's dummy DATABASE_URL) not reported; ARG is a warning.",
                    DockerfileRules::secretEnv),
            DockerfileRule.of("DF0021", INFO, "Legacy 'ENV key value' or 'LABEL key value' form",
                    "The space-separated form sets one variable whose value is the rest of the line, which surprises "
                            + "when a second pair is added; Docker marks it deprecated. Write ENV KEY=value (and "
                            + "LABEL key=value). BuildKit check LegacyKeyValueFormat.",
                    DockerfileRules::legacyKeyValue),
            DockerfileRule.of("DF0022", WARNING, "MAINTAINER is deprecated",
                    "MAINTAINER is deprecated. Use LABEL org.opencontainers.image.authors=\"name <mail>\". Hadolint DL4000.",
                    (s, o) -> eachInstruction(s, "MAINTAINER", i -> o.report(i.line(), "MAINTAINER is deprecated",
                            "use LABEL org.opencontainers.image.authors=\"…\""))),
            DockerfileRule.of("DF0023", ERROR, "COPY of several sources to a target without a trailing '/'",
                    "With more than one source, the destination must be a directory written with a trailing slash; "
                            + "Docker refuses the build otherwise. Write COPY a b /app/. Hadolint DL3021.",
                    DockerfileRules::copyManyToFile),
            DockerfileRule.of("DF0024", ERROR, "Invalid EXPOSE port",
                    "EXPOSE takes container ports from 1 to 65535 with an optional /tcp or /udp; host mappings "
                            + "(8080:80) belong in docker run -p or compose ports. Hadolint DL3011.",
                    DockerfileRules::invalidExpose),
            DockerfileRule.of("DF0025", WARNING, "FROM --platform with a constant",
                    "A hard-coded --platform makes the build emulate that platform everywhere (slow) or produce an "
                            + "image for the wrong architecture. Use --platform=$BUILDPLATFORM for build stages or "
                            + "$TARGETPLATFORM, or leave it out. Hadolint DL3029.",
                    DockerfileRules::constantPlatform),
            DockerfileRule.of("DF0026", INFO, "No HEALTHCHECK in the final image",
                    "Without a HEALTHCHECK Docker only knows the process is running, not that the app answers; "
                            + "compose depends_on: service_healthy and orchestrators cannot wait for it. Add e.g. "
                            + "HEALTHCHECK CMD [\"wget\", \"-qO-\", \"http://localhost:8080/health\"], or define the "
                            + "healthcheck in compose. Reported only for images that EXPOSE a port (a command-line "
                            + "tool or a one-shot job has nothing to probe), and not for scratch and distroless images, "
                            + "which have no tools to run a check.",
                    DockerfileRules::missingHealthcheck),
            DockerfileRule.of("DF0027", WARNING, "COPY of the whole context before installing dependencies",
                    "Docker reuses a cached layer only while its inputs are unchanged: COPY . . before npm ci / "
                            + "pip install -r (or before mvn package / go build with no earlier dependency step and no "
                            + "cache mount) means every source edit reinstalls all dependencies. Copy the manifests first "
                            + "(COPY package.json package-lock.json ./, or pom.xml then mvn dependency:go-offline), "
                            + "install, then COPY . .",
                    DockerfileRules::copyAllBeforeInstall),
            DockerfileRule.of("DF0028", INFO, "BuildKit-only syntax (RUN --mount, heredoc)",
                    "RUN --mount and heredocs need BuildKit. devops up builds through the Docker Engine API's "
                            + "classic builder, which rejects them; docker build with BuildKit (the default in Docker "
                            + "23+) accepts them. Build with BuildKit (DOCKER_BUILDKIT=1), or rewrite the step "
                            + "without the mount or heredoc if devops up must build it.",
                    DockerfileRules::buildkitOnly),
            DockerfileRule.of("DF0029", ERROR, "Duplicate stage name",
                    "Two stages with the same AS name make COPY --from and --target ambiguous; Docker rejects it. "
                            + "Rename one of them. Hadolint DL3024.",
                    DockerfileRules::duplicateStage),
            DockerfileRule.of("DF0030", ERROR, "COPY --from names no earlier stage",
                    "COPY --from=name must name an earlier stage (or an image with a tag, like nginx:1.27). A name "
                            + "that is not a stage is pulled as an image from the registry; the current stage cannot "
                            + "copy from itself. Hadolint DL3022/DL3023.",
                    DockerfileRules::copyFromUndefined),
            DockerfileRule.of("DF0031", ERROR, "FROM names a stage defined later",
                    "A stage can only build on stages above it; FROM with the name of a later (or the same) stage is "
                            + "pulled as an image from the registry instead. Move the stage up, or fix the name.",
                    DockerfileRules::fromLaterStage),
            DockerfileRule.of("DF0032", WARNING, "COPY to a relative path without WORKDIR",
                    "A relative COPY destination is resolved against the working directory, which is the base "
                            + "image's (often /) when this stage sets no WORKDIR. Set WORKDIR /app first, or use an "
                            + "absolute destination. Hadolint DL3045.",
                    DockerfileRules::copyRelativeNoWorkdir),
            DockerfileRule.of("DF0033", WARNING, "useradd with a high UID and without -l",
                    "useradd records every UID in the sparse /var/log/lastlog and faillog; with a UID in the "
                            + "hundreds of thousands and overlay storage this writes gigabytes into the layer. Add -l "
                            + "(--no-log-init). Hadolint DL3046.",
                    DockerfileRules::useraddHighUid),
            DockerfileRule.of("DF0034", WARNING, "apt used instead of apt-get",
                    "apt is meant for people at a terminal and warns that its interface is unstable in scripts. "
                            + "Use apt-get (or apt-cache) in Dockerfiles. Hadolint DL3027.",
                    (s, o) -> eachCommand(s, o, c -> c.program().equals("apt") && c.subcommand() != null,
                            c -> "apt " + c.subcommand() + ": apt has no stable interface for scripts",
                            "use apt-get instead of apt")),
            DockerfileRule.of("DF0035", INFO, "Package installed without a version",
                    "apt-get install pkg, apk add pkg, pip install pkg, npm install -g pkg and gem install pkg take "
                            + "whatever version is current at build time. Pin versions (pkg=1.2.*, pkg==1.2.3, "
                            + "pkg@1.2.3) or a requirements/lock file for repeatable builds. Hadolint DL3008, DL3013, "
                            + "DL3016, DL3018, DL3028.",
                    DockerfileRules::unpinned),
            DockerfileRule.of("DF0036", WARNING, "EXPOSE 22 (SSH)",
                    "Running an SSH server in a container is rarely needed and widens the attack surface; use "
                            + "docker exec to get a shell. Remove EXPOSE 22 and the SSH daemon.",
                    DockerfileRules::exposeSsh),
            DockerfileRule.of("DF0037", ERROR, "'.env' would be copied into the image",
                    "COPY . (or ADD .) copies the whole build context, and with no .dockerignore (or one that does "
                            + "not exclude .env) that includes the local .env file with its secrets, baked into a "
                            + "layer anyone with the image can read. Add a .dockerignore next to the Dockerfile with "
                            + "a line '.env' (and '.env.*', '!.env.example'). Error when a .env file is present, "
                            + "warning otherwise.",
                    DockerfileRules::envBakedIn),
            DockerfileRule.of("DF0038", INFO, "chown -R after COPY duplicates the files",
                    "chown -R on files copied by an earlier COPY rewrites them into a new layer, doubling their size "
                            + "in the image. Set the owner while copying: COPY --chown=app:app . .",
                    DockerfileRules::chownAfterCopy),
            DockerfileRule.of("DF0039", WARNING, "CMD/ENTRYPOINT/RUN looks like JSON but is not",
                    "An exec-form array must be valid JSON with double quotes. ['npm', 'start'] is not, so Docker "
                            + "runs the whole text as a shell command, which fails at run time. Write "
                            + "[\"npm\", \"start\"].",
                    DockerfileRules::brokenJson),
            DockerfileRule.of("DF0040", INFO, "Pipe in RUN without pipefail",
                    "/bin/sh -c 'a | b' succeeds when b succeeds, even if a failed (a download that 404s piped into "
                            + "tar). Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN, or start the "
                            + "RUN with set -o pipefail &&. Hadolint DL4006.",
                    DockerfileRules::pipefail));

    // ---- helpers ----

    interface CommandTest {
        boolean test(ShellCommand c);
    }

    interface CommandText {
        String text(ShellCommand c);
    }

    /** Reports each RUN command matching {@code test}, once per RUN. */
    private static void eachCommand(DockerfileScope s, DockerfileRule.Reporter o, CommandTest test, CommandText message,
            String hint) {
        for (Stage st : s.stages()) {
            for (Instruction i : st.body()) {
                if (!i.is("RUN")) {
                    continue;
                }
                for (ShellCommand c : s.commands(i)) {
                    if (test.test(c)) {
                        o.report(i.line(), message.text(c), hint);
                        break;
                    }
                }
            }
        }
    }

    private static void eachInstruction(DockerfileScope s, String keyword, java.util.function.Consumer<Instruction> f) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is(keyword)) {
                f.accept(i);
            }
        }
    }

    /** The RUN instruction that holds command {@code c}. */
    private static Instruction runOf(DockerfileScope s, ShellCommand c) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("RUN") && s.commands(i).contains(c)) {
                return i;
            }
        }
        return null;
    }

    private static boolean cleansIn(DockerfileScope s, ShellCommand c, String dir) {
        Instruction run = runOf(s, c);
        if (run == null) {
            return false;
        }
        for (ShellCommand other : s.commands(run)) {
            if (other.program().equals("rm")) {
                for (String w : other.command()) {
                    if (w.startsWith(dir)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean cacheMount(DockerfileScope s, ShellCommand c) {
        Instruction run = runOf(s, c);
        return run != null && run.hasFlag("mount") && run.flag("mount").contains("type=cache");
    }

    private static List<String> copySources(Instruction i) {
        List<String> words = i.isExecForm() ? new ArrayList<>(i.json()) : new ArrayList<>(ShellCommand.words(i.rest()));
        if (words.isEmpty()) {
            return words;
        }
        words.remove(words.size() - 1);
        return words;
    }

    private static String copyDest(Instruction i) {
        List<String> words = i.isExecForm() ? i.json() : ShellCommand.words(i.rest());
        return words.isEmpty() ? null : words.get(words.size() - 1);
    }

    private static boolean isUrl(String src) {
        String l = src.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("git@") || l.startsWith("git://");
    }

    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|"
            + "tar\\.zst|tar\\.lz|gz|bz2|xz)$");

    // ---- checks ----

    private static void untaggedBase(DockerfileScope s, DockerfileRule.Reporter o) {
        Set<String> stageNames = new HashSet<>();
        s.stages().forEach(st -> {
            if (st.name() != null) {
                stageNames.add(st.name());
            }
        });
        for (Stage st : s.stages()) {
            if (st.isScratch() || st.parentStage() >= 0 || !st.resolved()
                    || stageNames.contains(st.image().toLowerCase(Locale.ROOT))) {
                continue;
            }
            ImageRef ref = ImageRef.parse(st.image());
            if (ref.floating()) {
                boolean latest = "latest".equals(ref.tag());
                o.report(st.from().line(), "base image '" + st.image() + "' " + (latest ? "uses the floating 'latest' tag"
                        : "has no tag, so it means 'latest'") + ": builds change without a commit",
                        "pin a version, e.g. FROM " + ref.repository() + ":<version>");
            }
        }
    }

    private static final Set<String> ROOT = Set.of("root", "0", "root:root", "0:0", "root:0", "0:root");

    private static void runsAsRoot(DockerfileScope s, DockerfileRule.Reporter o) {
        Stage last = s.dockerfile().lastStage();
        if (last == null) {
            return;
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
            if (st.parentStage() < 0) {
                String image = st.image().toLowerCase(Locale.ROOT);
                if (image.contains("nonroot") || image.startsWith("cgr.dev/chainguard/")) {
                    return; // images that default to a non-root user
                }
            }
        }
        o.report(last.from().line(), "the final stage has no USER, so the container runs as root",
                "create a user and add USER app (or USER node, USER nobody…) before CMD");
    }

    private static void addWhereCopyFits(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "ADD", i -> {
            List<String> src = copySources(i);
            if (!i.heredocs().isEmpty() && src.stream().allMatch(w -> w.startsWith("<<"))) {
                o.report(i.line(), "ADD of a heredoc: COPY does the same", "use COPY <<EOF …");
                return;
            }
            if (!src.isEmpty() && src.stream().noneMatch(w -> isUrl(w) || ARCHIVE.matcher(w).matches() || w.contains("$"))) {
                o.report(i.line(), "ADD of local files: COPY is clearer (ADD also unpacks archives and downloads URLs)",
                        "use COPY " + i.rest());
            }
        });
    }

    private static void addUrl(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "ADD", i -> {
            if (i.hasFlag("checksum")) {
                return;
            }
            for (String src : copySources(i)) {
                if (src.toLowerCase(Locale.ROOT).startsWith("http://") || src.toLowerCase(Locale.ROOT).startsWith("https://")) {
                    o.report(i.line(), "ADD downloads " + src + " with no integrity check",
                            "add --checksum=sha256:<hash>, or download with curl and verify with sha256sum");
                    return;
                }
            }
        });
    }

    private static boolean inFinalImage(DockerfileScope s, Stage st) {
        return s.finalLineage().contains(st);
    }

    private static void aptListsKept(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            if (!inFinalImage(s, st)) {
                continue;
            }
            for (Instruction i : st.body()) {
                if (!i.is("RUN")) {
                    continue;
                }
                boolean install = false;
                for (ShellCommand c : s.commands(i)) {
                    install |= c.isSub("apt-get", "install") || c.isSub("apt", "install");
                }
                if (install && (!i.hasFlag("mount") || !i.flag("mount").contains("/var/lib/apt"))) {
                    boolean cleaned = false;
                    for (ShellCommand c : s.commands(i)) {
                        if (c.program().equals("rm")) {
                            for (String w : c.command()) {
                                cleaned |= w.startsWith("/var/lib/apt/lists");
                            }
                        }
                    }
                    if (!cleaned) {
                        o.report(i.line(), "apt lists stay in the image after apt-get install",
                                "end the RUN with && rm -rf /var/lib/apt/lists/*");
                    }
                }
            }
        }
    }

    private static void aptUpdateAlone(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "RUN", i -> {
            boolean update = false;
            boolean install = false;
            for (ShellCommand c : s.commands(i)) {
                String p = c.program();
                if (p.equals("apt-get") || p.equals("apt")) {
                    String sub = c.subcommand();
                    update |= "update".equals(sub);
                    install |= sub != null && !sub.equals("update");
                }
            }
            if (update && !install) {
                o.report(i.line(), "apt-get update in its own RUN: its cached layer goes stale for later installs",
                        "combine them: RUN apt-get update && apt-get install -y …");
            }
        });
    }

    private static boolean isPip(ShellCommand c) {
        List<String> w = c.command();
        String p = c.program();
        if (p.matches("pip[0-9.]*")) {
            return "install".equals(c.subcommand());
        }
        if (p.matches("python[0-9.]*")) {
            int m = w.indexOf("-m");
            return m >= 0 && m + 2 < w.size() && w.get(m + 1).matches("pip[0-9.]*") && w.get(m + 2).equals("install");
        }
        return false;
    }

    private static void pipCache(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            boolean envSet = false;
            for (Stage anc : s.lineage(st)) {
                for (Instruction i : anc.body()) {
                    if (i.is("ENV") && i.rest().contains("PIP_NO_CACHE_DIR")) {
                        envSet = true;
                    }
                }
            }
            if (envSet) {
                continue;
            }
            for (Instruction i : st.body()) {
                if (!i.is("RUN") || (i.hasFlag("mount") && i.flag("mount").contains("type=cache"))) {
                    continue;
                }
                for (ShellCommand c : s.commands(i)) {
                    if (isPip(c) && !c.hasFlag("--no-cache-dir")) {
                        o.report(i.line(), "pip install keeps its download cache in the image",
                                "add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1)");
                        break;
                    }
                }
            }
        }
    }

    private static void npmInstall(DockerfileScope s, DockerfileRule.Reporter o) {
        boolean lock = s.contextHas("package-lock.json") || s.contextHas("npm-shrinkwrap.json");
        eachCommand(s, o, c -> c.program().equals("npm") && List.of("install", "i").contains(String.valueOf(c.subcommand()))
                && c.operands().isEmpty() && !c.hasFlag("-g", "--global"),
                c -> lock ? "npm install with package-lock.json in the build context: npm ci installs exactly the locked versions"
                        : "npm install resolves versions at build time; with a committed package-lock.json, npm ci would install exactly those",
                lock ? "use RUN npm ci (npm ci --omit=dev for production)" : "commit package-lock.json and use RUN npm ci");
    }

    private static void yumClean(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "RUN", i -> {
            String tool = null;
            boolean clean = false;
            for (ShellCommand c : s.commands(i)) {
                String p = c.program();
                if (List.of("yum", "dnf", "microdnf").contains(p)) {
                    if ("install".equals(c.subcommand())) {
                        tool = p;
                    }
                    if ("clean".equals(c.subcommand())) {
                        clean = true;
                    }
                }
                if (p.equals("rm")) {
                    for (String w : c.command()) {
                        clean |= w.startsWith("/var/cache/yum") || w.startsWith("/var/cache/dnf");
                    }
                }
            }
            if (tool != null && !clean && !(i.hasFlag("mount") && i.flag("mount").contains("type=cache"))) {
                o.report(i.line(), tool + " install leaves its cache in the image", "end the RUN with && " + tool + " clean all");
            }
        });
    }

    private static void shellForm(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if ((i.is("CMD") || i.is("ENTRYPOINT")) && !i.isExecForm() && !i.rest().strip().startsWith("[")) {
                List<String> words = ShellCommand.words(i.rest());
                StringBuilder exec = new StringBuilder("[");
                for (int k = 0; k < words.size(); k++) {
                    exec.append(k > 0 ? ", " : "").append('"').append(words.get(k).replace("\"", "\\\"")).append('"');
                }
                exec.append(']');
                o.report(i.line(), i.keyword() + " in shell form: the app runs under /bin/sh and misses SIGTERM",
                        "use the exec form: " + i.keyword() + " " + exec);
            }
        }
    }

    private static void severalCmd(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            Map<String, Integer> first = new HashMap<>();
            for (Instruction i : st.body()) {
                if (i.is("CMD") || i.is("ENTRYPOINT") || i.is("HEALTHCHECK")) {
                    Integer prev = first.putIfAbsent(i.keyword(), i.line());
                    if (prev != null) {
                        o.report(i.line(), "a second " + i.keyword() + " in this stage overrides the one at line " + prev,
                                "keep one " + i.keyword() + " per stage");
                    }
                }
            }
        }
    }

    private static boolean absolute(String p) {
        return p.startsWith("/") || p.startsWith("$") || p.matches("(?i)[a-z]:[\\\\/].*") || p.startsWith("\\");
    }

    private static void relativeWorkdir(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "WORKDIR", i -> {
            String p = unquote(i.rest().strip());
            if (!p.isEmpty() && !absolute(p)) {
                o.report(i.line(), "WORKDIR " + p + " is relative to the previous working directory",
                        "use an absolute path, e.g. WORKDIR /" + p.replaceFirst("^\\./", ""));
            }
        });
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh");

    private static void curlPipeShell(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "RUN", i -> {
            List<ShellCommand> cmds = s.commands(i);
            for (int k = 0; k < cmds.size(); k++) {
                ShellCommand c = cmds.get(k);
                boolean fetch = c.program().equals("curl") || c.program().equals("wget");
                if (fetch && k + 1 < cmds.size() && cmds.get(k + 1).separator().equals("|")) {
                    // the next stage of the pipe (skipping sudo)
                    ShellCommand next = cmds.get(k + 1);
                    String p = next.program().equals("sudo") && next.command().size() > 1 ? next.command().get(1) : next.program();
                    if (SHELLS.contains(p.substring(p.lastIndexOf('/') + 1))) {
                        o.report(i.line(), c.program() + " output piped straight into " + p + ": runs unverified code",
                                "download to a file, verify its sha256, then run it");
                        return;
                    }
                }
                if (SHELLS.contains(c.program()) && c.toString().matches("(?s).*\\$\\((curl|wget) .*")) {
                    o.report(i.line(), c.program() + " runs a script fetched with $(curl …) unverified",
                            "download to a file, verify its sha256, then run it");
                    return;
                }
            }
        });
    }

    private static void secretEnv(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("ENV")) {
                List<String[]> pairs = envPairs(i);
                for (String[] kv : pairs) {
                    String v = kv[1] == null ? "" : kv[1];
                    if (VariableNames.isSecret(kv[0]) && !v.isEmpty()) {
                        int at = i.arguments().indexOf(kv[0]);
                        int line = at < 0 ? i.line() : i.lineAt(at);
                        boolean literal = !v.strip().matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(:?[-+][^}]*)?}?");
                        if (literal) {
                            // the secrets severity model: a placeholder or a URI without a password is no secret, a
                            // development default a warning, a live-looking value an error
                            dev.devops.lint.secrets.Filters.Strength strength = dev.devops.lint.secrets.Filters.strength(unquote(v.strip()));
                            if (strength == dev.devops.lint.secrets.Filters.Strength.NONE) {
                                continue; // ENV DATABASE_URL="postgresql://placeholder:placeholder@…" for a build step
                            }
                            o.report(line, strength == dev.devops.lint.secrets.Filters.Strength.LIVE ? ERROR : WARNING, "ENV " + kv[0]
                                    + " sets a " + (strength == dev.devops.lint.secrets.Filters.Strength.LIVE ? "secret-looking"
                                    : "development default") + " value that anyone with the image can read",
                                    "remove it from the Dockerfile and pass it at run time (compose environment or secrets)");
                        } else {
                            o.report(line, WARNING, "ENV " + kv[0] + " copies a build argument into the image config",
                                    "pass the secret at run time instead, or use RUN --mount=type=secret at build time");
                        }
                    }
                }
            } else if (i.is("ARG")) {
                for (String[] kv : DockerfileParser.argPairs(i.rest())) {
                    if (VariableNames.isSecret(kv[0])) {
                        o.report(i.line(), WARNING, "ARG " + kv[0] + (kv[1] == null ? "" : " has a default and")
                                + " is recorded in the image history (docker history)",
                                "use RUN --mount=type=secret,id=" + kv[0].toLowerCase(Locale.ROOT) + " for build secrets");
                    }
                }
            }
        }
    }

    /** ENV pairs; the legacy form "ENV key value" gives one pair. */
    static List<String[]> envPairs(Instruction i) {
        List<String> words = ShellCommand.words(i.rest());
        List<String[]> out = new ArrayList<>();
        if (!words.isEmpty() && words.get(0).indexOf('=') < 0) {
            String rest = i.rest().strip();
            int sp = rest.indexOf(' ');
            out.add(new String[] {words.get(0), sp < 0 ? "" : rest.substring(sp + 1).strip()});
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            out.add(eq < 0 ? new String[] {w, null} : new String[] {w.substring(0, eq), w.substring(eq + 1)});
        }
        return out;
    }

    private static void legacyKeyValue(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("ENV") || i.is("LABEL")) {
                List<String> words = ShellCommand.words(i.rest());
                if (!words.isEmpty() && words.get(0).indexOf('=') < 0) {
                    String rest = i.rest().strip();
                    int sp = rest.indexOf(' ');
                    String value = sp < 0 ? "" : rest.substring(sp + 1).strip();
                    o.report(i.line(), i.keyword() + " " + words.get(0) + " " + value + " uses the legacy space-separated form",
                            "write " + i.keyword() + " " + words.get(0) + "=" + (value.contains(" ") && !value.startsWith("\"")
                                    ? "\"" + value + "\"" : value));
                }
            }
        }
    }

    private static void copyManyToFile(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("COPY") || i.is("ADD")) {
                List<String> src = copySources(i);
                String dest = copyDest(i);
                if (src.size() > 1 && dest != null && !dest.endsWith("/") && !dest.equals(".") && !dest.endsWith("/.")
                        && !dest.equals("..") && !dest.startsWith("$")) {
                    o.report(i.line(), i.keyword() + " of " + src.size() + " sources to '" + dest + "', which has no trailing '/'",
                            "write the destination as a directory: " + dest + "/");
                }
            }
        }
    }

    private static void invalidExpose(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "EXPOSE", i -> {
            for (String w : ShellCommand.words(i.rest())) {
                if (w.contains("$")) {
                    continue;
                }
                String port = w;
                String proto = null;
                int slash = w.indexOf('/');
                if (slash >= 0) {
                    port = w.substring(0, slash);
                    proto = w.substring(slash + 1).toLowerCase(Locale.ROOT);
                }
                String problem = null;
                if (proto != null && !proto.equals("tcp") && !proto.equals("udp")) {
                    problem = "protocol '" + proto + "' is not tcp or udp";
                } else if (port.contains(":")) {
                    problem = "'" + w + "' is a host:container mapping; EXPOSE takes container ports only";
                } else {
                    int[] r = range(port);
                    if (r == null) {
                        problem = "'" + port + "' is not a port number";
                    } else if (r[0] < 1 || r[1] > 65535 || r[0] > r[1]) {
                        problem = "port " + port + " is outside 1-65535";
                    }
                }
                if (problem != null) {
                    o.report(i.line(), "invalid EXPOSE: " + problem, "write EXPOSE <port>[/tcp|/udp] with a port from 1 to 65535");
                }
            }
        });
    }

    static int[] range(String p) {
        try {
            int dash = p.indexOf('-');
            if (dash < 0) {
                int v = Integer.parseInt(p);
                return new int[] {v, v};
            }
            return new int[] {Integer.parseInt(p.substring(0, dash)), Integer.parseInt(p.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void constantPlatform(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            String p = st.from().flag("platform");
            if (p != null && !p.contains("$")) {
                o.report(st.from().line(), "FROM --platform=" + p + " is hard-coded",
                        "use --platform=$BUILDPLATFORM (build stages) or $TARGETPLATFORM, or drop the flag");
            }
        }
    }

    private static void missingHealthcheck(DockerfileScope s, DockerfileRule.Reporter o) {
        Stage last = s.dockerfile().lastStage();
        if (last == null) {
            return;
        }
        boolean exposes = false;
        for (Stage st : s.lineage(last)) {
            for (Instruction i : st.body()) {
                exposes |= i.is("EXPOSE");
            }
        }
        if (!exposes) {
            return;
        }
        for (Stage st : s.lineage(last)) {
            for (Instruction i : st.body()) {
                if (i.is("HEALTHCHECK")) {
                    return;
                }
            }
            if (st.parentStage() < 0) {
                String img = st.image().toLowerCase(Locale.ROOT);
                if (st.isScratch() || img.contains("distroless") || img.startsWith("cgr.dev/chainguard/static")) {
                    return;
                }
            }
        }
        o.report(last.from().line(), "the final image has no HEALTHCHECK",
                "add HEALTHCHECK CMD … that probes the app, or a healthcheck in compose");
    }

    private static boolean copiesEverything(Instruction i) {
        if (!(i.is("COPY") || i.is("ADD")) || i.hasFlag("from")) {
            return false;
        }
        for (String src : copySources(i)) {
            String n = src.replaceAll("/+$", "");
            if (n.equals(".") || n.isEmpty() || n.equals("*") || n.equals("./*") || n.equals("./.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean dependencyInstall(ShellCommand c) {
        String p = c.program();
        String sub = c.subcommand();
        if (p.equals("npm")) {
            return "ci".equals(sub) || (List.of("install", "i").contains(String.valueOf(sub)) && c.operands().isEmpty());
        }
        if (p.equals("yarn")) {
            return sub == null || sub.equals("install");
        }
        if (p.equals("pnpm")) {
            return "install".equals(sub) || "i".equals(sub);
        }
        if (isPip(c)) {
            return c.hasFlag("-r", "--requirement");
        }
        if (p.equals("poetry") || p.equals("pipenv") || p.equals("bundle") || p.equals("composer")) {
            return "install".equals(sub);
        }
        if (p.equals("uv")) {
            return "sync".equals(sub);
        }
        if (p.equals("go")) {
            return c.command().size() > 2 && c.command().get(1).equals("mod") && c.command().get(2).equals("download");
        }
        if (p.equals("mvn") || p.equals("mvnw")) {
            return c.command().stream().anyMatch(w -> w.startsWith("dependency:"));
        }
        return false;
    }

    /** A build that resolves dependencies itself (mvn package, gradle build, go build) when no earlier step did. */
    private static boolean buildFetchingDependencies(ShellCommand c) {
        String p = c.program();
        if (p.equals("mvn") || p.equals("mvnw") || p.equals("gradle") || p.equals("gradlew")) {
            return c.command().stream().skip(1).anyMatch(w -> !w.startsWith("-") && !w.startsWith("dependency:"));
        }
        return p.equals("go") && "build".equals(c.subcommand());
    }

    private static void copyAllBeforeInstall(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            Instruction copyAll = null;
            boolean depsDone = false;
            for (Instruction i : st.body()) {
                if (copyAll == null && copiesEverything(i)) {
                    copyAll = i;
                } else if (i.is("RUN")) {
                    boolean cached = i.hasFlag("mount") && i.flag("mount").contains("type=cache");
                    for (ShellCommand c : s.commands(i)) {
                        boolean install = dependencyInstall(c);
                        if (copyAll == null) {
                            depsDone |= install;
                            continue;
                        }
                        if (install || (!depsDone && !cached && buildFetchingDependencies(c))) {
                            o.report(copyAll.line(), "COPY of the whole context before '" + String.join(" ", c.command())
                                    + "' (line " + i.line() + "): every source change " + (install
                                            ? "reinstalls all dependencies" : "downloads all dependencies again"),
                                    "copy only the dependency manifests first (package.json, requirements.txt, pom.xml, "
                                            + "go.mod…), install or fetch, then COPY the rest");
                            copyAll = null;
                            break;
                        }
                    }
                }
            }
        }
    }

    private static void buildkitOnly(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("RUN") && i.hasFlag("mount")) {
                o.report(i.line(), "RUN --mount needs BuildKit; devops up's classic builder cannot build it",
                        "build with BuildKit, or drop the mount if devops up must build this image");
            } else if (!i.heredocs().isEmpty()) {
                o.report(i.line(), i.keyword() + " with a heredoc needs BuildKit; devops up's classic builder cannot build it",
                        "build with BuildKit, or write the heredoc as a file and COPY it");
            }
        }
    }

    private static void duplicateStage(DockerfileScope s, DockerfileRule.Reporter o) {
        Map<String, Integer> seen = new HashMap<>();
        for (Stage st : s.stages()) {
            if (st.name() != null) {
                Integer prev = seen.putIfAbsent(st.name(), st.from().line());
                if (prev != null) {
                    o.report(st.from().line(), "stage name '" + st.name() + "' is already used at line " + prev,
                            "give each stage its own name");
                }
            }
        }
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

    private static void fromLaterStage(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            String img = st.image().toLowerCase(Locale.ROOT);
            Stage target = s.dockerfile().stage(img);
            if (target != null && target.index() >= st.index() && st.parentStage() < 0) {
                o.report(st.from().line(), "FROM " + st.image() + " names a stage that is not above this one",
                        "move stage '" + img + "' before this FROM");
            }
        }
    }

    private static void copyRelativeNoWorkdir(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            boolean workdir = false;
            for (Stage anc : s.lineage(st)) {
                if (anc != st) {
                    workdir |= anc.body().stream().anyMatch(i -> i.is("WORKDIR"));
                }
            }
            for (Instruction i : st.body()) {
                if (i.is("WORKDIR")) {
                    workdir = true;
                } else if ((i.is("COPY") || i.is("ADD")) && !workdir) {
                    String dest = copyDest(i);
                    if (dest != null && !absolute(unquote(dest))) {
                        o.report(i.line(), i.keyword() + " to relative '" + dest + "' with no WORKDIR set in this stage",
                                "add WORKDIR /app before it, or copy to an absolute path");
                    }
                }
            }
        }
    }

    private static void useraddHighUid(DockerfileScope s, DockerfileRule.Reporter o) {
        eachCommand(s, o, c -> {
            if (!c.program().equals("useradd") || c.hasFlag("-l", "--no-log-init")) {
                return false;
            }
            List<String> w = c.command();
            for (int k = 0; k < w.size(); k++) {
                String uid = null;
                if ((w.get(k).equals("-u") || w.get(k).equals("--uid")) && k + 1 < w.size()) {
                    uid = w.get(k + 1);
                } else if (w.get(k).startsWith("--uid=")) {
                    uid = w.get(k).substring(6);
                }
                if (uid != null && uid.matches("\\d{6,}")) {
                    return true;
                }
            }
            return false;
        }, c -> "useradd with a high UID and without -l writes a huge sparse lastlog into the layer",
                "add -l (--no-log-init) to useradd");
    }

    private static void unpinned(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "RUN", i -> {
            for (ShellCommand c : s.commands(i)) {
                List<String> pkgs = new ArrayList<>();
                String how = null;
                if (c.isSub("apt-get", "install")) {
                    c.operands().stream().filter(p -> !p.contains("=") && !p.endsWith(".deb") && !p.contains("$")).forEach(pkgs::add);
                    how = "pkg=version";
                } else if (c.isSub("apk", "add")) {
                    // options anywhere (apk --no-cache add, apk add -t .deps x): ShellCommand knows which take a value
                    c.operands().stream().filter(a -> !a.contains("=") && !a.contains("$") && !a.startsWith(".")
                            && !a.contains("~")).forEach(pkgs::add);
                    how = "pkg=version";
                } else if (isPip(c) && !c.hasFlag("-r", "--requirement", "-e", "--editable", "-c", "--constraint")) {
                    for (String a : c.operands()) {
                        if (!a.equals("install") && !a.matches(".*(==|>=|<=|~=|!=|>|<|@).*") && !a.startsWith(".")
                                && !a.startsWith("/") && !a.contains("$") && !a.endsWith(".whl") && !a.endsWith(".tar.gz")
                                && !a.contains("://")) {
                            pkgs.add(a);
                        }
                    }
                    how = "pkg==version";
                } else if (c.program().equals("npm") && c.hasFlag("-g", "--global")
                        && List.of("install", "i").contains(String.valueOf(c.subcommand()))) {
                    c.operands().stream().filter(p -> p.lastIndexOf('@') <= 0 && !p.contains("$")).forEach(pkgs::add);
                    how = "pkg@version";
                } else if (c.isSub("gem", "install") && !c.hasFlag("-v", "--version")) {
                    c.operands().stream().filter(p -> !p.contains(":") && !p.contains("$")).forEach(pkgs::add);
                    how = "pkg:version or -v version";
                }
                if (!pkgs.isEmpty()) {
                    o.report(i.line(), "'" + c.program() + "' installs " + String.join(", ", pkgs) + " without a version",
                            "pin versions (" + how + ") for repeatable builds");
                    return;
                }
            }
        });
    }

    private static void exposeSsh(DockerfileScope s, DockerfileRule.Reporter o) {
        eachInstruction(s, "EXPOSE", i -> {
            for (String w : ShellCommand.words(i.rest())) {
                if (w.equals("22") || w.equals("22/tcp")) {
                    o.report(i.line(), "EXPOSE 22: an SSH server in a container", "use docker exec for a shell; remove sshd");
                }
            }
        });
    }

    private static void envBakedIn(DockerfileScope s, DockerfileRule.Reporter o) {
        Instruction copy = null;
        for (Stage st : s.stages()) {
            for (Instruction i : st.body()) {
                if (copy == null && copiesEverything(i)) {
                    copy = i;
                }
            }
        }
        if (copy == null || s.contextDir() == null) {
            return;
        }
        Path dir = s.contextDir();
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
            DockerIgnore di = DockerIgnore.parse(Files.readString(ignore, StandardCharsets.UTF_8));
            if (!di.excluded(".env")) {
                o.report(copy.line(), sev, copy.keyword() + " " + copy.rest() + " copies " + present + " into the image: "
                        + dir.relativize(ignore) + " does not exclude .env", "add the line .env to " + ignore.getFileName());
            }
        } catch (IOException e) {
            o.report(copy.line(), sev, "cannot read " + ignore.getFileName() + " to check that it excludes .env: "
                    + e.getMessage(), "make the file readable");
        }
    }

    private static String resolveDir(String workdir, String p) {
        String base = workdir == null ? "/" : workdir;
        String full = p.startsWith("/") ? p : (base.endsWith("/") ? base : base + "/") + p;
        String n = Path.of(full).normalize().toString();
        return n.length() > 1 && n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static void chownAfterCopy(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            String workdir = null;
            Set<String> copied = new HashSet<>();
            for (Instruction i : st.body()) {
                if (i.is("WORKDIR")) {
                    workdir = resolveDir(workdir, unquote(i.rest().strip()));
                } else if ((i.is("COPY") || i.is("ADD")) && !i.hasFlag("chown")) {
                    String d = copyDest(i);
                    if (d != null && !d.contains("$")) {
                        copied.add(resolveDir(workdir, d));
                    }
                } else if (i.is("RUN") && !copied.isEmpty()) {
                    for (ShellCommand c : s.commands(i)) {
                        if (c.program().equals("chown") && c.hasFlag("-R", "--recursive")) {
                            List<String> ops = c.operands();
                            if (!ops.isEmpty() && copied.contains(resolveDir(workdir, ops.get(ops.size() - 1)))) {
                                o.report(i.line(), "chown -R " + ops.get(ops.size() - 1)
                                        + " rewrites files an earlier COPY added, doubling them in the image",
                                        "set the owner while copying: COPY --chown=" + c.subcommand() + " …");
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    private static void brokenJson(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if ((i.is("CMD") || i.is("ENTRYPOINT") || i.is("RUN") || i.is("SHELL")) && !i.isExecForm()) {
                String r = i.rest().strip();
                if (r.startsWith("[") && r.endsWith("]")) {
                    o.report(i.line(), i.keyword() + " " + r + " is not valid JSON, so Docker runs it as a shell command",
                            "use double quotes: " + i.keyword() + " " + r.replace('\'', '"'));
                }
            }
        }
    }

    private static void pipefail(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            boolean shellPipefail = false;
            boolean nonPosix = false;
            for (Instruction i : st.body()) {
                if (i.is("SHELL")) {
                    String sh = i.isExecForm() ? String.join(" ", i.json()) : i.rest();
                    shellPipefail = sh.contains("pipefail");
                    nonPosix = sh.toLowerCase(Locale.ROOT).contains("pwsh") || sh.toLowerCase(Locale.ROOT).contains("cmd");
                } else if (i.is("RUN") && !i.isExecForm() && !shellPipefail && !nonPosix) {
                    List<ShellCommand> cmds = s.commands(i);
                    boolean pipe = cmds.stream().anyMatch(c -> c.separator().equals("|"));
                    boolean set = cmds.stream().anyMatch(c -> c.program().equals("set") && c.toString().contains("pipefail"));
                    if (pipe && !set) {
                        o.report(i.line(), "a pipe in RUN hides failures of the commands before the last one",
                                "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before it, or start with set -o pipefail &&");
                    }
                }
            }
        }
    }
}
