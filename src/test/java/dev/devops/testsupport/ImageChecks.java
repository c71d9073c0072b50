package dev.devops.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.ContainerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Assertions shared by the image build tests. */
public final class ImageChecks {
    private ImageChecks() {
    }

    /**
     * The images a Dockerfile's {@code FROM} lines name, minus its own stage names and {@code scratch}
     * (a simple reading: one instruction per line, no ARG substitution).
     */
    public static List<String> baseImages(Path dockerfile) {
        List<String> images = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String[] w = line.trim().split("\\s+");
                if (w.length < 2 || !w[0].equalsIgnoreCase("FROM")) {
                    continue;
                }
                int i = 1;
                while (i < w.length - 1 && w[i].startsWith("--")) {
                    i++;
                }
                String image = w[i];
                if (!stages.contains(image.toLowerCase(Locale.ROOT)) && !image.equals("scratch")) {
                    images.add(image);
                }
                if (i + 2 < w.length && w[i + 1].equalsIgnoreCase("AS")) {
                    stages.add(w[i + 2].toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    /**
     * Fails (in CI) or skips (elsewhere) when a base image of {@code dockerfile} is not present:
     * building would make the engine try a registry pull.
     */
    public static void requireBaseImages(Path dockerfile) {
        List<String> missing = baseImages(dockerfile).stream().filter(i -> !Docker.imageExists(i)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String msg = dockerfile + " needs the missing local image(s) " + missing + ": run scripts/test.sh";
        if (DockerCondition.required()) {
            Assertions.fail(msg);
        }
        Assumptions.abort(msg);
    }

    /** The image runs as a non-root user and says what to run. */
    public static void assertRunnableAsNonRoot(String image) {
        ContainerConfig config = Docker.inspect(image).getConfig();
        String user = config.getUser() == null ? "" : config.getUser().trim();
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        assertFalse(name.isEmpty() || name.equals("root") || name.equals("0"),
                image + " runs as root (Config.User is '" + user + "'); the Dockerfile needs a USER");
        boolean hasCmd = config.getCmd() != null && config.getCmd().length > 0;
        boolean hasEntrypoint = config.getEntrypoint() != null && config.getEntrypoint().length > 0;
        assertTrue(hasCmd || hasEntrypoint, image + " has neither CMD nor ENTRYPOINT");
    }
}
