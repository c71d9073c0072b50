package dev.devops.lint.dockerfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Dockerfile rule sees: the parsed file, its build context (the Dockerfile's directory, as
 * {@code docker build .} next to it would use) and the shell commands of each RUN.
 */
public final class DockerfileScope {
    private final Dockerfile dockerfile;
    private final Path contextDir;
    private final Map<Instruction, List<ShellCommand>> commands = new IdentityHashMap<>();

    private final DockerfileFragments.Fragment fragment;

    public DockerfileScope(Dockerfile dockerfile, Path contextDir) {
        this(dockerfile, contextDir, null);
    }

    DockerfileScope(Dockerfile dockerfile, Path contextDir, DockerfileFragments.Fragment fragment) {
        this.dockerfile = dockerfile;
        this.contextDir = contextDir;
        this.fragment = fragment;
    }

    /**
     * The part of a joined file this Dockerfile is ({@link DockerfileFragments}: another Dockerfile of a custom
     * frontend INCLUDEs it), or null when it is built on its own.
     */
    DockerfileFragments.Fragment fragment() {
        return fragment;
    }

    /**
     * Whether only BuildKit builds this file: it names a frontend of its own in {@code # syntax=}, or such a file
     * INCLUDEs it. The classic builder's limits (DF0023) do not apply.
     */
    boolean buildKitOnly() {
        return fragment != null || dockerfile.customFrontend();
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    public List<Stage> stages() {
        return dockerfile.stages();
    }

    /** The build context directory (the Dockerfile's directory). */
    public Path contextDir() {
        return contextDir;
    }

    /** How many directories above the Dockerfile are searched for the repository root. */
    static final int MAX_UP = 8;

    /**
     * The directories a build of this Dockerfile may use as its context, nearest first: its own directory, then each one
     * above it up to the repository root (the one holding {@code .git}); only its own when no repository root is found
     * within {@link #MAX_UP} levels. Empty when the Dockerfile has no directory on disk.
     */
    public List<Path> contextCandidates() {
        List<Path> contexts = new ArrayList<>();
        if (contextDir == null) {
            return contexts;
        }
        Path d = contextDir.toAbsolutePath().normalize();
        for (int up = 0; d != null && up <= MAX_UP; up++, d = d.getParent()) {
            contexts.add(d);
            if (Files.exists(d.resolve(".git"))) {
                break;
            }
            if (up == MAX_UP || d.getParent() == null) {
                contexts.subList(1, contexts.size()).clear(); // no repository root above: only the Dockerfile's directory
            }
        }
        return contexts;
    }

    private Path buildContext;

    /**
     * The build context as the Dockerfile's own COPY and ADD sources show it: its directory, unless none of its literal
     * sources is there and one directory above it (up to the repository root, {@link #contextCandidates}) holds them
     * all: a Dockerfile in {@code tests/e2e/} that copies {@code scripts/environment/} and {@code rust-toolchain.toml} is
     * built from the root. Asked only where a rule needs the context's files (its .dockerignore); computed once.
     */
    public Path buildContext() {
        if (buildContext != null || contextDir == null) {
            return buildContext != null ? buildContext : contextDir;
        }
        List<String> sources = new ArrayList<>();
        for (Stage st : stages()) {
            for (Instruction i : st.body()) {
                if (!(i.is("COPY") || i.is("ADD")) || i.hasFlag("from") || i.copiesWholeContext()) {
                    continue;
                }
                for (String src : i.copySources()) {
                    if (!src.isEmpty() && !src.contains("$") && !src.contains("*") && !src.contains("?")
                            && !src.contains("..") && !src.contains("://") && !src.startsWith("-")) {
                        sources.add(src.startsWith("/") ? src.substring(1) : src);
                    }
                }
            }
        }
        buildContext = contextDir;
        List<Path> candidates = contextCandidates();
        if (sources.isEmpty() || candidates.size() < 2 || sources.stream().anyMatch(src -> Files.exists(candidates.get(0).resolve(src)))) {
            return buildContext;
        }
        for (Path ctx : candidates.subList(1, candidates.size())) {
            if (sources.stream().allMatch(src -> Files.exists(ctx.resolve(src)))) {
                buildContext = ctx;
                break;
            }
        }
        return buildContext;
    }

    /** True when the build context holds a file at {@code relative}. */
    public boolean contextHas(String relative) {
        return contextDir != null && Files.exists(contextDir.resolve(relative));
    }

    /**
     * The simple commands of a RUN: its shell-form text plus the heredoc bodies fed to a shell. Exec
     * form RUN gives one command of its words.
     */
    public List<ShellCommand> commands(Instruction run) {
        return commands.computeIfAbsent(run, r -> {
            List<ShellCommand> out = new ArrayList<>();
            if (r.isExecForm()) {
                out.add(new ShellCommand(r.json(), ""));
                return out;
            }
            String text = r.heredocs().isEmpty() ? r.rest() : r.rest().replaceAll(DockerfileParser.HEREDOC_MARK.pattern(), " ");
            List<ShellCommand> head = ShellCommand.split(text);
            out.addAll(head);
            for (Instruction.Heredoc h : r.heredocs()) {
                boolean shellBody = head.isEmpty()
                        || List.of("sh", "bash", "ash", "dash", "zsh").contains(head.get(head.size() - 1).program());
                if (shellBody) {
                    out.addAll(ShellCommand.split(h.body()));
                }
            }
            return out;
        });
    }

    /** The stages the given stage builds on, itself first, then its parent stages. */
    public List<Stage> lineage(Stage stage) {
        List<Stage> out = new ArrayList<>();
        Stage s = stage;
        while (s != null && out.size() <= stages().size()) {
            out.add(s);
            s = s.parentStage() >= 0 ? stages().get(s.parentStage()) : null;
        }
        return out;
    }

    /** The stages that end up in the final image: the last stage and the stages it builds on. */
    public List<Stage> finalLineage() {
        Stage last = dockerfile.lastStage();
        return last == null ? List.of() : lineage(last);
    }

    /** Whether {@code stage} ends up in the final image (it is the last stage or one the last builds on). */
    public boolean inFinalImage(Stage stage) {
        return finalLineage().contains(stage);
    }

    /** Calls {@code f} with each instruction {@code keyword} of the file, in order. */
    public void eachInstruction(String keyword, java.util.function.Consumer<Instruction> f) {
        for (Instruction i : dockerfile.instructions()) {
            if (i.is(keyword)) {
                f.accept(i);
            }
        }
    }

    /** The RUN instruction that holds command {@code c}, or null. */
    public Instruction runOf(ShellCommand c) {
        for (Instruction i : dockerfile.instructions()) {
            if (i.is("RUN") && commands(i).contains(c)) {
                return i;
            }
        }
        return null;
    }
}
