package dev.devops.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code com.docker.compose.config-hash} of a service: SHA-256 over a canonical JSON form of the
 * resolved spec (properties and map keys sorted) plus the image id. Like compose, the build section,
 * the scale and depends_on are left out: rebuilding shows up through the image id, scaling does not
 * replace containers, and dependencies only order the start.
 */
public final class ConfigHash {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addModule(new SimpleModule().addSerializer(Duration.class, ToStringSerializer.instance))
            .build();

    private ConfigHash() {
    }

    /** The canonical form that is hashed (visible for tests and debugging). */
    public static String canonical(ServiceSpec service, String imageId) {
        ServiceSpec s = new ServiceSpec(service.name(), service.image() == null ? "" : service.image(), null, service.command(), service.entrypoint(),
                service.environment(), service.ports(), service.mounts(), null, service.healthcheck(),
                service.restart(), service.user(), service.workingDir(), service.init(), service.labels(),
                service.networks(), 1, service.stopSignal(), service.stopGracePeriod());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", s);
        doc.put("imageId", imageId == null ? "" : imageId);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise service " + service.name(), e);
        }
    }

    /**
     * Builds the canonical-JSON serializers ahead of the plan (~60 ms of CPU on first use, measured with
     * bench-style thread CPU time), on the engine warm-up thread. A failure is only a lost head start.
     */
    static void warm() {
        try {
            of(ServiceSpec.builder("warm").image("warm").healthcheck(HealthcheckSpec.shell("true", Duration.ofSeconds(1), 1))
                    .build(), "");
        } catch (RuntimeException e) {
            // the real plan reports any problem
        }
    }

    /** The hex SHA-256 of {@link #canonical}. */
    public static String of(ServiceSpec service, String imageId) {
        // dev.devops.core.Sha256, not MessageDigest: the same digest without initialising the security providers
        return HexFormat.of().formatHex(dev.devops.core.Sha256.of(canonical(service, imageId)));
    }
}
