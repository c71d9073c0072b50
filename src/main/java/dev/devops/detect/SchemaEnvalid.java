package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schema dialect envalid: {@code cleanEnv(process.env, { A: str(), B: port({ default: 3000 }) })}. */
final class SchemaEnvalid extends SchemaReader {
    private static final Pattern CLEAN_ENV = Pattern.compile("\\bcleanEnv\\s*\\(");

    SchemaEnvalid(Source source) {
        super(source);
    }

    @Override
    void read() {
        Matcher c = CLEAN_ENV.matcher(masked());
        while (c.find()) {
            int open = c.end() - 1;
            int close = partner(open);
            if (close < 0) {
                continue;
            }
            int comma = nextTopLevel(open + 1, close, ',');
            if (comma < 0 || !isEnvArgument(open)) {
                continue;
            }
            int obj = objectAt(skipWs(comma + 1));
            for (Prop p : props(obj)) {
                String def = null;
                boolean optional = false;
                int call = nextTopLevel(p.valueFrom(), p.valueTo(), '(');
                if (call >= 0) {
                    int arg = skipWs(call + 1);
                    for (Prop q : props(arg < n && m[arg] == '{' ? arg : -1)) {
                        if (q.name().equals("default")) {
                            optional = true;
                            def = jsLiteral(q.valueFrom(), q.valueTo());
                        }
                    }
                }
                hit(p, def, optional, Kind.ENVALID);
            }
        }
    }
}
