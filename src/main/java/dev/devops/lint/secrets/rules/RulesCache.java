package dev.devops.lint.secrets.rules;

import dev.devops.lint.Severity;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A compact binary copy of the built-in rules, derived from the YAML and committed next to it, so a
 * cold start skips YAML parsing (the YAML stays the source of truth: the cache carries a checksum of
 * the YAML files it was built from and is ignored when they differ; a test regenerates and compares it).
 */
final class RulesCache {
    /** Resource name of the cache, next to the YAML files. */
    static final String RESOURCE = "builtin-rules.bin";
    private static final String MAGIC = "devops-secret-rules/2";

    private RulesCache() {
    }

    /** Checksum of the rules files in index order (names and contents). */
    static long checksum(Map<String, byte[]> files) {
        Map<String, Long> crcs = new java.util.LinkedHashMap<>();
        files.forEach((name, bytes) -> crcs.put(name, crc32(bytes)));
        return checksumOfCrcs(crcs);
    }

    /** The CRC-32 of {@code bytes}, as a zip entry records it for its uncompressed content. */
    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * {@link #checksum} from each file's CRC-32 (in index order): what a packed jar's directory already holds for its
     * entries, so a run from the jar checks the cache without inflating and reading the YAML (~20 ms of a cold start).
     */
    static long checksumOfCrcs(Map<String, Long> crcs) {
        CRC32 crc = new CRC32();
        crc.update(MAGIC.getBytes(StandardCharsets.UTF_8));
        byte[] value = new byte[8];
        for (Map.Entry<String, Long> e : crcs.entrySet()) {
            crc.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            long v = e.getValue();
            for (int i = 0; i < 8; i++) {
                value[i] = (byte) (v >>> (56 - 8 * i));
            }
            crc.update(value);
            crc.update(0);
        }
        return crc.getValue();
    }

    static byte[] write(List<SecretRule> rules, Map<String, String> sources, long checksum) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeLong(checksum);
            out.writeInt(rules.size());
            for (SecretRule r : rules) {
                out.writeUTF(r.id());
                out.writeUTF(sources.getOrDefault(r.id(), ""));
                out.writeUTF(r.title());
                out.writeUTF(r.severity().name());
                out.writeUTF(r.regex().pattern());
                out.writeInt(r.regex().flags());
                out.writeInt(r.secretGroup());
                writeList(out, r.keywords());
                out.writeDouble(r.entropy());
                out.writeBoolean(r.validator() != null);
                if (r.validator() != null) {
                    out.writeUTF(r.validator());
                }
                writeList(out, r.examplesMatch());
                writeList(out, r.examplesIgnore());
                out.writeUTF(r.help());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The rules in {@code in}, or null when it is absent, unreadable or built from other YAML than
     * {@code checksum}. Fills {@code sources} (id to file name) on success.
     */
    static List<SecretRule> read(InputStream in, long checksum, Map<String, String> sources) {
        if (in == null) {
            return null;
        }
        try (DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16))) {
            if (!MAGIC.equals(data.readUTF()) || data.readLong() != checksum) {
                return null;
            }
            int n = data.readInt();
            List<SecretRule> rules = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = data.readUTF();
                String source = data.readUTF();
                String title = data.readUTF();
                Severity severity = Severity.valueOf(data.readUTF());
                String regex = data.readUTF();
                RuleRegex pattern = RuleRegex.lazy(regex, data.readInt());
                int group = data.readInt();
                List<String> keywords = readList(data);
                double entropy = data.readDouble();
                String validator = data.readBoolean() ? data.readUTF() : null;
                List<String> match = readList(data);
                List<String> ignore = readList(data);
                String help = data.readUTF();
                rules.add(new SecretRule(id, title, severity, pattern, group, keywords, entropy, validator, match, ignore, help));
                sources.put(id, source);
            }
            return List.copyOf(rules);
        } catch (IOException | RuntimeException e) {
            sources.clear();
            return null;
        }
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
