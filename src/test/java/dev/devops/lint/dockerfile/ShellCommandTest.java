package dev.devops.lint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandTest {
    @Test
    void splitsOnOperatorsOutsideQuotes() {
        List<ShellCommand> c = ShellCommand.split(
                "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -qy --no-install-recommends 'a b' \"c;d\" "
                        + "|| echo failed; curl -fsSL x | sh & wait");
        assertEquals(6, c.size());
        assertEquals(List.of("apt-get", "update"), c.get(0).words());
        assertEquals("&&", c.get(1).separator());
        assertEquals("apt-get", c.get(1).program());
        assertEquals("install", c.get(1).subcommand());
        assertTrue(c.get(1).hasFlag("-y"), "-qy bundles -y");
        assertTrue(c.get(1).hasFlag("--no-install-recommends"));
        assertEquals(List.of("a b", "c;d"), c.get(1).operands());
        assertEquals("||", c.get(2).separator());
        assertEquals(";", c.get(3).separator());
        assertEquals("|", c.get(4).separator());
        assertEquals("sh", c.get(4).program());
        assertEquals("&", c.get(5).separator());
    }

    @Test
    void keepsSubstitutionsAndRedirectionsInWords() {
        List<ShellCommand> c = ShellCommand.split("echo $(cat a | wc -l) `date` 2>&1 > /dev/null && /usr/bin/pip3 install x");
        assertEquals(2, c.size());
        assertEquals("echo", c.get(0).program());
        assertTrue(c.get(0).words().contains("$(cat a | wc -l)"));
        assertEquals("pip3", c.get(1).program());
    }

    @Test
    void escapesAndComments() {
        List<ShellCommand> c = ShellCommand.split("echo a\\ b \"x\\\"y\" # trailing comment\nnext line");
        assertEquals(List.of("echo", "a b", "x\"y"), c.get(0).words());
        assertEquals(List.of("next", "line"), c.get(1).words());
        assertFalse(c.get(0).hasFlag("-y"));
        assertEquals(List.of("A=1", "B=two words", "#c"), ShellCommand.words("A=1 B=\"two words\" #c"));
    }

    @Test
    void optionsWithValuesAreNeitherSubcommandNorOperands() {
        ShellCommand apk = ShellCommand.split("apk --no-cache -X https://mirror/alpine add --virtual .deps gcc musl-dev").get(0);
        assertEquals("add", apk.subcommand());
        assertEquals(List.of("gcc", "musl-dev"), apk.operands());
        ShellCommand apt = ShellCommand.split("apt-get -o Acquire::Retries=3 install -y -t bookworm-backports curl").get(0);
        assertEquals("install", apt.subcommand());
        assertEquals(List.of("curl"), apt.operands());
        ShellCommand pip = ShellCommand.split("pip3 install --index-url https://pypi/simple -c constraints.txt flask").get(0);
        assertEquals(List.of("flask"), pip.operands());
        ShellCommand npm = ShellCommand.split("npm --registry https://r.example i -g typescript").get(0);
        assertEquals("i", npm.subcommand());
        assertEquals(List.of("typescript"), npm.operands());
        ShellCommand dnf = ShellCommand.split("dnf --enablerepo crb install -y ninja-build").get(0);
        assertEquals(List.of("ninja-build"), dnf.operands());
        ShellCommand py = ShellCommand.split("python3 -m pip install flask").get(0);
        assertEquals("install", py.subcommand());
    }
}
