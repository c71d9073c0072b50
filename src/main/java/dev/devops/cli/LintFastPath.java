package dev.devops.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command lines a pre-commit hook gives {@code lint} ({@code lint --staged [--fail-on LEVEL]} from
 * {@code devops hook install}, {@code lint [--only secrets] FILE...} from the pre-commit framework) and a CI gate's
 * ({@code lint --format sarif --output devops.sarif}; picocli's model was a fifth of a secrets scan's serial start), read
 * without building picocli's model: picocli's classes cannot enter a JDK 17 class-data archive (class-file
 * version 49) and loading and reflecting over them was the largest part of a hook run's start that was not
 * the work itself (docs/BENCHMARKS.md). Only plain shapes are read here: an option this class does not know,
 * a repeated single-value option, an option-like or missing value, an {@code @file} argument, help or
 * version go to picocli ({@link #parse} answers null), so every message, suggestion and --help stays
 * picocli's. What is read sets the same {@link LintCommand} fields picocli would set.
 */
final class LintFastPath {
    private LintFastPath() {
    }

    /** Options of lint (and of the root, inherited) that take no value. */
    private static final Set<String> FLAGS = Set.of("--staged", "-q", "--quiet", "--no-color", "--verbose");
    /** Options that take a value; --only, --skip and --format may be repeated, the others not. */
    private static final Set<String> VALUED = Set.of("--only", "--skip", "--format", "--fail-on", "--color", "--output", "-o");

    /** The parsed command line. */
    record Parsed(LintCommand command, boolean verbose, String color) {
    }

    /** {@code args} (starting with "lint") read as picocli would read them, or null: let picocli read them. */
    static Parsed parse(String[] args) {
        if (args == null || args.length == 0 || !args[0].equals("lint")) {
            return null;
        }
        LintCommand cmd = new LintCommand();
        List<Path> paths = new ArrayList<>();
        List<String> only = new ArrayList<>();
        List<String> skip = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        boolean verbose = false;
        String color = null;
        boolean positionalOnly = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@")) {
                return null; // picocli reads @FILE as a file of arguments
            }
            if (positionalOnly || !a.startsWith("-")) {
                try {
                    paths.add(Path.of(a));
                } catch (InvalidPathException e) {
                    return null;
                }
                continue;
            }
            if (a.equals("--")) {
                positionalOnly = true;
                continue;
            }
            PlainOption option = PlainOption.of(a);
            String name = option.name();
            String value = option.inline();
            if (FLAGS.contains(name)) {
                // a flag given twice (or with a value) is picocli's to refuse
                String key = name.equals("-q") ? "--quiet" : name;
                if (value != null || !seen.add(key)) {
                    return null;
                }
                switch (key) {
                    case "--staged" -> cmd.staged = true;
                    case "--quiet" -> cmd.reports.quiet = true;
                    case "--no-color" -> cmd.reports.noColor = true;
                    default -> verbose = true;
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                return null;
            }
            value = option.value(args, i);
            if (value == null) {
                return null;
            }
            if (option.takesNextWord()) {
                i++;
            }
            if ((name.equals("--only") || name.equals("--skip"))
                    && (value.startsWith(",") || value.endsWith(",") || value.contains(",,"))) {
                return null; // empty categories: picocli's reading
            }
            switch (name) {
                case "--only" -> only.addAll(List.of(value.split(",")));
                case "--skip" -> skip.addAll(List.of(value.split(",")));
                case "--format" -> cmd.reports.formats.add(value);
                default -> {
                    if (!seen.add(name.equals("-o") ? "--output" : name)) {
                        return null; // given twice
                    }
                    if (name.equals("--output") || name.equals("-o")) {
                        try {
                            cmd.reports.output = Path.of(value);
                        } catch (InvalidPathException e) {
                            return null; // picocli's conversion message
                        }
                    } else if (name.equals("--fail-on")) {
                        cmd.reports.failOn = value;
                    } else if (Set.of("auto", "always", "never").contains(value)) {
                        color = value;
                    } else {
                        return null; // picocli's message for a wrong --color
                    }
                }
            }
        }
        cmd.paths = List.copyOf(paths);
        cmd.only = List.copyOf(only);
        cmd.skip = List.copyOf(skip);
        return new Parsed(cmd, verbose, color);
    }
}
