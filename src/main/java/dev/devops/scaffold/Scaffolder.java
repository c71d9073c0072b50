package dev.devops.scaffold;

import dev.devops.files.FileKinds;
import dev.devops.compose.Interpolator;
import dev.devops.core.AtomicWrite;
import dev.devops.core.InputFiles;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.descriptor.DescriptorWriter;
import dev.devops.descriptor.Language;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans and applies the files devops generates from a descriptor: per app a Dockerfile and a .dockerignore in
 * the app's directory (apps that are modules of one Java build share it: theirs go to MODULE/Dockerfile and
 * MODULE/Dockerfile.dockerignore); at the root docker-compose.yml, .env.example and the .env lines of .gitignore.
 *
 * <p>Every generated file carries a stamp of what devops wrote ({@link GeneratedFiles}). An existing file that is
 * still exactly devops's output is an {@link PlannedFile.Action#UPDATE} when the render changed; one edited by
 * hand, or the user's own file at that path, is a {@link PlannedFile.Action#CONFLICT} and is only overwritten
 * when asked to ({@code force}); .gitignore is merged (lines appended), never replaced.
 */
public final class Scaffolder {
    /** Files larger than this are not read for comparison (they cannot be ours). */
    static final long MAX_READ = 4L * 1024 * 1024;

    private Scaffolder() {
    }

    /** What applying one planned file did. */
    public enum Outcome { CREATED, UPDATED, OVERWRITTEN, UNCHANGED, SKIPPED }

    /** One applied file and what happened to it. */
    public record Applied(PlannedFile file, Outcome outcome) {
    }

    /** A generated file whose content on disk is not what devops.yaml renders to. */
    public record Drift(String relativePath, boolean missing, String diff) {
    }

    /**
     * What {@code render --check} compares: the generated files that drifted, and the files at generated
     * paths that are the user's own (no generated-file notice: devops never wrote them, e.g. a repository's
     * own Dockerfile that init kept), which are not compared.
     */
    public record Check(List<Drift> drift, List<String> userFiles) {
        public Check {
            drift = List.copyOf(drift);
            userFiles = List.copyOf(userFiles);
        }
    }

    /** The template that renders {@code app}'s Dockerfile. */
    public static String dockerfileTemplate(App app) {
        Language l = app.runtime().language();
        return switch (l) {
            case JAVA -> "dockerfile/java-" + ("gradle".equals(app.runtime().buildTool()) ? "gradle" : "maven") + ".ftl";
            default -> "dockerfile/" + l.id() + ".ftl";
        };
    }

    /** The template that renders {@code app}'s .dockerignore. */
    public static String dockerignoreTemplate(App app) {
        return "dockerignore/" + app.runtime().language().id() + ".ftl";
    }

