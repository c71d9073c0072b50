package dev.devops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version Maven filtered into version.properties. Apart from {@link VersionProvider} (picocli's
 * --version), so that writing a report, which names the tool's version, loads no picocli class.
 */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
