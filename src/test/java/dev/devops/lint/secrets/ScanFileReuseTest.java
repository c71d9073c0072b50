package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import dev.devops.lint.secrets.rules.RuleLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file scan reuses one thread's hit lists and detector arrays from file to file: that may not change what a file reports. */
class ScanFileReuseTest {
    private static final SecretScanner SCANNER = new SecretScanner(RuleLoader.builtin());

    private static String token(int n) {
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(n);
        for (int i = 0; i < 20; i++) {
            sb.append((char) ('a' + r.nextInt(26))).append(r.nextInt(10));
        }
        return sb.toString();
    }

    /**
     * Files scanned one after another on one thread (lines, hit counts and lengths that differ, an ASCII file after a
     * non-ASCII one, a long file after a short one) report what each reports alone on a fresh thread.
     */
    @Test
    void aThreadsReusedArraysCarryNothingFromFileToFile() throws Exception {
        List<String[]> files = new ArrayList<>();
        files.add(new String[] {"app/config.conf", "password = \"" + token(1) + "\"\napi_key: " + token(2) + "\n"});
        files.add(new String[] {"src/App.java", "class A {\n  String s = \"caf\u00e9\";\n  String password = \"" + token(3) + "\";\n}\n"});
        files.add(new String[] {"deploy/run.sh", ("# filler line with pass and key words\n").repeat(200) + "export DB_PASSWORD="
                + token(4) + "\n"});
        files.add(new String[] {".env", "FEATURE_ENABLED=true\nWORKERS=4\n"});
        files.add(new String[] {".env.production", "SECRET_KEY=" + token(5) + "\n"});
        files.add(new String[] {"package-lock.json", "{\"password\": \"" + token(6) + "\"}\n"});
        files.add(new String[] {"k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n  password: " + token(7) + "\n"});
        files.add(new String[] {"notes.txt", "nothing to see here\n"});
        files.add(new String[] {"app/config.conf", "token: " + token(8) + "\n" + "x".repeat(5000) + "\nsecret = " + token(9) + "\n"});
        List<List<Finding>> alone = new ArrayList<>();
        for (String[] f : files) {
            List<List<Finding>> box = new ArrayList<>();
            Thread t = new Thread(() -> box.add(scan(f)));
            t.start();
            t.join();
            alone.add(box.get(0));
        }
        int total = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < files.size(); i++) {
                assertEquals(alone.get(i), scan(files.get(i)), "round " + round + ": " + files.get(i)[0]);
                total += alone.get(i).size();
            }
        }
        assertFalse(total == 0, "the files have findings");
    }

    private static List<Finding> scan(String[] file) {
        byte[] bytes = file[1].getBytes(StandardCharsets.UTF_8);
        return SCANNER.scanFile(file[0], bytes, bytes.length, Allowlist.NONE, true, false);
    }

    /**
     * A rule whose byte check answers once per line ({@link Detector#verdictPerLine}) keeps its answer for a line
     * start: the previous file's "no" for a line at the same offset must not drop this file's match. For every such
     * built-in rule: a file of its keyword alone (no match), then its example at the same line start.
     */
    @Test
    void aLinesVerdictIsNotTakenFromThePreviousFile() {
        int rules = 0;
        for (dev.devops.lint.secrets.rules.SecretRule r : RuleLoader.builtin()) {
            ProviderRuleDetector d = new ProviderRuleDetector(r, (v, s) -> true);
            if (d.anchored() || r.keywords().isEmpty() || r.examplesMatch().isEmpty()) {
                continue;
            }
            SecretScanner scanner = new SecretScanner(List.of(r), (v, s) -> true);
            byte[] example = (r.examplesMatch().get(0) + "\n").getBytes(StandardCharsets.UTF_8);
            List<Finding> alone = new SecretScanner(List.of(r), (v, s) -> true) // its own arrays
                    .scanFile("app/config.conf", example, example.length, Allowlist.NONE, true, false);
            if (alone.isEmpty()) {
                continue;
            }
            byte[] decoy = (r.keywords().get(0) + "\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), scanner.scanFile("app/config.conf", decoy, decoy.length, Allowlist.NONE, true, false), r.id());
            assertEquals(alone, scanner.scanFile("app/config.conf", example, example.length, Allowlist.NONE, true, false), r.id());
            rules++;
        }
        assertFalse(rules < 10, "unanchored rules with examples: " + rules);
    }

    /** The bytes after the length (a reused read buffer's rest) are not the file's. */
    @Test
    void aReadBufferLongerThanTheFileReportsTheFileOnly() {
        byte[] file = ("password = \"" + token(10) + "\"\n").getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[4096];
        byte[] rest = ("\nsecret = \"" + token(11) + "\"\n").repeat(20).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(rest, 0, buffer, 0, rest.length);
        System.arraycopy(file, 0, buffer, 0, file.length);
        assertEquals(SCANNER.scan("app/config.conf", new String(file, StandardCharsets.UTF_8), null, Map.of(), Allowlist.NONE, true),
                SCANNER.scanFile("app/config.conf", buffer, file.length, Allowlist.NONE, true, false));
    }
}
