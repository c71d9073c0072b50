package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.files.FileKinds;
import dev.devops.lint.Finding;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0040: Kubernetes {@code kind: Secret} manifests, a whole-file check of YAML files. Each {@code data:} value is
 * base64-decoded and scanned with every rule (a GitHub token inside is reported as that); a value no rule recognises
 * is reported as SEC0040 when its key names a secret or the value looks random. {@code stringData:} values are taken
 * as they are. (The plain {@code - name: X_PASSWORD / value: …} pairs of container env lists are SEC0030/SEC0031's
 * {@link Assignments#CONTAINER_ENV}.)
 */
final class SEC0040KubernetesSecret implements GenericRule.FileCheck {
    private static final java.util.regex.Pattern TRAILING_DIGITS = java.util.regex.Pattern.compile("\\d+$");

    static final GenericRule RULE = GenericRule.rule("SEC0040", ERROR, "Kubernetes Secret with a committed value",
            "A Kubernetes Secret manifest carries a value under data (base64, decoded and checked) or "
            + "stringData. base64 is an encoding, not encryption.\nFix: rotate the value and create the Secret "
            + "from a secret manager, Sealed Secrets or SOPS instead of committing it.")
            .examples(Examples.in("k8s/secret.yaml")
                    .match("""
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: db
                    type: Opaque
                    data:
                      username: YWRtaW4=
                      password: cDFWbThrVjZ1bTR5dk1weQ==
                    """)
                    .ignore("""
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: db
                    stringData:
                      password: "{{ .Values.password }}"
                    """)
                    .ignore("""
                    kind: ConfigMap
                    apiVersion: v1
                    data:
                      greeting: cDFWbThrVjZ1bTR5dk1weQ==
                    """))
            .file(SEC0040KubernetesSecret::new)
            .build();

    private final RuleInfo rule;

    private SEC0040KubernetesSecret(RuleInfo rule) {
        this.rule = rule;
    }

    private static final Pattern KIND_SECRET = Pattern.compile("(?m)^kind:[ \\t]*[\"']?Secret[\"']?[ \\t]*(?:#.*)?$");
    private static final Pattern ENTRY = Pattern.compile("^([ \\t]+)([\"']?)([\\w.\\-/]+)\\2[ \\t]*:[ \\t]*(.*?)[ \\t]*$");
    @Override
    public boolean appliesTo(String path, FileKind kind, boolean committed) {
        return FileKinds.isYaml(path);
    }

    @Override
    public void scan(ScanJob job, SecretScanner scanner) {
        String t = job.text;
        if (job.context.quiet()) {
            return; // manifests in tests and docs are fixtures and examples
        }
        if (!KIND_SECRET.matcher(t).find()) {
            return;
        }
        String[] lines = t.split("\n", -1);
        int offset = 0;
        boolean isSecretDoc = false;
        String section = null;
        int[] docStart = {0};
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("---")) {
                isSecretDoc = KIND_SECRET.matcher(docText(t, offset + line.length())).find();
                section = null;
                docStart[0] = offset;
            } else if (i == 0) {
                isSecretDoc = KIND_SECRET.matcher(docText(t, 0)).find();
            }
            if (isSecretDoc) {
                if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                    String top = line.trim();
                    section = top.startsWith("data:") ? "data" : top.startsWith("stringData:") ? "stringData" : null;
                } else if (section != null) {
                    Matcher e = ENTRY.matcher(line);
                    if (e.matches()) {
                        String key = e.group(3);
                        String raw = e.group(4);
                        int valuePos = offset + e.start(4);
                        if (raw.equals("|") || raw.equals("|-") || raw.equals(">") || raw.startsWith("|") || raw.startsWith(">")) {
                            StringBuilder block = new StringBuilder();
                            int indent = e.group(1).length();
                            for (int k = i + 1; k < lines.length; k++) {
                                String l = lines[k];
                                int lead = l.length() - l.stripLeading().length();
                                if (!l.isBlank() && lead <= indent) {
                                    break;
                                }
                                block.append(l.strip()).append(section.equals("data") ? "" : "\n");
                            }
                            raw = block.toString();
                        }
                        value(job, scanner, section, key, unquote(raw), valuePos);
                    }
                }
            }
            offset += line.length() + 1;
        }
    }

    /** An OpenSSH public key line: {@code ssh-rsa AAAA… comment}, {@code ssh-ed25519 …}, {@code ecdsa-sha2-nistp256 …}. */
    private static final java.util.regex.Pattern SSH_PUBLIC_KEY = java.util.regex.Pattern.compile(
            "\\s*(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com) AAAA[\\s\\S]*");

    /**
     * A public key kept beside its private key in a Secret: a key named {@code *.pub} or {@code public*}, or a value that
     * is an OpenSSH public key or a PEM public key or certificate.
     */
    static boolean isPublicKey(String key, String value) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.endsWith(".pub") || k.endsWith("_pub") || k.contains("public") || SSH_PUBLIC_KEY.matcher(value).matches()
                || value.startsWith("-----BEGIN PUBLIC KEY-----") || value.startsWith("-----BEGIN CERTIFICATE-----");
    }

    /**
     * Whether {@code pos} is in the {@code data:} section of a {@code kind: Secret} document of a YAML file: a base64
     * value, which this rule decodes and judges ({@code admin-password: "YWRtaW4="} is the default password admin); the
     * name-based detectors, which would judge the encoding, leave it. Asked only when a finding is about to be reported.
     */
    static boolean inSecretData(ScanJob job, int pos) {
        String t = job.text;
        if (!FileKinds.isYaml(job.path) || !t.contains("Secret")) {
            return false;
        }
        int ls = t.lastIndexOf('\n', pos - 1) + 1;
        if (ls >= t.length() || !Character.isWhitespace(t.charAt(ls))) {
            return false; // a top-level key is no entry of a section
        }
        int top = ls;
        while (top > 0) {
            top = t.lastIndexOf('\n', top - 2) + 1;
            char c = t.charAt(top);
            if (c != '\n' && c != '\r' && !Character.isWhitespace(c) && c != '#') {
                break;
            }
        }
        if (!t.startsWith("data:", top)) {
            return false;
        }
        int docStart = t.lastIndexOf("\n---", top);
        int docEnd = t.indexOf("\n---", pos);
        return KIND_SECRET.matcher(t).region(docStart < 0 ? 0 : docStart, docEnd < 0 ? t.length() : docEnd).find();
    }

    /** The text of the YAML document that starts at {@code from}. */
    private static String docText(String t, int from) {
        int next = t.indexOf("\n---", from);
        return t.substring(Math.min(from, t.length()), next < 0 ? t.length() : next);
    }

    private void value(ScanJob job, SecretScanner scanner, String section, String key, String raw, int pos) {
        if (raw.isEmpty() || Filters.placeholderOrReference(raw) != null && !Filters.isDefaultCredential(raw)) {
            return;
        }
        String value = raw;
        boolean decoded = false;
        if (section.equals("data")) {
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(raw);
                if (bytes.length == 0) {
                    return;
                }
                value = new String(bytes, StandardCharsets.UTF_8);
                decoded = true;
            } catch (IllegalArgumentException e) {
                return; // not base64: kubectl would reject the manifest anyway
            }
        }
        if (isPublicKey(key, value)) {
            return; // id_rsa.pub, a certificate's public half: published by design
        }
        boolean defaultCredential = job.context == Context.RUNNABLE && Filters.isDefaultCredential(value);
        if (Filters.placeholderOrReference(value) != null && !defaultCredential) {
            return;
        }
        // every rule over the value: a token inside is reported as that token
        ScanJob inner = new ScanJob(job.path, value, null, Map.of(), job.allow());
        scanner.scanText(inner);
        if (!inner.findings.isEmpty()) {
            if (!decoded) {
                return; // stringData is plain text: the scan of the manifest's own lines reports what is in it, once
            }
            for (Finding f : inner.findings) {
                String msg = f.message().lastIndexOf(" [") > 0 ? f.message().substring(0, f.message().lastIndexOf(" [")) : f.message();
                job.emit(f.rule(), f.severity(), pos, value, msg + " (in Kubernetes Secret " + section + "." + key
                        + (decoded ? ", base64-decoded" : "") + ")", f.hint(), Map.of("decoded", String.valueOf(decoded)));
            }
            return;
        }
        // a Secret's numbered credentials (postgres-operator's infrastructure roles: password1, password2) are credentials;
        // elsewhere "password1:" is as often a label in a string ('hashsync: password1: abcd')
        Assignments.Kind kind = Assignments.classify(TRAILING_DIGITS.matcher(key).replaceFirst(""));
        // a file held in the Secret (values.yaml: | a YAML document) is no single random value: the scan of its
        // lines above found whatever credential it holds
        boolean random = value.length() >= 12 && value.strip().chars().noneMatch(Character::isWhitespace)
                && Entropy.shannon(value) >= 3.5 && !LOWER_PARTS.matcher(value.strip()).matches();
        if (kind == null && !random) {
            return;
        }
        if (!defaultCredential && (value.length() < 4 || Filters.reason(value) != null)) {
            return;
        }
        if (kind == null && Filters.reasonForAssignment(value) != null) {
            return; // a key that names no secret holding a URL, a path or a name (endpoint, issuerUrl, cert_path, user)
        }
        boolean weak = defaultCredential || Filters.isWeakCredential(value);
        if (weak && job.context == Context.EXAMPLE) {
            return;
        }
        job.emit(rule, weak ? Severity.WARNING : Severity.ERROR, pos, value,
                "Kubernetes Secret " + section + "." + key + " holds a committed " + (weak ? "default or development " : "")
                        + "value" + (decoded ? " (base64-decoded)" : ""),
                "Rotate the value; create the Secret from a secret manager, Sealed Secrets or SOPS instead of committing it.",
                Map.of("decoded", String.valueOf(decoded)));
    }

    /**
     * Lower-case words and numbers joined by separators ({@code us-central1:wp-db}, a Cloud SQL instance's connection name;
     * a host, a path): a name under a key that names no secret, however varied its letters.
     */
    private static final java.util.regex.Pattern LOWER_PARTS = java.util.regex.Pattern.compile("[a-z0-9]+(?:[-_.:/][a-z0-9]+)+");

    private static String unquote(String s) {
        String v = s.strip();
        int hash = v.indexOf(" #");
        if (hash >= 0 && !(v.startsWith("\"") || v.startsWith("'"))) {
            v = v.substring(0, hash).strip();
        }
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

}
