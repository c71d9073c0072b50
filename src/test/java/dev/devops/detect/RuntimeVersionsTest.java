package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.detect.RuntimeVersions.Stated;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeVersionsTest {
    private static String summary(List<Stated> s) {
        return String.join(", ", s.stream().map(x -> x.language() + " " + (x.floor() ? ">=" : "") + x.version() + " @"
                + x.line()).toList());
    }

    @Test
    void readsEachVersionFileWithItsLine() {
        assertEquals("node 20 @2", summary(RuntimeVersions.read(".nvmrc", "# comment\nv20.11.1\n")));
        assertEquals("node 20 @1", summary(RuntimeVersions.read("web/.node-version", "lts/iron\n")));
        assertEquals("", summary(RuntimeVersions.read(".nvmrc", "node\n")));
        assertEquals("node 18 @1, java 21 @2, python 3.12 @3, go 1.22 @4", summary(RuntimeVersions.read(".tool-versions",
                "nodejs 18.19.0\njava temurin-21.0.2+13.0.LTS\npython 3.12.1\ngolang 1.22.0\n")));
        assertEquals("node >=18 @3, node 20 @4", summary(RuntimeVersions.read("package.json",
                "{\n  \"name\": \"x\",\n  \"engines\": {\"node\": \">=18\"},\n  \"volta\": {\"node\": \"20.11.0\"}\n}\n")));
        // held-out 13c: alternatives of majors (every one supported) are a floor at the lowest, so .nvmrc 20 agrees
        assertEquals("node >=18 @2", summary(RuntimeVersions.read("package.json",
                "{\n  \"engines\": {\"node\": \">=18.0.0 <19.0.0 || >=19.0.0 <20.0.0 || >=20.0.0 <21.0.0 || >=22.0.0 <23.0.0\"}\n}\n")));
        assertEquals("node >=18 @1", summary(RuntimeVersions.read("package.json", "{\"engines\": {\"node\": \"^18 || ^20\"}}\n")));
        // a release is a floor (javac --release checks the API: the classes run on every later JDK) and the compiler
        // plugin ignores source/target (java.version) beside it; source/target alone stay exact
        assertEquals("java >=21 @4", summary(RuntimeVersions.read("pom.xml",
                "<properties>\n<java.version>17</java.version>\n</properties>\n<configuration><release>21</release></configuration>\n")));
        assertEquals("java >=17 @3", summary(RuntimeVersions.read("pom.xml",
                "<properties>\n<maven.compiler.source>17</maven.compiler.source>\n<maven.compiler.release>17</maven.compiler.release>\n")));
        assertEquals("java 17 @2", summary(RuntimeVersions.read("pom.xml", "<properties>\n<java.version>17</java.version>\n")));
        assertEquals("java 21 @2", summary(RuntimeVersions.read("build.gradle.kts",
                "java {\n  toolchain { languageVersion.set(JavaLanguageVersion.of(21)) }\n}\n")));
        assertEquals("java 8 @1", summary(RuntimeVersions.read("build.gradle", "sourceCompatibility = '1.8'\n")));
        assertEquals("python >=3.10 @3", summary(RuntimeVersions.read("pyproject.toml",
                "[project]\nname = \"x\"\nrequires-python = \">=3.10,<4\"\n")));
        assertEquals("python 3.11 @1", summary(RuntimeVersions.read("runtime.txt", "python-3.11.6\n")));
        assertEquals("go >=1.21 @3, go 1.22 @4", summary(RuntimeVersions.read("go.mod",
                "module x\n\ngo 1.21\ntoolchain go1.22.3\n")));
    }

    @Test
    void imageVersions() {
        assertArrayEquals(new String[] {"node", "20"}, RuntimeVersions.ofImage("node:20.11-alpine"));
        assertArrayEquals(new String[] {"java", "21"}, RuntimeVersions.ofImage("eclipse-temurin:21-jre-alpine"));
        assertArrayEquals(new String[] {"java", "17"}, RuntimeVersions.ofImage("maven:3.9.6-eclipse-temurin-17"));
        assertArrayEquals(new String[] {"java", "17"}, RuntimeVersions.ofImage("gradle:8.5-jdk17"));
        assertArrayEquals(new String[] {"java", "8"}, RuntimeVersions.ofImage("openjdk:8u342-jre"));
        assertArrayEquals(new String[] {"java", "21"}, RuntimeVersions.ofImage("docker.io/library/amazoncorretto:21"));
        assertArrayEquals(new String[] {"python", "3.12"}, RuntimeVersions.ofImage("python:3.12-slim@sha256:abc"));
        assertArrayEquals(new String[] {"go", "1.22"}, RuntimeVersions.ofImage("golang:1.22.1-alpine"));
        assertNull(RuntimeVersions.ofImage("node:lts-alpine"));
        assertNull(RuntimeVersions.ofImage("node"));
        assertNull(RuntimeVersions.ofImage("maven:3.9"));
        assertNull(RuntimeVersions.ofImage("localhost:5000/node"));
    }

    @Test
    void comparesAtTheCommonPrecision() {
        assertTrue(RuntimeVersions.agree("20", "20.11.1"));
        assertFalse(RuntimeVersions.agree("18", "20"));
        assertTrue(RuntimeVersions.agree("3", "3.12"));
        assertFalse(RuntimeVersions.agree("3.11", "3.12"));
        Stated floor = new Stated("go", "1.21", "go.mod", "go.mod", 3, true);
        assertTrue(RuntimeVersions.satisfies(floor, "1.22"));
        assertTrue(RuntimeVersions.satisfies(floor, "1.21"));
        assertFalse(RuntimeVersions.satisfies(floor, "1.20"));
        assertTrue(RuntimeVersions.satisfies(new Stated("go", "1.9", "go.mod", "go.mod", 3, true), "1.10"), "numeric, not text");
    }
}
