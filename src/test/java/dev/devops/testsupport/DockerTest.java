package dev.devops.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs a Docker engine (and, optionally, local images).
 *
 * <p>Tagged {@code docker} (exclude with {@code -DexcludedGroups=docker}). When the engine does not
 * answer or an image is missing, the test is skipped with the reason, except when the environment
 * variable {@code CI=true}: then it fails, because CI must run the Docker tests ({@code scripts/test.sh}
 * provides the engine and the images).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerCondition.class)
public @interface DockerTest {
    /** Images that must exist locally, e.g. {@code "golang:1.22-bookworm"} (nothing is ever pulled). */
    String[] images() default {};
}
