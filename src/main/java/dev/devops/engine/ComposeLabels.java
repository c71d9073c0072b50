package dev.devops.engine;

/** The {@code com.docker.compose.*} labels docker compose writes and reads; we use the same. */
public final class ComposeLabels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String NUMBER = "com.docker.compose.container-number";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    public static final String VERSION = "com.docker.compose.version";
    public static final String DEPENDS_ON = "com.docker.compose.depends_on";
    public static final String IMAGE = "com.docker.compose.image";
    public static final String NETWORK = "com.docker.compose.network";
    public static final String VOLUME = "com.docker.compose.volume";
    /** The compose version we claim in labels: a 2.x string, so v2 tools read our labels as theirs. */
    public static final String COMPOSE_VERSION = "2.24.0";

    private ComposeLabels() {
    }
}
