package dev.devops.release;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every artifact image carries: the OCI annotation keys ({@code org.opencontainers.image.*},
 * as docker buildx metadata writes them) plus devops's own. They make the registry self-describing:
 * {@code devops releases} and {@code promote} read version, commit, check result and promotability
 * back from a pushed image, with no local manifest.
 */
public final class ArtifactLabels {
    public static final String REVISION = "org.opencontainers.image.revision";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String VERSION = "org.opencontainers.image.version";
    public static final String CREATED = "org.opencontainers.image.created";
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String DESCRIPTOR = "dev.devops.descriptor.sha256";
    public static final String COMPOSE = "dev.devops.compose.sha256";
    public static final String CHECK = "dev.devops.check";
    public static final String PROMOTABLE = "dev.devops.promotable";
    public static final String SERVICE = "dev.devops.service";

    private ArtifactLabels() {
    }

    /** The labels for {@code service}'s image of {@code a} (an artifact not yet built: no image ids needed). */
    public static Map<String, String> of(Artifact a, String service) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(REVISION, a.commit());
        if (a.source() != null) {
            l.put(SOURCE, a.source());
        }
        l.put(VERSION, a.version());
        l.put(CREATED, a.commitDate());
        l.put(TITLE, a.app() + "-" + service);
        if (a.descriptorSha256() != null) {
            l.put(DESCRIPTOR, a.descriptorSha256());
        }
        l.put(COMPOSE, a.composeSha256());
        l.put(CHECK, a.check().label());
        l.put(PROMOTABLE, Boolean.toString(a.promotable()));
        l.put(SERVICE, service);
        return l;
    }
}
