package dev.devops.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code devops} command. */
@Command(name = "devops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "From source code on a laptop to a reproducible, containerized, securely configured stack.",
        description = {
            "",
            "devops detects your stack and writes devops.yaml, renders a Dockerfile, .dockerignore, "
                + ".env.example and docker-compose.yml from it, lints for committed secrets and "
                + "configuration drift, and runs the stack on the Docker engine.",
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok, nothing to report",
            "  1  findings or drift at or above the failure threshold",
            "  2  usage, configuration or input error",
            "  3  Docker engine unavailable or an engine operation failed",
            "",
            "Environment: DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as for docker;",
            "DEVOPS_ENGINE_CONNECT_TIMEOUT and DEVOPS_ENGINE_READ_TIMEOUT (seconds, default 3 and 60)",
            "bound every engine call.",
            "",
            "Colour is used on a terminal only, never when NO_COLOR is set; --color=always|never decides instead.",
        })
public final class DevopsCommand implements Runnable {
    /**
     * The subcommands, in --help order. Registered by {@link CommandTree#commandLine(String...)}, not by the annotation,
     * so that a run of one command builds the picocli model of that command only (reflection over every
     * command's options was the largest part of a {@code lint --staged} start; docs/BENCHMARKS.md).
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            InitCommand.class,
            RenderCommand.class,
            UpCommand.class,
            DownCommand.class,
            PsCommand.class,
            LogsCommand.class,
            BuildCommand.class,
            PushCommand.class,
            PromoteCommand.class,
            ReleasesCommand.class,
            SaveCommand.class,
            LoadCommand.class,
            SchemaCommand.class,
            LintCommand.class,
            CheckCommand.class,
            DoctorCommand.class,
            ManCommand.class,
            RulesCommand.class,
            HookCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class,
            TrainCommand.class);

    /** Commands that read the whole command tree (help of other commands, the man page, completion). */
    static final java.util.Set<String> NEED_TREE = java.util.Set.of("help", "man", "generate-completion", "__train");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print details, and stack traces for errors.")
    boolean verbose;

    @Option(names = "--color", paramLabel = "WHEN", scope = CommandLine.ScopeType.INHERIT,
            completionCandidates = ColorWhen.class,
            description = "Colour: auto (on a terminal, unless NO_COLOR is set; the default), always or never.")
    String color = "auto";

    /** auto, always, never. */
    static final class ColorWhen implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("auto", "always", "never").iterator();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut(), Terminal.ansi());
    }

    /** Whether --verbose was given anywhere on the command line of {@code cl}. */
    static boolean isVerbose(CommandLine cl) {
        CommandLine c = cl;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        Object root = c.getCommand();
        return root instanceof DevopsCommand d && d.verbose;
    }
}
