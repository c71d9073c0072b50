package dev.devops.lint.secrets;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.rules.SecretRule;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;

/**
 * A provider format from the rules data: its regex, entropy floor and checksum. A token whose
 * checksum does not match is kept but downgraded to a warning with {@code confidence=low}: it is
 * almost certainly not a live token (a fixture, a typo, a truncated copy), so it must not fail a build
 * at the default threshold, yet a reviewer still sees it.
 */
final class ProviderRuleDetector extends Detector {
    final SecretRule rule;
    final RuleInfo info;
    private final BiPredicate<String, String> validators;

    ProviderRuleDetector(SecretRule rule, BiPredicate<String, String> validators) {
        this.rule = rule;
        this.validators = validators;
        this.info = info(rule);
    }

    static RuleInfo info(SecretRule r) {
        StringBuilder ex = new StringBuilder(r.title()).append('.');
        if (r.validator() != null) {
            ex.append(" The format carries a checksum (").append(r.validator())
                    .append("); a token that fails it is reported as a warning with low confidence.");
        }
        ex.append('\n').append(r.help() == null || r.help().isBlank() ? GenericRules.ROTATE : r.help());
        return new RuleInfo(r.id(), r.title(), r.severity(), GenericRules.CATEGORY, ex.toString());
    }

    @Override
    List<String> keywords() {
        return rule.keywords();
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        int from = windowStart(lineStart, lineEnd, hitStart);
        int to = windowEnd(lineStart, lineEnd, hitEnd);
        scanRegion(job, from, to);
        return to;
    }

    void scanRegion(ScanJob job, int from, int to) {
        Matcher m = job.matcher(rule.regex());
        m.region(from, to);
        int g = rule.secretGroup();
        while (m.find()) {
            String secret = m.group(g);
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            if (rule.entropy() > 0 && Entropy.shannon(secret) < rule.entropy()) {
                continue;
            }
            if (Filters.placeholderOrReference(secret) != null) {
                continue;
            }
            Severity severity = rule.severity();
            Map<String, String> extra = null;
            String message = rule.title();
            if (rule.validator() != null && !validators.test(rule.validator(), secret)) {
                if (severity.atLeast(Severity.WARNING)) {
                    severity = Severity.WARNING;
                }
                extra = Map.of("confidence", "low");
                message = rule.title() + " (checksum does not match: probably not a live token)";
            }
            job.emit(info, severity, m.start(g), secret, message, info.explanation().substring(info.explanation().indexOf('\n') + 1), extra);
        }
    }
}
