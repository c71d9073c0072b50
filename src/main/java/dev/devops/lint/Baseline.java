package dev.devops.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.core.AtomicWrite;
import dev.devops.core.InputFiles;
import dev.devops.core.Quote;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A file of finding fingerprints for adopting the linter on an old repository: {@code --write-baseline F}
 * records today's findings, {@code --baseline F} reports only findings whose fingerprint is not in it.
 *
 * <p>A published fingerprint ({@link #located}) is a hash of the rule, the path and the finding's ordinal among
 * that rule's findings in that file, nothing of the finding's text: a hash that covered a secret (or the line
 * holding it) could be reversed by guessing a weak password, and a salt stored beside it would not stop that.
 * Lines are not part of it, so moving code does not resurface old findings; a new finding of a rule in a file
 * adds one fingerprint, so it is reported (in a file with several, as the last of them).
 */
public final class Baseline {
    /** A baseline larger than this is refused (one of 100,000 findings is about 13 MB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    public boolean contains(Finding f) {
        return fingerprints.contains(f.fingerprint());
    }

    public int size() {
        return fingerprints.size();
    }

    /** Reads a baseline written by {@link #write}; a missing or malformed file is a UserError. */
    public static Baseline read(Path file) {
        if (!Files.exists(file)) {
            throw new UserError(SourceLocation.of(file), "baseline file not found",
                    "create it with --write-baseline " + file);
        }
        byte[] bytes = InputFiles.readBytes(file, MAX_BYTES);
        JsonNode root;
        try {
            // two baselines concatenated (a union merge), or junk after a truncated one: refused, not half-read
            root = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(bytes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new UserError(new SourceLocation(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()),
                    "the baseline is not valid JSON: " + e.getOriginalMessage(), "write it again with --write-baseline");
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(file), "cannot read the baseline: " + e.getMessage(), null);
        }
        JsonNode list = root == null ? null : root.get("findings");
        if (list == null || !list.isArray()) {
            throw new UserError(SourceLocation.of(file), "not a devops baseline (no \"findings\" list)",
                    "write it with --write-baseline");
        }
        Set<String> fps = new HashSet<>();
        for (JsonNode n : list) {
            JsonNode fp = n.get("fingerprint");
            if (fp != null && fp.isTextual()) {
                fps.add(fp.asText());
            }
        }
        return new Baseline(fps);
    }

    /**
     * {@code findings} (sorted by file, line, column) with their fingerprints replaced by published ones: the hash
     * of rule, path and ordinal, so no fingerprint in a report or baseline depends on a secret.
     */
    public static List<Finding> located(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String key = f.rule().id() + "\u0000" + f.path();
            int n = seen.merge(key, 1, Integer::sum);
            out.add(new Finding(f.rule(), f.severity(), f.path(), f.line(), f.column(), f.message(), f.hint(),
                    f.redacted(), hash(key + "\u0000" + n), f.properties()));
        }
        return out;
    }

    private static String hash(String s) {
        return Finding.fingerprint("devops-baseline/2", s);
    }

    /** Writes the fingerprints of {@code findings}, sorted, so the file diffs well under version control. */
    public static void write(Path file, Collection<Finding> findings) {
        TreeMap<String, Finding> sorted = new TreeMap<>();
        for (Finding f : findings) {
            sorted.putIfAbsent(f.path() + "\u0000" + f.rule().id() + "\u0000" + f.fingerprint(), f);
        }
        StringBuilder sb = new StringBuilder("{\n  \"tool\": \"devops\",\n  \"version\": 1,\n  \"findings\": [");
        String sep = "\n";
        for (Finding f : sorted.values()) {
            sb.append(sep).append("    {\"rule\": ").append(Quote.json(f.rule().id()))
                    .append(", \"path\": ").append(Quote.json(f.path()))
                    .append(", \"fingerprint\": ").append(Quote.json(f.fingerprint())).append('}');
            sep = ",\n";
        }
        sb.append(sorted.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        AtomicWrite.write(file, sb.toString());
    }

}
