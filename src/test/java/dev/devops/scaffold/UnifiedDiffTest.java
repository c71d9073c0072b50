package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.diff("f", "a\nb\n", "a\nb\n"));
    }

    @Test
    void newFileIsAllAdditions() {
        assertEquals("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.diff("f", null, "a\nb\n"));
    }

    @Test
    void changeInTheMiddleHasThreeLinesOfContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", UnifiedDiff.diff("f", a, b));
    }

    @Test
    void distantChangesMakeTwoHunks() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
        }
        String b = a.toString().replace("\n3\n", "\nthree\n").replace("\n27\n", "\n27\nextra\n");
        String diff = UnifiedDiff.diff("f", a.toString(), b);
        assertTrue(diff.contains("@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"), diff);
        assertTrue(diff.contains("@@ -25,6 +25,7 @@\n 25\n 26\n 27\n+extra\n 28\n 29\n 30\n"), diff);
    }

    @Test
    void insertionsAndDeletionsAreAligned() {
        String diff = UnifiedDiff.diff("f", "a\nb\nc\nd\n", "a\nc\nd\ne\n");
        assertEquals("--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n c\n d\n+e\n", diff);
    }

    @Test
    void hugeDifferingMiddleStillGivesAValidDiff() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        String diff = UnifiedDiff.diff("f", a.toString(), b.toString());
        assertTrue(diff.startsWith("--- a/f\n+++ b/f\n@@ -1,2500 +1,2500 @@\n-a0\n"), diff.substring(0, 60));
    }

    @Test
    void redactionMasksSecretValuesInEveryFormAndKeepsReferences() {
        String pw = "Xq7" + "zK9wq2Lp";
        String old = String.join("\n", "POSTGRES_PASSWORD=" + pw, "export API_TOKEN='" + pw + "'", "      SESSION_SECRET: \"" + pw + "\"",
                "      - JWT_SECRET=" + pw, "ENV DB_PASSWORD " + pw, "ARG NPM_TOKEN=" + pw,
                "      DATABASE_URL: postgres://app:" + pw + "@db:5432/app", "      REDIS_URL: redis://:" + pw + "@cache:6379",
                "LOG_LEVEL=debug", "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}", "") ;
        String diff = UnifiedDiff.redact(UnifiedDiff.diff(".env", old, "LOG_LEVEL=info\n"), n -> n.contains("PASSWORD")
                || n.contains("TOKEN") || n.contains("SECRET") || n.equals("DATABASE_URL"));
        assertTrue(!diff.contains(pw) && !diff.contains("zK9"), diff);
        assertTrue(diff.contains("-POSTGRES_PASSWORD=****\n"), diff);
        assertTrue(diff.contains("-export API_TOKEN=****\n"), diff);
        assertTrue(diff.contains("-      SESSION_SECRET: ****\n"), diff);
        assertTrue(diff.contains("-      - JWT_SECRET=****\n"), diff);
        assertTrue(diff.contains("-ENV DB_PASSWORD ****\n"), diff);
        assertTrue(diff.contains("-      REDIS_URL: redis://:****@cache:6379\n"), diff);
        assertTrue(diff.contains("-LOG_LEVEL=debug\n") && diff.contains("+LOG_LEVEL=info"), diff);
        assertTrue(diff.contains("-      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n"), "a reference is no secret: " + diff);
        assertTrue(diff.startsWith("--- a/.env\n+++ b/.env\n@@ "), diff);
    }
    /**
     * harden2: only the first assignment of a line was looked at ({@code ENV AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=…}
     * printed the secret key), and a secret default repeated in the comment above its line
     * ({@code # optional; default: VALUE} of .env.example) was printed there.
     */
    @Test
    void redactionMasksEveryAssignmentOfALineAndEveryRepeatOfAMaskedValue() {
        String pw = "wJalr" + "XUtnFEMI/K7MDENG";
        String token = "ghp_" + "aB3dE5fG7hJ9kL1mN2pQ";
        String old = String.join("\n", "FROM node:20", "ENV AWS_REGION=eu-west-1 AWS_SECRET_ACCESS_KEY=" + pw + " MODE=prod",
                "RUN export A=1 API_TOKEN=\"" + token + "\" && make", "");
        String now = String.join("\n", "# optional; default: " + token, "API_TOKEN=" + token, "");
        java.util.function.Predicate<String> secret = n -> n.contains("SECRET") || n.contains("TOKEN");
        String diff = UnifiedDiff.redact(UnifiedDiff.diff("Dockerfile", old, now), secret);
        assertTrue(!diff.contains(pw) && !diff.contains(token) && !diff.contains("ghp_"), diff);
        assertTrue(diff.contains("-ENV AWS_REGION=eu-west-1 AWS_SECRET_ACCESS_KEY=**** MODE=prod\n"), diff);
        assertTrue(diff.contains("-RUN export A=1 API_TOKEN=**** && make\n"), diff);
        assertTrue(diff.contains("+# optional; default: ****\n"), diff);
    }
}
