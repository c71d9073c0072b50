package dev.devops.lint.secrets.rules;

import dev.devops.core.UserError;
import dev.devops.lint.Severity;
import dev.devops.yaml.YMap;
import dev.devops.yaml.YNode;
import dev.devops.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads secret rules from YAML: the built-in set listed in {@value #INDEX} (one file per provider
 * family), or a user's extra rules file in the same format. Every rule is checked when it loads: id
 * {@code SEC} + 4 digits and unique, a compilable regex with the named secret group, lowercase
 * keywords of which every match example contains one, at least one match and one ignore example.
 */
public final class RuleLoader {
    /** Classpath resource listing the built-in rules files, one name per line ('#' comments). */
    public static final String INDEX = "/dev/devops/lint/secrets/rules/index.txt";
    private static final String DIR = "/dev/devops/lint/secrets/rules/";
    private static final Pattern ID = Pattern.compile("SEC\\d{4}");
    private static final int MIN_KEYWORD = 2;
    private static final List<String> KEYS = List.of("id", "title", "severity", "regex", "secretGroup",
            "keywords", "entropy", "validator", "help", "examples");
    private static final List<String> EXAMPLE_KEYS = List.of("match", "ignore");
    private static final List<String> SEVERITIES = List.of("error", "warning", "info");

    private RuleLoader() {
    }

    private static final class Builtin {
        static final Map<String, String> SOURCES = new java.util.LinkedHashMap<>();
        static final List<SecretRule> RULES = loadBuiltin(SOURCES);
    }

    /**
     * The built-in rules in index order, loaded and compiled once (thread-safe, lazily on first use).
     *
     * @throws IllegalStateException when the packaged data is broken (a bug: the tests load it)
     */
    public static List<SecretRule> builtin() {
        return Builtin.RULES;
    }

    /**
     * Loads a user's extra rules file. Beyond the checks every rule gets, each example is run: a match
     * example must be accepted and an ignore example must not, so a broken rule is reported where it is
     * written instead of silently finding nothing. Ids must not clash with built-in ones.
     *
     * @throws UserError with file:line:column, what is wrong and what to do
     */
    public static List<SecretRule> load(Path file) {
        YNode root = YamlDocument.read(file);
        List<SecretRule> rules = parse(root, new HashMap<>());
        Map<String, SecretRule> builtinIds = new HashMap<>();
        for (SecretRule r : builtin()) {
            builtinIds.put(r.id(), r);
        }
        List<YNode> nodes = root.asList();
        for (int i = 0; i < rules.size(); i++) {
            SecretRule r = rules.get(i);
            YNode node = nodes.get(i);
            SecretRule clash = builtinIds.get(r.id());
            if (clash != null) {
                throw node.asMap().get("id").error("rule id " + r.id() + " is already a built-in rule ("
                        + clash.title() + ")", "use an id from SEC9000 up for your own rules");
            }
            checkExamples(r, node);
        }
        return rules;
    }

    /**
     * Parses rules from YAML text; {@code file} names the source in errors. Examples are checked for
     * presence and keywords but not run (see {@link #load(Path)}).
     */
    public static List<SecretRule> parse(Path file, String text) {
        return parse(YamlDocument.parse(file, text), new HashMap<>());
    }

    /** The data file (e.g. "github.yaml") each built-in rule id comes from, in load order. */
    public static Map<String, String> builtinSources() {
        builtin();
        return java.util.Collections.unmodifiableMap(Builtin.SOURCES);
    }

    private record FileRules(String name, List<SecretRule> rules, Map<String, YNode> ids) {
    }

    /**
     * Uses the binary cache when it was built from exactly these YAML files (a cold YAML parse costs
     * far more than the rest of loading), else parses the YAML.
     */
    private static List<SecretRule> loadBuiltin(Map<String, String> sources) {
        List<String> names = builtinNames();
        Map<String, Long> crcs = packedCrcs(names);
        // not in a jar: the files are read for their checksum, and parsed from what was read if the cache is stale
        Map<String, byte[]> files = crcs == null ? builtinFiles(names) : null;
        long checksum = files != null ? RulesCache.checksum(files) : RulesCache.checksumOfCrcs(crcs);
        List<SecretRule> cached = RulesCache.read(RuleLoader.class.getResourceAsStream(DIR + RulesCache.RESOURCE), checksum,
                sources);
        return cached != null ? cached : parseBuiltin(files != null ? files : builtinFiles(names), sources);
    }

