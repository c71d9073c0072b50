package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Build output reaches a log or a pipe as plain text: no escape sequences, no carriage-return progress bars. */
class PlainOutputTest {
    @Test
    void escapeSequencesAndProgressBarsBecomePlainText() {
        String esc = "\u001b";
        assertEquals("added 12 packages", Terminal.plain(esc + "[32madded" + esc + "[0m 12 packages"));
        assertEquals("done", Terminal.plain("[=>   ] 10%\r[===> ] 60%\rdone"), "the line as it ends");
        assertEquals("a\nb", Terminal.plain("a\r\nb"), "CRLF is a line break");
        assertEquals("title gone", Terminal.plain(esc + "]0;npm install\u0007title gone"));
        assertEquals("cursor", Terminal.plain(esc + "[2K" + esc + "[1Acursor" + esc + "[?25h"));
        assertEquals("bell\tand tab", Terminal.plain("bell\u0007\tand tab"));
        assertEquals("ünïcode stays", Terminal.plain("ünïcode stays"));
    }

    @Test
    void verboseBuildOutputIsPlainWhenNotOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressRenderer r = new ProgressRenderer(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, true);
        r.buildOutput("web", "\u001b[1m\u001b[33mnpm WARN\u001b[0m deprecated");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("web build | npm WARN deprecated\n", out.replace("\r\n", "\n"));
        assertFalse(out.contains("\u001b"));
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        new ProgressRenderer(new PrintStream(tty, true, StandardCharsets.UTF_8), true, true)
                .buildOutput("web", "\u001b[33mcolour\u001b[0m");
        assertTrue(tty.toString(StandardCharsets.UTF_8).contains("\u001b[33mcolour"), "a terminal shows them");
    }
}
