package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.files.FileKinds;
import dev.devops.files.Gitignore;

/** ENV0023: .env file not ignored by git. */
final class ENV0023NotIgnored {
    private ENV0023NotIgnored() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0023", WARNING, ".env file not ignored by git", """
            A .env (or .env.<environment>, .env.local) file sits in the working tree untracked, and no             .gitignore rule covers it: the next `git add .` or `git commit -a` commits local values,             often secrets. Fix: add the file (or a pattern such as .env and .env.*, with !.env.example) to             .gitignore. Only reported inside a git repository.""",
            ENV0023NotIgnored::notIgnored);

    private static void notIgnored(EnvScope s, EnvRule.Reporter o) {
        if (!s.context().isGitRepository()) {
            return;
        }
        for (String f : s.context().files()) {
            if (FileKinds.dotenv(f).holdsValues() && !s.context().tracked().contains(f)
                    && Gitignore.listedBy(s.root(), f) == null) {
                o.report(f, 0, 0, f + " is not tracked yet, but no .gitignore rule covers it: "
                        + "`git add .` would commit its values", "add " + f.substring(f.lastIndexOf('/') + 1)
                        + " to " + EnvScope.join(FileKinds.dir(f), ".gitignore") + " (or .env and .env.* with !.env.example at the root)", f);
            }
        }
    }
}