    /** The built-in rules files in index order: name to content. */
    static Map<String, byte[]> builtinFiles() {
        return builtinFiles(builtinNames());
    }

    private static Map<String, byte[]> builtinFiles(List<String> names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String n : names) {
            files.put(n, readResource(DIR + n));
        }
        return files;
    }

    /** The names of the built-in rules files, in index order. */
    private static List<String> builtinNames() {
        List<String> names = new ArrayList<>();
        for (String name : new String(readResource(INDEX), StandardCharsets.UTF_8).split("\n")) {
            String n = name.strip();
            if (!n.isEmpty() && !n.startsWith("#")) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * The CRC-32 of each built-in rules file as the directory of the jar this class was loaded from records it: the
     * jar is already open (the class loader's; a second {@link java.util.zip.ZipFile} of it shares what was read of it),
     * so this is a look-up per file. Null when the classes are not in a jar (a classes directory: tests, an IDE) or an
     * entry has no CRC.
     */
    private static Map<String, Long> packedCrcs(List<String> names) {
        try {
            java.security.CodeSource source = RuleLoader.class.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                return null;
            }
            java.io.File jar = new java.io.File(source.getLocation().toURI());
            if (!jar.isFile()) {
                return null;
            }
            Map<String, Long> crcs = new LinkedHashMap<>();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                for (String n : names) {
                    java.util.zip.ZipEntry e = zip.getEntry(DIR.substring(1) + n);
                    if (e == null || e.getCrc() < 0) {
                        return null;
                    }
                    crcs.put(n, e.getCrc());
                }
            }
            return crcs;
        } catch (IOException | java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses the built-in YAML, files in parallel; ids are then checked across files. */
    static List<SecretRule> parseBuiltin(Map<String, byte[]> contents, Map<String, String> sources) {
        try {
            List<FileRules> files = new ArrayList<>(contents.keySet()).parallelStream().map(n -> {
                Map<String, YNode> ids = new LinkedHashMap<>();
                String text = new String(contents.get(n), StandardCharsets.UTF_8);
                List<SecretRule> rules = parse(YamlDocument.parse(Path.of("rules", n), text), ids);
                return new FileRules(n, rules, ids);
            }).toList();
            List<SecretRule> all = new ArrayList<>();
            Map<String, YNode> seen = new HashMap<>();
            for (FileRules f : files) {
                for (Map.Entry<String, YNode> e : f.ids().entrySet()) {
                    YNode first = seen.putIfAbsent(e.getKey(), e.getValue());
                    if (first != null) {
                        throw e.getValue().error("duplicate rule id " + e.getKey() + " (first at " + first.location() + ")",
                                "give each rule its own id");
                    }
                }
                for (SecretRule r : f.rules()) {
                    all.add(r);
                    sources.put(r.id(), f.name());
                }
            }
            return List.copyOf(all);
        } catch (UserError e) {
            throw new IllegalStateException("built-in secret rules are broken: " + e.oneLine(), e);
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = RuleLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    private static List<SecretRule> parse(YNode root, Map<String, YNode> seenIds) {
        if (root.isNull()) {
            throw root.error("the rules file is empty", "write a list of rules ('- id: SEC9001' …)");
        }
        List<SecretRule> out = new ArrayList<>();
        for (YNode item : root.asList()) {
            out.add(rule(item, seenIds));
        }
        return out;
    }

    private static SecretRule rule(YNode item, Map<String, YNode> seenIds) {
        YMap m = item.asMap(KEYS);
        YNode idNode = m.require("id", "give every rule an id such as SEC9001");
        String id = idNode.asText();
        if (!ID.matcher(id).matches()) {
            throw idNode.error("rule id '" + id + "' is not SEC followed by 4 digits", "write e.g. SEC9001");
        }
        YNode first = seenIds.putIfAbsent(id, idNode);
        if (first != null) {
            throw idNode.error("duplicate rule id " + id + " (first at " + first.location() + ")",
                    "give each rule its own id");
        }
        String where = "rule " + id;
        String title = m.require("title", "describe the secret in one line").asText();
        Severity severity = Severity.parse(m.require("severity", "error, warning or info").asEnum(SEVERITIES));

        YNode regexNode = m.require("regex", "write the pattern of the secret");
        Pattern regex;
        try {
            regex = Pattern.compile(regexNode.asText());
        } catch (PatternSyntaxException e) {
            throw regexNode.error(where + ": the regex does not compile: " + e.getDescription()
                    + " near index " + e.getIndex(), "fix the Java regular expression");
        }
        int group = m.opt("secretGroup").map(n -> n.asInt(0, 99)).orElse(0);
        int groups = regex.matcher("").groupCount();
        if (group > groups) {
            throw m.get("secretGroup").error(where + ": secretGroup is " + group + " but the regex has "
                    + groups + " group(s)", "use 0 for the whole match or the number of the secret's group");
        }

        YNode kwNode = m.require("keywords", "list the lowercase literals every match contains");
        List<String> keywords = kwNode.asStringList();
        if (keywords.isEmpty()) {
            throw kwNode.error(where + ": keywords is empty", "list at least one literal every match contains");
        }
        for (String k : keywords) {
            if (!k.equals(k.toLowerCase(Locale.ROOT))) {
                throw kwNode.error(where + ": keyword '" + k + "' is not lowercase",
                        "write '" + k.toLowerCase(Locale.ROOT) + "' (keywords match case-insensitively)");
            }
            if (k.length() < MIN_KEYWORD) {
                throw kwNode.error(where + ": keyword '" + k + "' is shorter than " + MIN_KEYWORD
                        + " characters", "use a longer literal so the prefilter stays selective");
            }
        }

        double entropy = 0;
        if (m.opt("entropy").isPresent()) {
            YNode en = m.get("entropy");
            try {
                entropy = Double.parseDouble(en.asText());
            } catch (NumberFormatException e) {
                throw en.error(where + ": entropy '" + en.asText() + "' is not a number", "write e.g. 3.5");
            }
            if (entropy < 0 || entropy > 8) {
                throw en.error(where + ": entropy " + entropy + " is out of range", "use bits per character, 0 to 8");
            }
        }
        String validator = null;
        if (m.opt("validator").isPresent()) {
            YNode vn = m.get("validator");
            validator = vn.asText();
            if (!Validators.isKnown(validator)) {
                throw vn.error(where + ": unknown validator '" + validator + "'",
                        "known validators: " + String.join(", ", new java.util.TreeSet<>(Validators.known())));
            }
        }
        String help = m.require("help", "say how to revoke or rotate the secret").asText();

        YNode exNode = m.require("examples", "add 'examples:' with 'match:' and 'ignore:' lists");
        YMap ex = exNode.asMap(EXAMPLE_KEYS);
        List<String> match = ex.opt("match").map(YNode::asStringList).orElse(List.of());
        List<String> ignore = ex.opt("ignore").map(YNode::asStringList).orElse(List.of());
        YNode exKey = m.keyNode("examples");
        if (match.isEmpty()) {
            throw exKey.error(where + ": no 'match' examples", "add at least one line the rule must find");
        }
        if (ignore.isEmpty()) {
            throw exKey.error(where + ": no 'ignore' examples", "add at least one near miss the rule must not report");
        }
        for (String s : match) {
            if (!containsKeyword(s, keywords)) {
                throw ex.get("match").error(where + ": match example contains none of the keywords "
                        + keywords + ": " + abbreviate(s), "add a keyword that every match contains");
            }
        }
        return new SecretRule(id, title, severity, regex, group, keywords, entropy, validator, match, ignore, help);
    }

    /** Whether {@code text} contains one of {@code keywords}, ignoring case. */
    public static boolean containsKeyword(String text, List<String> keywords) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String k : keywords) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code rule} accepts some match in {@code line}: regex, non-empty secret, entropy, validator. */
    public static boolean accepts(SecretRule rule, String line) {
        Matcher mt = rule.regex().matcher(line);
        while (mt.find()) {
            String secret = mt.group(rule.secretGroup());
            if (secret != null && Validators.accepts(rule, secret)) {
                return true;
            }
        }
        return false;
    }

    private static void checkExamples(SecretRule r, YNode node) {
        YMap ex = node.asMap().get("examples").asMap();
        for (String s : r.examplesMatch()) {
            if (!accepts(r, s)) {
                throw ex.get("match").error("rule " + r.id() + " does not find its match example: "
                        + abbreviate(s), "fix the regex, entropy or the example");
            }
        }
        for (String s : r.examplesIgnore()) {
            if (accepts(r, s)) {
                throw ex.get("ignore").error("rule " + r.id() + " reports its ignore example: "
                        + abbreviate(s), "tighten the regex or raise the entropy floor");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? "'" + s + "'" : "'" + s.substring(0, 8) + "…' (" + s.length() + " chars)";
    }
}
