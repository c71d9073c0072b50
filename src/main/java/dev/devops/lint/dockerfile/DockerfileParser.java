package dev.devops.lint.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile text the way BuildKit's parser does: parser directives at the top ({@code syntax},
 * {@code escape}, {@code check}), the escape character ({@code \} or backtick) for continuations,
 * comment and empty lines inside continuations skipped, heredocs after RUN/COPY/ADD, exec (JSON) form
 * versus shell form (invalid JSON is shell form), flags, stages with {@code AS} names, and ARG
 * substitution in FROM. It never throws: problems are returned in {@link Dockerfile#errors()}.
 */
public final class DockerfileParser {
    static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD",
            "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
    private static final Set<String> FLAGGED = Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");
    private static final Set<String> HEREDOC = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> JSON_FORMS = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");
    /** The start of the parse error for an instruction Docker's parser does not know. */
    static final String UNKNOWN_INSTRUCTION = "unknown instruction";

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.*?)\\s*$");
    static final Pattern HEREDOC_MARK = Pattern.compile("<<(-?)(?:\"([^\"]+)\"|'([^']+)'|([A-Za-z_][A-Za-z0-9_]*))");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerfileParser() {
    }

    public static Dockerfile parse(String path, String text) {
        List<Dockerfile.ParseError> errors = new ArrayList<>();
        Map<String, String> directives = new LinkedHashMap<>();
        List<Instruction> instructions = new ArrayList<>();
        if (text.indexOf('\0') >= 0) {
            errors.add(new Dockerfile.ParseError(1, "this is a binary file, not a Dockerfile"));
            return new Dockerfile(path, directives, instructions, List.of(), Map.of(), errors);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        // parser directives: only before any other line (comment, blank or instruction)
        for (; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i].strip());
            if (!m.matches()) {
                break;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!Set.of("syntax", "escape", "check").contains(name)) {
                break; // an unknown directive is a comment and ends the directive section
            }
            if (directives.containsKey(name)) {
                errors.add(new Dockerfile.ParseError(i + 1, "the '" + name + "' parser directive is given twice"));
            }
            directives.put(name, m.group(2));
        }
        char escape = '\\';
        String esc = directives.get("escape");
        if (esc != null) {
            if (esc.equals("`")) {
                escape = '`';
            } else if (!esc.equals("\\")) {
                errors.add(new Dockerfile.ParseError(1, "invalid escape directive '" + esc + "'; use \\ or `"));
            }
        }
        while (i < lines.length) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            List<int[]> starts = new ArrayList<>();
            String cur = stripLeading(line);
            while (true) {
                String t = stripTrailing(cur);
                if (!t.isEmpty() && t.charAt(t.length() - 1) == escape) {
                    logical.append(t, 0, t.length() - 1);
                    i++;
                    // skip comment lines and empty lines inside the continuation
                    while (i < lines.length && (lines[i].strip().isEmpty() || lines[i].strip().startsWith("#"))) {
                        i++;
                    }
                    if (i >= lines.length) {
                        break;
                    }
                    starts.add(new int[] {logical.length(), i + 1});
                    cur = lines[i];
                    continue;
                }
                logical.append(cur);
                i++;
                break;
            }
            String full = logical.toString();
            int sp = 0;
            while (sp < full.length() && !Character.isWhitespace(full.charAt(sp))) {
                sp++;
            }
            String word = full.substring(0, sp);
            String keyword = word.toUpperCase(Locale.ROOT);
            String args = full.substring(sp).strip();
            int argsOffset = full.length() - full.substring(sp).stripLeading().length();
            List<int[]> argStarts = new ArrayList<>();
            for (int[] s : starts) {
                argStarts.add(new int[] {Math.max(0, s[0] - argsOffset), s[1]});
            }
            if (!KEYWORDS.contains(keyword)) {
                errors.add(new Dockerfile.ParseError(start, UNKNOWN_INSTRUCTION + " '" + word + "'"));
                continue;
            }
            List<Instruction.Heredoc> heredocs = new ArrayList<>();
            if (HEREDOC.contains(keyword) && args.contains("<<")) {
                Matcher hm = HEREDOC_MARK.matcher(args);
                while (hm.find()) {
                    boolean strip = !hm.group(1).isEmpty();
                    boolean quoted = hm.group(4) == null;
                    String delim = hm.group(2) != null ? hm.group(2) : hm.group(3) != null ? hm.group(3) : hm.group(4);
                    int bodyLine = i + 1;
                    StringBuilder body = new StringBuilder();
                    boolean closed = false;
                    while (i < lines.length) {
                        String l = lines[i++];
                        String cmp = strip ? l.replaceFirst("^\t+", "") : l;
                        if (cmp.equals(delim) || cmp.stripTrailing().equals(delim)) {
                            closed = true;
                            break;
                        }
                        body.append(cmp).append('\n');
                    }
                    if (!closed) {
                        errors.add(new Dockerfile.ParseError(start, "heredoc '" + delim + "' is never closed; end it with a line '"
                                + delim + "'"));
                    }
                    heredocs.add(new Instruction.Heredoc(delim, body.toString(), strip, quoted, bodyLine));
                }
            }
            Map<String, String> flags = new LinkedHashMap<>();
            String rest = args;
            if (FLAGGED.contains(keyword)) {
                while (rest.startsWith("--")) {
                    int end = 0;
                    while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                        end++;
                    }
                    String flag = rest.substring(2, end);
                    int eq = flag.indexOf('=');
                    flags.put(eq < 0 ? flag : flag.substring(0, eq), eq < 0 ? "" : flag.substring(eq + 1));
                    rest = rest.substring(end).stripLeading();
                }
            }
            List<String> json = JSON_FORMS.contains(keyword) ? jsonArray(rest) : null;
            if (args.isEmpty()) {
                errors.add(new Dockerfile.ParseError(start, keyword + " needs arguments"));
            }
            instructions.add(new Instruction(keyword, args, flags, rest, json, heredocs, start, Math.max(start, i),
                    argStarts));
        }
        return buildStages(path, directives, instructions, errors);
    }

    private static Dockerfile buildStages(String path, Map<String, String> directives, List<Instruction> instructions,
            List<Dockerfile.ParseError> errors) {
        Map<String, String> metaArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        List<Instruction> body = null;
        Instruction from = null;
        for (Instruction in : instructions) {
            if (in.is("FROM")) {
                if (from != null) {
                    stages.add(stage(stages, from, body, metaArgs, errors));
                }
                from = in;
                body = new ArrayList<>();
            } else if (from == null) {
                if (in.is("ARG")) {
                    for (String[] kv : argPairs(in.rest())) {
                        metaArgs.put(kv[0], kv[1] == null ? null : substitute(kv[1], metaArgs, new boolean[] {true}));
                    }
                } else {
                    errors.add(new Dockerfile.ParseError(in.line(), in.keyword()
                            + " before the first FROM; only ARG may come before FROM"));
                }
            } else {
                body.add(in);
            }
        }
        if (from != null) {
            stages.add(stage(stages, from, body, metaArgs, errors));
        } else if (errors.isEmpty()) {
            errors.add(new Dockerfile.ParseError(instructions.isEmpty() ? 1 : instructions.get(0).line(),
                    "no FROM instruction; a Dockerfile must start its build with FROM"));
        }
        return new Dockerfile(path, directives, instructions, stages, metaArgs, errors);
    }

    private static Stage stage(List<Stage> previous, Instruction from, List<Instruction> body, Map<String, String> meta,
            List<Dockerfile.ParseError> errors) {
        String[] words = from.rest().split("\\s+");
        String image = words.length > 0 ? words[0] : "";
        String name = null;
        if (words.length == 3 && words[1].equalsIgnoreCase("AS")) {
            name = words[2].toLowerCase(Locale.ROOT);
        } else if (words.length != 1) {
            errors.add(new Dockerfile.ParseError(from.line(), "FROM takes an image and an optional 'AS name': FROM "
                    + from.rest()));
        }
        boolean[] ok = {true};
        String resolved = substitute(image, meta, ok);
        if (ok[0] && !resolved.equals(image) && (resolved.isEmpty() || resolved.endsWith("/") || resolved.endsWith(":"))) {
            // an ARG declared empty (ARG distro="") that ends the reference (FROM docker.io/library/${distro}): the build
            // must pass it, and what it passes (debian:bookworm) names the image, tag and all
            ok[0] = false;
        }
        int parent = -1;
        for (Stage s : previous) {
            if (s.name() != null && s.name().equalsIgnoreCase(resolved)) {
                parent = s.index();
            }
        }
        return new Stage(previous.size(), name, ok[0] ? resolved : image, ok[0], parent, from, List.copyOf(body));
    }

    /** The pairs of an ARG or ENV instruction in {@code k=v} form; ARG without '=' has a null value. */
    static List<String[]> argPairs(String rest) {
        List<String[]> out = new ArrayList<>();
        for (String w : ShellCommand.words(rest)) {
            int eq = w.indexOf('=');
            out.add(eq < 0 ? new String[] {w, null} : new String[] {w.substring(0, eq), w.substring(eq + 1)});
        }
        return out;
    }

    /**
     * Dockerfile variable substitution: {@code $V}, {@code ${V}}, {@code ${V:-w}}, {@code ${V-w}},
     * {@code ${V:+w}}, {@code ${V+w}}. {@code ok[0]} becomes false when a variable has no value.
     */
    static String substitute(String s, Map<String, String> vars, boolean[] ok) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            if (s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    out.append(s.substring(i));
                    ok[0] = false;
                    break;
                }
                String body = s.substring(i + 2, close);
                Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?").matcher(body);
                if (!m.matches()) {
                    ok[0] = false;
                    out.append(s, i, close + 1);
                } else {
                    String v = vars.get(m.group(1));
                    String op = m.group(2);
                    if (op == null) {
                        if (v == null) {
                            ok[0] = false;
                        } else {
                            out.append(v);
                        }
                    } else if (op.equals(":-")) {
                        out.append(v == null || v.isEmpty() ? substitute(m.group(3), vars, ok) : v);
                    } else if (op.equals("-")) {
                        out.append(v == null ? substitute(m.group(3), vars, ok) : v);
                    } else if (op.equals(":+")) {
                        out.append(v == null || v.isEmpty() ? "" : substitute(m.group(3), vars, ok));
                    } else {
                        out.append(v == null ? "" : substitute(m.group(3), vars, ok));
                    }
                }
                i = close;
            } else if (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String v = vars.get(s.substring(i + 1, j));
                if (v == null) {
                    ok[0] = false;
                } else {
                    out.append(v);
                }
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> jsonArray(String rest) {
        String t = rest.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(t);
            if (!n.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    return null;
                }
                out.add(e.asText());
            }
            return out;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String stripLeading(String s) {
        return s.stripLeading();
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
