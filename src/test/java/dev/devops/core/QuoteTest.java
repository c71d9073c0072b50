package dev.devops.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTest {
    private static final List<String> SAMPLES = List.of("", "plain", "say \"hi\"", "back\\slash", "two\nlines\r\n",
            "tab\there", "bell\u0007", "nul\u0000", "line\u2028sep\u2029", "ünïcødé €", "${VAR:-x}", "# not a comment", "key: value");

    @Test
    void jsonReadersGetTheSameStringBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String s : SAMPLES) {
            assertEquals(s, json.readValue(Quote.json(s), String.class), Quote.json(s));
        }
        assertEquals("null", Quote.json(null));
    }

    @Test
    void yamlReadersGetTheSameStringBackToo() {
        var load = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build());
        for (String s : SAMPLES) {
            assertEquals(s, load.loadFromString("k: " + Quote.json(s) + "\n") instanceof java.util.Map<?, ?> m ? m.get("k") : null,
                    Quote.json(s));
        }
    }
}
