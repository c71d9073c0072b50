package dev.devops.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Spring Boot's application configuration (src/main/resources/application*.properties|yml): the port it serves
 * on ({@code server.port}) and where the actuator health endpoint is ({@code management.endpoints.web.base-path}).
 */
final class SpringConfig {
    private static final Pattern HEALTH_OR_PORT_FILE = Pattern.compile("(^|.*/)src/main/resources/(config/)?application[^/]*\\.(properties|ya?ml)$");
    private static final Pattern BASE_PATH_PROPERTY = Pattern.compile(
            "(?m)^\\s*management\\.endpoints\\.web\\.base-path\\s*[=:]\\s*(/\\S*)");

    private SpringConfig() {
    }

    /** server.port in application*.properties|yml (8080 when unset). */
    static void portAndHealth(RepoFiles repo, AppDraft d) {
        List<String> configs = new ArrayList<>();
        for (String f : d.sources) {
            if (HEALTH_OR_PORT_FILE.matcher(f).matches()) {
                configs.add(f);
            }
        }
        // application.properties / application.yml before profile files (application-dev.yml …)
        configs.sort((a, b) -> Boolean.compare(a.contains("application-"), b.contains("application-")));
        for (String f : configs) {
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            Code.Hit hit = f.endsWith(".properties") ? propertiesPort(f, text) : yamlPort(f, text);
            if (hit != null && Code.port(hit.value()) != null) {
                d.port = Code.port(hit.value());
                d.evidence("port " + d.port + " from server.port at " + hit.where());
                break;
            }
        }
        if (d.port == null) {
            d.port = 8080;
            d.portDefault = true;
            d.evidence("port 8080 (Java default; no server.port set)");
        }
        if (d.healthcheck != null && d.healthcheck.startsWith("/actuator/")) {
            for (String f : configs) {
                String base = managementBasePath(f, repo.source(f));
                if (base != null) {
                    d.healthcheck = (base.equals("/") ? "" : base.replaceAll("/$", "")) + "/health";
                    d.evidence("healthcheck " + d.healthcheck + " from management.endpoints.web.base-path at " + f);
                    break;
                }
            }
        }
        if (d.healthcheck == null) {
            Code.Hit health = Code.health(repo, d.sources, JavaStack.CODE);
            if (health != null) {
                d.healthcheck = health.value();
                d.evidence("healthcheck " + health.value() + " from route at " + health.where());
            }
        }
    }

    /** Spring Boot's management.endpoints.web.base-path in a properties or YAML file, or null. */
    static String managementBasePath(String f, String text) {
        if (text == null) {
            return null;
        }
        if (f.endsWith(".properties")) {
            Matcher m = BASE_PATH_PROPERTY.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        try {
            for (Object doc : new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                    .loadAllFromString(text)) {
                Object v = doc;
                for (String key : List.of("management", "endpoints", "web", "base-path")) {
                    v = v instanceof Map<?, ?> m ? m.get(key) : null;
                }
                if (v != null && String.valueOf(v).startsWith("/")) {
                    return String.valueOf(v);
                }
            }
        } catch (RuntimeException e) {
            return null; // a file that is not plain YAML (templated): no base path known
        }
        return null;
    }

    private static String portValue(String v) {
        String s = v.trim().replaceAll("^['\"]|['\"]$", "");
        Matcher m = Pattern.compile("^\\$\\{[^:}]+:(\\d+)\\}$").matcher(s);
        return m.matches() ? m.group(1) : s;
    }

    private static Code.Hit propertiesPort(String f, String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = Pattern.compile("^\\s*server\\.port\\s*[=:]\\s*(\\S+)").matcher(lines[i]);
            if (m.find()) {
                return new Code.Hit(portValue(m.group(1)), f, i + 1);
            }
        }
        return null;
    }

    private static Code.Hit yamlPort(String f, String text) {
        String[] lines = text.split("\\R", -1);
        int serverIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("\\s+#.*$", "");
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String t = line.trim();
            if (t.equals("---")) {
                serverIndent = -1;
                continue;
            }
            Matcher flat = Pattern.compile("^server\\.port\\s*:\\s*(\\S+)").matcher(t);
            if (flat.find()) {
                return new Code.Hit(portValue(flat.group(1)), f, i + 1);
            }
            if (serverIndent >= 0 && indent <= serverIndent) {
                serverIndent = -1;
            }
            if (t.equals("server:")) {
                serverIndent = indent;
            } else if (serverIndent >= 0) {
                Matcher m = Pattern.compile("^port\\s*:\\s*(\\S+)").matcher(t);
                if (m.find()) {
                    return new Code.Hit(portValue(m.group(1)), f, i + 1);
                }
            }
        }
        return null;
    }
}
