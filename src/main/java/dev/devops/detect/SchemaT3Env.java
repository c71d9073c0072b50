package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schema dialect {@code @t3-oss/env}: {@code createEnv({ server: {…}, client: {…}, shared: {…}, runtimeEnv: … })}. */
final class SchemaT3Env extends SchemaReader {
    private static final Pattern CREATE_ENV = Pattern.compile("\\bcreateEnv\\s*\\(");

    SchemaT3Env(Source source) {
        super(source);
    }

    @Override
    void read() {
        Matcher c = CREATE_ENV.matcher(masked());
        while (c.find()) {
            int arg = skipWs(c.end());
            if (arg >= n || m[arg] != '{') {
                continue;
            }
            for (Prop section : props(arg)) {
                if (section.name().equals("server") || section.name().equals("client") || section.name().equals("shared")) {
                    int obj = skipWs(section.valueFrom());
                    for (Prop p : props(obj < section.valueTo() && m[obj] == '{' ? obj : -1)) {
                        chainedKey(p, Kind.T3_ENV, false);
                    }
                }
            }
        }
    }
}
