package dev.devops.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The plain command lines of {@code up}, {@code down} and {@code ps} ({@code up -d --wait -f FILE -p NAME},
 * {@code down -v}, {@code ps}) read without building picocli's model: its first use costs ~50 ms of CPU before
 * the command runs (the annotation proxies of its model, its model classes run cold; docs/BENCHMARKS.md), on the
 * path to the first engine call of every {@code up} and {@code down}. The same rule as {@link LintFastPath}: only
 * plain shapes are read here (the options below, each value a separate word or {@code --long=value}); an option this
 * class does not know, a repeated single-value option or flag, an option-like, empty or quoted value, an
 * {@code @file}, {@code --}, help, version, {@code --verbose} or {@code --color} go to picocli ({@link #parse}
 * answers null), so every message and --help stays picocli's. What is read sets the same fields picocli would set
 * (StackFastPathTest compares them for every shape).
 */
final class StackFastPath {
    private StackFastPath() {
    }

    /** Options of every stack command (StackOptions): -f and --profile may repeat, -p not. */
    private static final Map<String, String> STACK = Map.of("-f", "--file", "--file", "--file", "-p", "--project-name",
            "--project-name", "--project-name", "--profile", "--profile");
    private static final Map<String, String> UP_FLAGS = Map.of("-d", "--detach", "--detach", "--detach", "--wait", "--wait",
            "--no-health-probe", "--no-health-probe", "--build", "--build", "--force-recreate", "--force-recreate",
            "--remove-orphans", "--remove-orphans", "--abort-on-container-exit", "--abort-on-container-exit");
    private static final Set<String> UP_VALUED = Set.of("--wait-timeout", "--exit-code-from");
    private static final Map<String, String> DOWN_FLAGS = Map.of("-v", "--volumes", "--volumes", "--volumes",
            "--remove-orphans", "--remove-orphans");
    private static final Map<String, String> DOWN_VALUED = Map.of("-t", "--timeout", "--timeout", "--timeout", "--rmi", "--rmi");

    /** {@code args} (starting with up, down or ps) as the command picocli would make of them, or null: let picocli read them. */
    static Callable<Integer> parse(String[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        return switch (args[0]) {
            case "up" -> up(args);
            case "down" -> down(args);
            case "ps" -> ps(args);
            default -> null;
        };
    }

    /** One option of a command line: its canonical name and its value (null for a flag). */
    private record Word(String name, String value) {
    }

    /**
     * Reads {@code args} after the command word: options through {@code flags} (name → canonical) and
     * {@code valued} (name → canonical), positionals into {@code positionals} (null: none allowed). Null when a word
     * is not of a plain shape (see the class comment).
     */
    private static List<Word> words(String[] args, Map<String, String> flags, Map<String, String> valued, List<String> positionals) {
        List<Word> out = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@") || a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-")) {
                if (positionals == null || a.indexOf('"') >= 0 || a.indexOf('\'') >= 0) {
                    return null;
                }
                positionals.add(a);
                continue;
            }
            PlainOption option = PlainOption.of(a);
            String name = option.name();
            String value = option.inline();
            if (flags.containsKey(name)) {
                if (value != null) {
                    return null;
                }
                out.add(new Word(flags.get(name), null));
                continue;
            }
            if (!valued.containsKey(name)) {
                return null; // help, version, --verbose, --color, clustered or attached short options, unknown
            }
            value = option.value(args, i);
            if (value == null) {
                return null;
            }
            if (option.takesNextWord()) {
                i++;
            }
            out.add(new Word(valued.get(name), value));
        }
        Set<String> once = new HashSet<>();
        for (Word w : out) {
            if (!w.name().equals("--file") && !w.name().equals("--profile") && !once.add(w.name())) {
                return null; // given twice: picocli's to refuse
            }
        }
        return out;
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** Sets {@code w} on {@code stack} when it is a stack option; false when it is not one. */
    private static boolean stackOption(StackOptions stack, Word w) {
        switch (w.name()) {
            case "--file" -> stack.files.add(Path.of(w.value()));
            case "--project-name" -> stack.projectName = w.value();
            case "--profile" -> stack.profiles.add(w.value());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Integer integer(String v) {
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UpCommand up(String[] args) {
        List<String> services = new ArrayList<>();
        Map<String, String> valued = new java.util.HashMap<>(STACK);
        UP_VALUED.forEach(n -> valued.put(n, n));
        List<Word> words = words(args, UP_FLAGS, valued, services);
        if (words == null) {
            return null;
        }
        UpCommand cmd = new UpCommand();
        try {
            for (Word w : words) {
                if (stackOption(cmd.stack, w)) {
                    continue;
                }
                switch (w.name()) {
                    case "--detach" -> cmd.detach = true;
                    case "--wait" -> cmd.waitHealthy = true;
                    case "--no-health-probe" -> cmd.noHealthProbe = true;
                    case "--build" -> cmd.build = true;
                    case "--force-recreate" -> cmd.forceRecreate = true;
                    case "--remove-orphans" -> cmd.removeOrphans = true;
                    case "--abort-on-container-exit" -> cmd.abortOnExit = true;
                    case "--exit-code-from" -> cmd.exitCodeFrom = w.value();
                    case "--wait-timeout" -> {
                        cmd.waitTimeout = integer(w.value());
                        if (cmd.waitTimeout == null) {
                            return null; // picocli's message
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        cmd.services = services;
        return cmd;
    }

    private static DownCommand down(String[] args) {
        List<Word> words = words(args, DOWN_FLAGS, with(STACK, DOWN_VALUED), null);
        if (words == null) {
            return null;
        }
        DownCommand cmd = new DownCommand();
        try {
            for (Word w : words) {
                if (stackOption(cmd.stack, w)) {
                    continue;
                }
                switch (w.name()) {
                    case "--volumes" -> cmd.volumes = true;
                    case "--remove-orphans" -> cmd.removeOrphans = true;
                    case "--rmi" -> cmd.rmi = w.value();
                    case "--timeout" -> {
                        cmd.timeout = integer(w.value());
                        if (cmd.timeout == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        return cmd;
    }

    private static PsCommand ps(String[] args) {
        List<String> services = new ArrayList<>();
        List<Word> words = words(args, Map.of(), with(STACK, Map.of("--format", "--format")), services);
        if (words == null) {
            return null;
        }
        PsCommand cmd = new PsCommand();
        try {
            for (Word w : words) {
                if (stackOption(cmd.stack, w)) {
                    continue;
                }
                if (!w.name().equals("--format")) {
                    return null;
                }
                switch (w.value()) {
                    case "table" -> cmd.format = PsCommand.Format.table;
                    case "json" -> cmd.format = PsCommand.Format.json;
                    default -> {
                        return null; // other spellings (picocli takes them case-insensitively) and errors: picocli's
                    }
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        cmd.services = services;
        return cmd;
    }
}