    /** The files rendered from {@code d} into {@code root}, compared with what is there now. */
    public static Plan plan(Descriptor d, Path root, TemplateSource templates) {
        List<PlannedFile> files = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        Set<String> ignores = new HashSet<>();
        for (App a : d.apps()) {
            if (a.dockerfile() != null) {
                if (!Files.isRegularFile(root.resolve(a.dockerfile()))) {
                    throw new UserError(SourceLocation.of(root.resolve(DescriptorLoader.FILE_NAME)),
                            "app '" + a.name() + "' is built with dockerfile '" + a.dockerfile() + "', which is not a file under " + root,
                            "fix 'apps." + a.name() + ".dockerfile' (relative to devops.yaml), or remove it to have devops write one");
                }
                continue; // the repository's own Dockerfile builds it: devops writes neither it nor an ignore file
            }
            String ctx = RenderModel.context(a.path());
            String dir = ".".equals(ctx) ? "" : ctx + "/";
            String dockerfile = dir + RenderModel.dockerfile(d, a);
            String previous = owners.putIfAbsent(dockerfile, a.name());
            if (previous != null) {
                throw new UserError(SourceLocation.of(root.resolve(DescriptorLoader.FILE_NAME)),
                        "apps '" + previous + "' and '" + a.name() + "' both live in '" + a.path()
                                + "' and would share one Dockerfile",
                        "give each app its own 'path:', or, for modules of one Java build, its own module in 'build'");
            }
            if (!Files.isDirectory(root.resolve(ctx))) {
                throw new UserError(SourceLocation.of(root.resolve(DescriptorLoader.FILE_NAME)),
                        "app '" + a.name() + "' has path '" + a.path() + "', which is not a directory under " + root,
                        "fix 'apps." + a.name() + ".path' (relative to devops.yaml)");
            }
            Map<String, Object> model = RenderModel.forApp(d, a);
            @SuppressWarnings("unchecked")
            Map<String, Object> appModel = (Map<String, Object>) model.get("app");
            boolean workspace = RenderModel.addWorkspace(appModel, root, true);
            RenderModel.addBuildInputs(model, root.resolve(ctx));
            PlannedFile image = generated(root, dockerfile, templates.render(dockerfileTemplate(a), model));
            files.add(image);
            // what devops's Dockerfile copies must not be excluded by a .dockerignore of the user's (it is not when the
            // Dockerfile there is the user's own, which init keeps)
            List<String> copied = image.origin() == GeneratedFiles.Origin.USER ? List.of()
                    : DockerignoreMerge.copySources(image.newContent());
            String ignore = templates.render(dockerignoreTemplate(a), model);
            if (workspace) {
                // built from the workspace root: its ignore file sits beside the Dockerfile, where BuildKit and
                // devops look first, so a .dockerignore the root may have of its own is neither needed nor touched
                files.add(generated(root, dockerfile + ".dockerignore", ignore));
                continue;
            }
            if (ignores.add(dir)) { // one .dockerignore per build context
                files.add(dockerignore(root, dir + ".dockerignore", ignore, copied));
            }
            if (!dockerfile.equals(dir + "Dockerfile")) {
                // BuildKit reads MODULE/Dockerfile.dockerignore (beside the Dockerfile) before the context's one
                files.add(generated(root, dockerfile + ".dockerignore", ignore));
            }
        }
        Map<String, Object> model = RenderModel.project(d);
        RenderModel.addWorkspaces(model, root);
        PlannedFile compose = generated(root, composeFile(root), templates.render("docker-compose.yml.ftl", model));
        files.add(compose);
        files.add(envExample(root, templates.render("env.example.ftl", model), compose));
        files.add(gitignore(root));
        return new Plan(files);
    }

    /**
     * The plan of {@code devops init}: devops.yaml itself first when {@code writeDescriptor}, then
     * {@link #plan}.
     */
    public static Plan planInit(Descriptor d, Path root, TemplateSource templates, boolean writeDescriptor) {
        List<PlannedFile> files = new ArrayList<>();
        if (writeDescriptor) {
            String yaml = DescriptorWriter.write(d);
            // what we write must load back: a writer bug must not leave an unreadable devops.yaml behind
            DescriptorLoader.parse(root.resolve(DescriptorLoader.FILE_NAME), yaml);
            files.add(generated(root, DescriptorLoader.FILE_NAME, yaml));
        }
        files.addAll(plan(d, root, templates).files());
        return new Plan(files);
    }

    /**
     * What the built-in Dockerfiles need from the repository that is not there yet: the lockfile they
     * install from (npm ci, yarn/pnpm --frozen-lockfile, poetry, uv, pipenv), or the go.mod a Go build needs
     * (a GOPATH-style program has none). The build fails without it, so init says so before anyone runs it.
     * A Node, poetry, uv or pipenv app is the exception: its Dockerfile then resolves from the manifest alone (the
     * build works, but the versions are not pinned), and the line says so. One line per problem, naming the app and what to run.
     */
    public static List<String> missingBuildInputs(Descriptor d, Path root) {
        List<String> out = new ArrayList<>();
        for (App a : d.apps()) {
            BuildInput need = BuildInput.of(a.runtime().buildTool());
            // a workspace package installs from the workspace's lockfile; the repository's own Dockerfile is its business
            if (need != null && a.dockerfile() == null && RenderModel.workspaceRoot(a.runtime().language().id(), a.runtime().buildTool(),
                    RenderModel.context(a.path()), root) == null
                    && !Files.exists(root.resolve(a.path()).normalize().resolve(need.file()))) {
                String where = ".".equals(a.path()) ? need.file() : a.path() + "/" + need.file();
                // a package manager's lockfile: the Dockerfile resolves without it (Node, poetry, uv, pipenv)
                boolean node = a.runtime().language() == dev.devops.descriptor.Language.NODE
                        || RenderModel.PYTHON_LOCKFILES.containsKey(a.runtime().buildTool());
                out.add(a.name() + ": no " + where + "; " + (node
                        ? "the Dockerfile runs '" + need.make() + "' without one, so dependency versions are not pinned"
                        : need.why()) + ", so run '" + need.make() + "' in "
                        + (".".equals(a.path()) ? "the app directory" : a.path()) + " and commit " + need.commit()
                        + (node ? " for reproducible builds" : ""));
            }
        }
        return out;
    }

