package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.lint.dockerfile.Dockerfile;
import java.util.List;
import java.util.Map;

/** ENV0010: Variable name is a near miss of one defined elsewhere. */
final class ENV0010NearMiss {
    private ENV0010NearMiss() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0010", WARNING, "Variable name is a near miss of one defined elsewhere", """
            The code reads a variable that nothing defines, while .env.example, .env, compose or the \
            Dockerfile define one with an almost identical name (MYSQL_PASS vs MYSQL_PASSWORD, \
            DATABSE_URL vs DATABASE_URL). One of the two is a typo, and the app sees an unset variable. \
            Fix: use the same name on both sides.""",
            ENV0010NearMiss::nearMiss);

    private static void nearMiss(EnvScope s, EnvRule.Reporter o) {
        if (!s.demandsDocumentation()) {
            return; // ENV0002 stands for every read
        }
        for (var e : s.undocumentedCandidates().entrySet()) {
            String name = e.getKey();
            List<EnvScope.Read> rs = e.getValue();
            EnvScope.Read first = rs.get(0);
            if (s.isDocumented(first.at().path(), name)) {
                continue;
            }
            Map.Entry<String, EnvScope.Site> near = s.nearMiss(name);
            if (near != null) {
                o.report(first.at().path(), first.at().line(), first.at().column(),
                        name + " is read at " + first.at().where() + EnvScope.more(rs) + " but nothing defines it, while "
                                + near.getKey() + " is defined at " + near.getValue().where() + " — a typo on one side?",
                        "use the same name in the code and in " + near.getValue().path(), "near:" + name);
            }
        }
    }
}
