package dev.devops.engine;

/**
 * A published port (compose's long {@code ports:} syntax).
 *
 * @param hostIp        host address to bind, null for all addresses
 * @param hostPort      host port, null for an ephemeral one
 * @param containerPort the container port
 * @param protocol      "tcp" (default) or "udp"
 */
public record PortSpec(String hostIp, Integer hostPort, int containerPort, String protocol) {
    public PortSpec {
        protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol.toLowerCase(java.util.Locale.ROOT);
    }

    public static PortSpec local(int hostPort, int containerPort) {
        return new PortSpec("127.0.0.1", hostPort, containerPort, "tcp");
    }
}
