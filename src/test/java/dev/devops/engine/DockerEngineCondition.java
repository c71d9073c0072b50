package dev.devops.engine;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables docker tests when an engine answers; with CI=true a missing engine is a failure. */
public final class DockerEngineCondition implements ExecutionCondition {
    private static volatile String problem;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        synchronized (DockerEngineCondition.class) {
            if (!checked) {
                try (EngineClient c = EngineClient.fromEnvironment()) {
                    c.docker();
                } catch (EngineException e) {
                    problem = e.getMessage();
                }
                checked = true;
            }
        }
        if (problem == null) {
            return ConditionEvaluationResult.enabled("Docker engine answers");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + problem);
        }
        return ConditionEvaluationResult.disabled(problem);
    }
}
