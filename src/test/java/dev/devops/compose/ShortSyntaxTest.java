package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.compose.ComposeService.Port;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The short port and volume syntaxes, shell-word splitting of command strings, lenient interpolation. */
class ShortSyntaxTest {
    private static final RawNode AT = new RawNode.Scalar("", "", "string", new SourceLocation(null, 1, 1));

    private static Port port(String s) {
        return ServiceReader.shortPort(s, AT, "ports[0]");
    }

    @Test
    void ports() {
        assertEquals(new Port(null, null, "80", "tcp", null, AT.at()), port("80"));
        assertEquals(new Port(null, "8080", "80", "tcp", null, AT.at()), port("8080:80"));
        assertEquals(new Port("127.0.0.1", "8080", "80", "udp", null, AT.at()), port("127.0.0.1:8080:80/udp"));
        assertEquals(new Port("127.0.0.1", null, "80", "tcp", null, AT.at()), port("127.0.0.1::80"));
        assertEquals(new Port("::1", "8080", "80", "tcp", null, AT.at()), port("[::1]:8080:80"));
        Port range = port("9000-9005:9000-9005");
        assertArrayEquals(new int[] {9000, 9005}, range.publishedRange());
        assertArrayEquals(new int[] {9000, 9005}, range.targetRange());
        assertTrue(port("0.0.0.0:80:80").allInterfaces());
        for (String bad : List.of("", "a:b", "1:2:3:4", "80/xyz", "70000", "10-5:80", "[::1:80:80")) {
            assertThrows(UserError.class, () -> port(bad), bad);
        }
    }

    @Test
    void volumes() {
        assertEquals(new ShortVolume(null, "/data", null), ShortVolume.parse("/data"));
        assertEquals(new ShortVolume("./src", "/app", "ro,z"), ShortVolume.parse("./src:/app:ro,z"));
        assertEquals(new ShortVolume("C:\\data", "/data", null), ShortVolume.parse("C:\\data:/data"));
        assertTrue(ShortVolume.parse("C:\\data:/data").sourceIsPath());
        assertTrue(ShortVolume.parse("~/x:/x").sourceIsPath());
        assertEquals(false, ShortVolume.parse("dbdata:/var/lib/db").sourceIsPath());
        assertNull(ShortVolume.parse(""));
    }

    @Test
    void commandStrings() {
        assertEquals(List.of("sh", "-c", "echo $HOME && ls"), ShellWords.split("sh -c \"echo $HOME && ls\""));
        assertEquals(List.of("a b", "c\\d", "e"), ShellWords.split("'a b' c\\\\d e"));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void lenientInterpolationWarnsInsteadOfFailing() {
        List<String> w = new ArrayList<>();
        Interpolator lenient = new Interpolator(Map.<String, String>of()::get, true);
        assertEquals("x-", lenient.interpolate("x-${NEEDED:?set NEEDED}", w::add));
        assertTrue(w.get(0).contains("set NEEDED"));
        assertThrows(InterpolationException.class, () -> lenient.interpolate("${broken", w::add),
                "syntax errors stay errors in lenient mode");
    }
}
