package dev.devops.cli;

import dev.devops.core.UserError;
import dev.devops.release.Artifact;
import dev.devops.release.ArtifactStore;
import java.io.PrintStream;
import java.nio.file.Path;

/** How build, push and promote print an artifact: a table, or the manifest as JSON (--format json). */
final class ArtifactOutput {
    private ArtifactOutput() {
    }

    static boolean json(String format) {
        return switch (format) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new UserError(null, "unknown --format '" + format + "'", "use text or json");
        };
    }

    static void print(Artifact a, boolean json, Path manifest, PrintStream out) {
        if (json) {
            out.println(ArtifactStore.toJson(a));
            return;
        }
        out.println(a.app() + " " + a.version() + (a.dirty() ? " (dirty: not promotable)" : "") + "  commit "
                + a.commit().substring(0, Math.min(12, a.commit().length())) + "  check " + a.check().status());
        for (Artifact.Image i : a.images()) {
            out.println(String.format("  %-16s %-40s %s%s", i.service(), i.ref(a.version()), shortId(i.imageId()),
                    i.digest() == null ? "" : "  " + i.registryRepository() + "@" + i.digest()));
        }
        if (!a.promotions().isEmpty()) {
            out.println("  promoted to: " + String.join(", ", a.promotions().stream().map(Artifact.Promotion::environment).toList()));
        }
        if (manifest != null) {
            out.println("manifest " + manifest);
        }
    }

    static String shortId(String id) {
        if (id == null) {
            return "-";
        }
        String s = id.replace("sha256:", "");
        return s.length() > 12 ? s.substring(0, 12) : s;
    }
}
