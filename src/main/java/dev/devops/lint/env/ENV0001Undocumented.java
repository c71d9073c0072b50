package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.lint.Severity;
import dev.devops.lint.dockerfile.Dockerfile;
import java.util.List;

/** ENV0001: Variable read by the code but missing from .env.example. */
final class ENV0001Undocumented {
    private ENV0001Undocumented() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0001", WARNING, "Variable read by the code but missing from .env.example", """
            The code (or a script) reads an environment variable that .env.example does not list, so a new \
            developer or a deploy has no way to know it must be set. Reads in JS/TS, Java (System.getenv, \
            Spring ${X} placeholders), Python, Go and shell scripts are found, and so are the keys of \
            schemas that validate the environment: envalid cleanEnv, zod and Joi objects validated against \
            process.env in the same file, @t3-oss/env createEnv, and pydantic BaseSettings fields (upper-cased, \
            with env_prefix or alias). Variables that compose or the \
            Dockerfile set to a literal value for the container, platform variables (NODE_ENV, HOME, \
            PATH, CI …) and deprecated names read beside a notice that says so do not count. The finding is info instead of a warning when every read has a \
            default in the code (or a schema marks it optional) or is in a shell script. Fix: add the variable to .env.example with a \
            placeholder value and a comment.""",
            ENV0001Undocumented::undocumented);

    private static void undocumented(EnvScope s, EnvRule.Reporter o) {
        if (!s.demandsDocumentation()) {
            return; // ENV0002 stands for every read
        }
        boolean anyExample = !s.examples().isEmpty();
        for (var e : s.undocumentedCandidates().entrySet()) {
            String name = e.getKey();
            List<EnvScope.Read> rs = e.getValue();
            EnvScope.Read first = rs.get(0);
            if (s.isDocumented(first.at().path(), name) || s.nearMiss(name) != null) {
                continue; // a near miss is ENV0010
            }
            if (rs.stream().allMatch(EnvScope.Read::script)) {
                continue; // tooling scripts read their own knobs (CACHE_DIR, MIRROR …): not the app's configuration
            }
            if (rs.stream().allMatch(r -> s.setByTerraformBeside(r.at().path(), name))) {
                continue; // a function's code: the Terraform beside it deploys it with the variable set
            }
            if (s.readAsDeprecated(name, rs)) {
                continue; // read only to carry a deprecated name over to its replacement: not to be documented anew
            }
            List<DotenvFile> ex = s.examplesFor(first.at().path());
            boolean soft = rs.stream().allMatch(r -> r.hasDefault() || r.script());
            String where = !ex.isEmpty() ? "missing from " + EnvScope.names(ex)
                    : anyExample ? "no .env.example in its directory or above documents it"
                    : "the repository has no .env.example to document it";
            o.report(soft ? Severity.INFO : null, first.at().path(),
                    first.at().line(), first.at().column(),
                    name + " is read at " + first.at().where() + EnvScope.more(rs) + " but " + where,
                    "add " + name + "= (with a placeholder value and a comment) to "
                            + (ex.isEmpty() ? ".env.example" : ex.get(0).path()), name);
        }
    }
}
