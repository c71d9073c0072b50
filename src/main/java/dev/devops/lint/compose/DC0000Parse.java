package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

/** DC0000: Compose file cannot be loaded (reported by {@link ComposeCheck} itself: a project that does not load). */
final class DC0000Parse {
    private DC0000Parse() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0000", ERROR, "Compose file cannot be loaded",
            "The compose file is not valid: broken YAML, an unknown key, a value of the wrong type, a malformed "
                    + "${…} or an extends that names nothing. docker compose would refuse it too. Fix the place the "
                    + "message names; the other compose rules are skipped for this project until it loads. Lint loads a "
                    + "project the way it runs once set up: where no .env exists, a ${X} with no default takes the value "
                    + "its example env file (.env.example, env.example …) documents, and a value left empty by a "
                    + "variable unset everywhere is not a type error.",
            (s, o) -> { });
}
