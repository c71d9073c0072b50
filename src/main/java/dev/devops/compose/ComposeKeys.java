package dev.devops.compose;

import java.util.List;

/** The keys the compose specification allows at each level; anything else (but {@code x-*}) is an error. */
final class ComposeKeys {
    static final List<String> TOP = List.of("version", "name", "include", "services", "networks", "volumes",
            "secrets", "configs", "models");

    static final List<String> SERVICE = List.of("annotations", "attach", "blkio_config", "build", "cap_add",
            "cap_drop", "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count",
            "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus",
            "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns",
            "dns_opt", "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "extends",
            "external_links", "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc",
            "isolation", "labels", "label_file", "links", "logging", "mac_address", "mem_limit", "mem_reservation",
            "mem_swappiness", "memswap_limit", "models", "network_mode", "networks", "oom_kill_disable",
            "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_stop", "privileged",
            "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets",
            "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
            "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from",
            "working_dir");

    static final List<String> BUILD = List.of("context", "dockerfile", "dockerfile_inline", "args", "ssh",
            "cache_from", "cache_to", "additional_contexts", "entitlements", "extra_hosts", "isolation", "privileged",
            "labels", "no_cache", "pull", "network", "shm_size", "target", "secrets", "tags", "ulimits", "platforms",
            "provenance", "sbom");

    static final List<String> HEALTHCHECK = List.of("test", "interval", "timeout", "retries", "start_period",
            "start_interval", "disable");

    static final List<String> DEPENDS_ON = List.of("condition", "restart", "required");

    static final List<String> PORT = List.of("name", "target", "published", "host_ip", "protocol", "app_protocol",
            "mode");

    static final List<String> VOLUME = List.of("type", "source", "target", "read_only", "consistency", "bind",
            "volume", "tmpfs", "image");

    static final List<String> SERVICE_NETWORK = List.of("aliases", "ipv4_address", "ipv6_address",
            "link_local_ips", "mac_address", "driver_opts", "priority", "gw_priority", "interface_name");

    static final List<String> ENV_FILE = List.of("path", "required", "format");

    static final List<String> EXTENDS = List.of("service", "file");

    static final List<String> RESOURCE_REF = List.of("source", "target", "uid", "gid", "mode");

    static final List<String> NETWORK = List.of("driver", "driver_opts", "attachable", "enable_ipv6",
            "enable_ipv4", "ipam", "internal", "labels", "external", "name");

    static final List<String> VOLUME_DEF = List.of("driver", "driver_opts", "external", "labels", "name");

    static final List<String> SECRET = List.of("file", "environment", "external", "name", "labels", "driver",
            "driver_opts", "template_driver", "content");

    static final List<String> CONFIG = List.of("file", "environment", "content", "external", "name", "labels",
            "template_driver");

    private ComposeKeys() {
    }
}
