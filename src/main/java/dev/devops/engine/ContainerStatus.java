package dev.devops.engine;

import java.util.List;

/**
 * One container of a stack as {@code ps} shows it.
 *
 * @param id       container id
 * @param name     container name
 * @param service  its service
 * @param number   its container number
 * @param state    created, running, exited, ...
 * @param status   the engine's status text ("Up 3 seconds (healthy)")
 * @param health   healthy, unhealthy, starting, or "" without a healthcheck
 * @param exitCode the exit code when exited, else null
 * @param ports    published ports as "127.0.0.1:8080->8000/tcp"
 * @param image    the image reference
 * @param configHash the config-hash label
 * @param version  the image's {@code org.opencontainers.image.version} label (a devops build's artifact version), or null
 */
public record ContainerStatus(String id, String name, String service, int number, String state, String status,
        String health, Integer exitCode, List<String> ports, String image, String configHash, String version) {
    public ContainerStatus {
        ports = List.copyOf(ports);
    }

    public ContainerStatus(String id, String name, String service, int number, String state, String status,
            String health, Integer exitCode, List<String> ports, String image, String configHash) {
        this(id, name, service, number, state, status, health, exitCode, ports, image, configHash, null);
    }

    /** The registry digest the container's image was pinned by ({@code repo@sha256:…}), or null. */
    public String digest() {
        int at = image == null ? -1 : image.indexOf('@');
        return at < 0 ? null : image.substring(at + 1);
    }
}
