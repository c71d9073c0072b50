package dev.devops.lint;

import dev.devops.core.Quote;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * A file of finding fingerprints (rule, path, hash of the secret; never the secret) for adopting the
 * linter on an old repository: {@code --write-baseline F} records today's findings, {@code --baseline F}
 * reports only findings whose fingerprint is not in it. Lines are not part of a fingerprint, so moving
 * code does not resurface old findings.
 */
public final class Baseline {
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(SourceLocation.of(file), "baseline file not found",
                    "create it with --write-baseline " + file);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(file), "cannot read the baseline: " + e.getMessage(), null);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
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
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(file), "cannot write the baseline: " + e.getMessage(), null);
        }
    }

}