    /** A file a build tool's Dockerfile needs: why, the command that makes it, and what to commit. */
    private record BuildInput(String file, String make, String why, String commit) {
        private static final String LOCKFILE = "the Dockerfile installs from it (reproducible builds)";

        static BuildInput of(String buildTool) {
            return switch (buildTool) {
                case "npm" -> lock("package-lock.json", "npm install");
                case "yarn" -> lock("yarn.lock", "yarn install");
                case "pnpm" -> lock("pnpm-lock.yaml", "pnpm install");
                case "poetry" -> lock("poetry.lock", "poetry lock");
                case "uv" -> lock("uv.lock", "uv lock");
                case "pipenv" -> lock("Pipfile.lock", "pipenv lock");
                case "go" -> new BuildInput("go.mod", "go mod init <module path>' and 'go mod tidy",
                        "the Dockerfile builds a Go module (GOPATH mode is gone)", "go.mod and go.sum");
                default -> null;
            };
        }

        private static BuildInput lock(String file, String make) {
            return new BuildInput(file, make, LOCKFILE, "it");
        }
    }

    /**
     * Whether the repository renders its files from devops.yaml: at least one of the files devops would write
     * (a compose file under a default name, .env.example, an app's Dockerfile or .dockerignore) carries the
     * generated header. A devops.yaml in a repository where none does serves other purposes (lint settings:
     * the files are the user's own), so nothing is "missing" there.
     */
    public static boolean adopted(Descriptor d, Path root) {
        List<String> candidates = new ArrayList<>(dev.devops.files.FileKinds.COMPOSE_DEFAULT_NAMES);
        candidates.add(".env.example");
        for (App a : d.apps()) {
            String dir = ".".equals(a.path()) ? "" : a.path() + "/";
            candidates.add(dir + "Dockerfile");
            candidates.add(dir + ".dockerignore");
        }
        for (String c : candidates) {
            Path p = root.resolve(c);
            try {
                if (Files.isRegularFile(p) && Files.size(p) <= 1_000_000 && GeneratedFiles.hasNotice(Files.readString(p))) {
                    return true;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // unreadable or not UTF-8: not a file devops wrote
            }
        }
        return false;
    }

    /**
     * The generated files that differ from what {@code d} renders to, or are missing, each with its unified
     * diff; empty when everything matches. Used by {@code devops render --check} and the lint DRIFT rule.
     * A .gitignore counts only when it lacks the .env lines.
     */
    public static List<Drift> drift(Descriptor d, Path root, TemplateSource templates) {
        return check(d, root, templates).drift();
    }

    /**
     * {@link #drift}, with the user's own files at generated paths set apart: they are never drift (devops did
     * not write them), only listed.
     */
    public static Check check(Descriptor d, Path root, TemplateSource templates) {
        List<Drift> out = new ArrayList<>();
        List<String> user = new ArrayList<>();
        for (PlannedFile f : plan(d, root, templates).files()) {
            if (f.userFile()) {
                user.add(f.relativePath());
            } else if (f.action() != PlannedFile.Action.UNCHANGED) {
                out.add(new Drift(f.relativePath(), f.oldContent() == null, f.diff()));
            }
        }
        return new Check(out, user);
    }

    /**
     * Writes the plan: creates, updates (merges) and, with {@code force}, overwrites conflicting files; every
     * write is atomic. Returns what happened to each file, in plan order.
     */
    public static List<Applied> apply(Plan plan, Path root, boolean force) {
        List<Applied> out = new ArrayList<>();
        for (PlannedFile f : plan.files()) {
            Outcome o = switch (f.action()) {
                case UNCHANGED -> Outcome.UNCHANGED;
                case CREATE -> Outcome.CREATED;
                case UPDATE -> Outcome.UPDATED;
                case CONFLICT -> force ? Outcome.OVERWRITTEN : Outcome.SKIPPED;
            };
            if (o == Outcome.CREATED || o == Outcome.UPDATED || o == Outcome.OVERWRITTEN) {
                AtomicWrite.write(root.resolve(f.relativePath()), f.newBytes());
            }
            out.add(new Applied(f, o));
        }
        return out;
    }

    /** Reason of a CONFLICT for a generated file edited by hand. */
    public static final String EDITED = "edited since devops wrote it";
    /** Reason of a CONFLICT for a generated file without a stamp (an older devops wrote it, or the stamp was removed). */
    public static final String UNSTAMPED = "has no devops-sha256 stamp (written by an older devops, or edited), so an edit cannot be ruled out";
    /** Reason of a CONFLICT for the user's own file at a generated path. */
    public static final String USER_FILE = "not written by devops (no generated-file header)";

    private static PlannedFile generated(Path root, String rel, String rendered) {
        String content = GeneratedFiles.stamp(rendered);
        String old = read(root.resolve(rel));
        if (old == null) {
            return new PlannedFile(rel, PlannedFile.Action.CREATE, null, content, "", null);
        }
        GeneratedFiles.Origin origin = GeneratedFiles.origin(old);
        if (old.equals(content)) {
            return new PlannedFile(rel, PlannedFile.Action.UNCHANGED, old, content, "", origin);
        }
        return switch (origin) {
            case DEVOPS -> new PlannedFile(rel, PlannedFile.Action.UPDATE, old, content,
                    "re-rendered from devops.yaml; unchanged since devops wrote it", origin);
            case EDITED -> new PlannedFile(rel, PlannedFile.Action.CONFLICT, old, content,
                    GeneratedFiles.hasStamp(old) ? EDITED : UNSTAMPED, origin);
            case USER -> new PlannedFile(rel, PlannedFile.Action.CONFLICT, old, content, USER_FILE, origin);
        };
    }

    /**
     * Where the stack's compose file goes: docker-compose.yml, unless the repository already has a compose file
     * under a name docker compose prefers (compose.yaml …). Then that file is the stack's: writing
     * docker-compose.yml beside it would be ignored by compose, so the repository's file is the one planned
     * (kept as the user's own, replaced only with --force).
     */
    static String composeFile(Path root) {
        for (String name : FileKinds.COMPOSE_DEFAULT_NAMES) {
            if (Files.isRegularFile(root.resolve(name))) {
                return name;
            }
        }
        return "docker-compose.yml";
    }

    /**
     * .env.example: generated like the other files, except that the repository's own example (no generated-file
     * header) is kept and completed with the entries docker-compose.yml needs that it lacks
     * ({@link EnvExampleMerge}), so that {@code cp .env.example .env} still yields a stack that starts. It stays
     * the user's file: {@code render --check} lists it as skipped, never as drift.
     */
    private static PlannedFile envExample(Path root, String rendered, PlannedFile compose) {
        PlannedFile f = generated(root, ".env.example", rendered);
        if (!f.userFile()) {
            return f;
        }
        String mine = f.oldContent();
        List<String> missing = EnvExampleMerge.missing(mine, rendered);
        if (compose.userFile() && compose.oldContent() != null) {
            // the stack is the user's own compose file, kept: only the variables it references belong in the
            // example (the rendered compose, with its POSTGRES_USER and the like, is not the one that runs)
            Set<String> referenced = Interpolator.referencedNames(compose.oldContent());
            missing = missing.stream().filter(referenced::contains).toList();
        }
        if (missing.isEmpty()) {
            return new PlannedFile(".env.example", PlannedFile.Action.UNCHANGED, mine, mine, "", f.origin());
        }
        return new PlannedFile(".env.example", PlannedFile.Action.UPDATE, mine, EnvExampleMerge.merge(mine, rendered, missing),
                "your own file, kept; added " + String.join(", ", missing), f.origin());
    }

    /**
     * A build context's .dockerignore: generated like the other files, except that the user's own file (no
     * generated-file header) is kept and completed with the lines that keep {@code .env} files out of the
     * image ({@link DockerignoreMerge}); without them the generated {@code COPY . .} would bake them in. The files the
     * generated Dockerfile copies by name ({@code copied}) are re-included when the user's file excludes them (a
     * Quarkus project's {@code *} + {@code !target/…}, written for an image of a pre-built jar).
     */
    private static PlannedFile dockerignore(Path root, String rel, String rendered, List<String> copied) {
        PlannedFile f = generated(root, rel, rendered);
        if (f.action() != PlannedFile.Action.CONFLICT || f.origin() != GeneratedFiles.Origin.USER) {
            return f;
        }
        byte[] bytes = InputFiles.readBytes(root.resolve(rel), MAX_GITIGNORE);
        String mine = utf8(bytes);
        if (mine == null) {
            return f; // not text we can append to: left to the user, as before
        }
        List<String> add = DockerignoreMerge.missing(mine, copied);
        if (add.isEmpty()) {
            return new PlannedFile(rel, PlannedFile.Action.UNCHANGED, mine, mine, "", f.origin());
        }
        return new PlannedFile(rel, PlannedFile.Action.UPDATE, mine, DockerignoreMerge.merge(mine, add),
                "your own file, kept; added " + String.join(", ", add), f.origin());
    }

    /** A .gitignore larger than this is refused rather than merged (no real one comes close). */
    static final long MAX_GITIGNORE = 64L * 1024 * 1024;

    /**
     * The .gitignore merge. The user's file is read as bytes and written back byte for byte with the lines
     * appended: as UTF-8 when it is UTF-8, else as ISO-8859-1 (one char per byte), whatever its size up to
     * {@link #MAX_GITIGNORE}; never a placeholder in its place.
     */
    private static PlannedFile gitignore(Path root) {
        Path p = root.resolve(".gitignore");
        byte[] bytes = Files.exists(p) ? InputFiles.readBytes(p, MAX_GITIGNORE) : null;
        Charset cs = bytes == null || utf8(bytes) != null ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String old = bytes == null ? null : new String(bytes, cs);
        List<String> add = GitignoreMerge.missing(old);
        if (add.isEmpty()) {
            return new PlannedFile(".gitignore", PlannedFile.Action.UNCHANGED, old, old, "", null, cs);
        }
        String merged = GitignoreMerge.merge(old, add);
        return new PlannedFile(".gitignore", old == null ? PlannedFile.Action.CREATE : PlannedFile.Action.UPDATE,
                old, merged, "added " + String.join(", ", add), null, cs);
    }

    /** {@code bytes} as UTF-8 text, or null when they are not UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A generated file's current text for comparison and diffs, or null when it does not exist. Binary, huge or
     * non-UTF-8 files read as a marker text: they can only be a CONFLICT (never merged), so the marker is shown,
     * never written. Anything but a regular file in the way is a UserError.
     */
    static String read(Path p) {
        if (!Files.exists(p)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            throw new UserError(SourceLocation.of(p), "a directory is in the way of a generated file",
                    "move or rename the directory");
        }
        try {
            long size = Files.size(p);
            if (size > MAX_READ) {
                return "(a file of " + size + " bytes, not shown)\n";
            }
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(p), "cannot read the file: " + e.getMessage(), "check its permissions");
        }
        byte[] bytes = InputFiles.readBytes(p, MAX_READ);
        String text = utf8(bytes);
        return text != null ? text : "(a binary file of " + bytes.length + " bytes, not shown)\n";
    }
}
