package dev.devops.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Enables {@link DockerTest} tests when the engine answers and the named images exist; otherwise
 * skips them, or fails them when {@code CI=true}.
 */
public final class DockerCondition implements ExecutionCondition {

    /** Whether the Docker tests are mandatory here (the environment variable {@code CI} is {@code true}). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<DockerTest> marker = AnnotationSupport.findAnnotation(context.getElement(), DockerTest.class);
        if (marker.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a Docker test");
        }
        Optional<String> problem = Docker.engineProblem();
        if (problem.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String image : marker.get().images()) {
                if (!Docker.imageExists(image)) {
                    missing.add(image);
                }
            }
            if (!missing.isEmpty()) {
                problem = Optional.of("missing local image(s) " + String.join(", ", missing)
                        + ": run scripts/test.sh (it builds the offline stand-ins)");
            }
        }
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker engine and images present");
        }
        if (required()) {
            throw new IllegalStateException("Docker tests are required in CI (CI=true), but " + problem.get());
        }
        return ConditionEvaluationResult.disabled("Docker test skipped: " + problem.get());
    }
}
