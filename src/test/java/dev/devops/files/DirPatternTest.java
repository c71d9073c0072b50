package dev.devops.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A directory class answers what the whole-path regex {@code (^|.*\/)(NAMES)/.*} answers, remembered per directory. */
class DirPatternTest {
    private static final List<String> PATHS = List.of("test/a.java", "src/test/a.java", "src/Test/A.java", "src/tests",
            "tests", "a/b/c/test/d/e.txt", "latest/a.txt", "testing/x", "website/docs/a.md", "docs/a.md", "a/docs",
            "x/website/docs/y/z.md", "website/x/docs.md", "_test/a", "", "a/b/c.txt", "test/", "a//test//b");

    private static void sameAsRegex(DirPattern d, Pattern whole, boolean lower) {
        for (int round = 0; round < 2; round++) { // the second round answers from memory
            for (String p : PATHS) {
                String text = lower ? p.toLowerCase(Locale.ROOT) : p;
                assertEquals(whole.matcher(text).matches(), d.matches(p), p);
            }
        }
    }

    @Test
    void answersAsTheWholePathRegex() {
        sameAsRegex(DirPattern.lowerCase("_?(?:test|tests|testing)"), Pattern.compile("(^|.*/)(_?(?:test|tests|testing))/.*"), true);
        sameAsRegex(DirPattern.of("docs?|website/docs"), Pattern.compile("(^|.*/)(docs?|website/docs)/.*"), false);
        sameAsRegex(DirPattern.ignoringCase("test"), Pattern.compile("(?i)(^|.*/)(test)/.*"), false);
    }
}
