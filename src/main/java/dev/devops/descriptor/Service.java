package dev.devops.descriptor;

/**
 * A backing service the apps use.
 *
 * @param name    compose service name (usually the type: "postgres")
 * @param type    catalog type: postgres, mysql, mariadb, mongodb, redis, rabbitmq, kafka
 * @param version the pinned image tag
 * @param publish publish the service's port on 127.0.0.1 for local tools (never on all interfaces)
 */
public record Service(String name, String type, String version, boolean publish) {

    public ServiceCatalog.Entry catalog() {
        return ServiceCatalog.get(type);
    }

    public String image() {
        return catalog().image() + ":" + version;
    }
}
