package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EngineCommandsTest {
    @Test
    void theEngineClientIsBegunEarlyOnlyForTheStackCommands() {
        EngineCommands.takeEarly();
        EngineCommands.startEarly(new String[] {"--verbose", "up", "-d", "--wait"});
        assertNotNull(EngineCommands.takeEarly(), "up talks to the engine: its client is begun before parsing");
        assertNull(EngineCommands.takeEarly(), "handed out once");
        for (String[] args : new String[][] {{"lint", "up"}, {"--version"}, {"init", "ps"}, {}}) {
            EngineCommands.startEarly(args);
            assertNull(EngineCommands.takeEarly(), String.join(" ", args));
        }
        EngineCommands.startEarly(new String[] {"logs", "-f"});
        assertNotNull(EngineCommands.takeEarly());
    }
}
