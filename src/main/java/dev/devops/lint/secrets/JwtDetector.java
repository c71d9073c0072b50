package dev.devops.lint.secrets;

import dev.devops.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SEC0010: a signed JWT; the header must decode to a JSON object with an "alg" other than "none". */
final class JwtDetector extends Detector {
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,})\\.([A-Za-z0-9_-]{10,})\\.([A-Za-z0-9_-]{16,})");

    @Override
    List<String> keywords() {
        return List.of("eyj");
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        int from = windowStart(lineStart, lineEnd, hitStart);
        int to = windowEnd(lineStart, lineEnd, hitEnd);
        Matcher m = job.matcher(JWT);
        m.region(from, to);
        while (m.find()) {
            String header = decode(m.group(1));
            String payload = decode(m.group(2));
            if (header == null || payload == null || !header.startsWith("{") || !payload.trim().startsWith("{")) {
                continue;
            }
            String compact = header.replace(" ", "");
            int alg = compact.indexOf("\"alg\":\"");
            if (alg < 0 || compact.startsWith("\"alg\":\"none\"", alg) || compact.startsWith("\"alg\":\"None\"", alg)) {
                continue;
            }
            String token = m.group();
            if (Filters.placeholderOrReference(token) != null) {
                continue;
            }
            job.emit(GenericRules.JWT, Severity.ERROR, m.start(), token, GenericRules.JWT.title(),
                    "Revoke the token or rotate its signing key; build test tokens at run time instead of committing them.", null);
        }
        return to;
    }

    static String decode(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            try {
                String padded = part + "==".substring(0, (4 - part.length() % 4) % 4 == 3 ? 1 : (4 - part.length() % 4) % 4);
                return new String(Base64.getUrlDecoder().decode(padded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }
}
