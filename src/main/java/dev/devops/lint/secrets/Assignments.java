package dev.devops.lint.secrets;

import dev.devops.core.VariableNames;
import dev.devops.files.FileKinds;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assignment lexers and the value judgment shared by the rules that judge a literal assigned to a secret-named
 * variable: SEC0030 (passwords), SEC0031 (secrets, tokens, API keys) and SEC0051 (example env files). Each way an
 * assignment is written is a {@link Form} ({@code name = value} lines here, {@link EnvFallbacks}, {@link NetrcEntries},
 * and the whole-file forms {@link #PGPASS} and {@link #CONTAINER_ENV}); each of the rules has a part per form it reads
 * ({@link #detector}, {@link #fileCheck}), and the scanner fuses the parts of one form ({@link #fuse}), so a keyword
 * hit (or a file) is read once for all of them; every candidate goes to exactly one rule ({@link Route}), which
 * judges it with {@link #judge}.
 *
 * <p>Precision comes from three sides: the name (split into words: "DB_PASSWORD", "apiKey", "client-secret"; names that
 * describe a secret rather than hold one, such as "password_field" or "token_url", are not secrets), the value
 * (quoted in source code; not a reference, placeholder, label, identifier, path or URL; a length floor, and an
 * entropy floor for tokens) and the file (lock files and translations are skipped).
 */
final class Assignments {
    // patterns of the String methods that would compile them at every call (split, matches, replaceAll), compiled once
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern ENV_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");
    private static final Pattern KEY_WORDS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Za-z0-9]");
    private static final Pattern SEPARATORS = Pattern.compile("[_-]");

    private Assignments() {
    }

    private static final Pattern XML = Pattern.compile(
            "(?i)<([\\w:.-]{0,40}(?:pass|pwd|secret|token|api[_-]?key|credential)[\\w:.-]{0,40})>([^<\\n]{1,500})</\\1>");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(?:key|name)\\s*=\\s*\"([^\"]{1,80})\"\\s+value\\s*=\\s*\"([^\"]{0,500})\"");
    private static final Pattern DOCKER_ENV = Pattern.compile("(?im)^[ \\t]*ENV[ \\t]+([A-Za-z_][\\w.-]*)[ \\t]+([^\\s=].*?)[ \\t]*$");

    enum Kind { PASSWORD, SECRET }

    /**
     * A name and its literal as a form read them, before any judgment. {@code runsWith}: the literal is what the app
     * runs with wherever it is written (an environment variable's fallback in code), so a default credential there is
     * reported as in runnable configuration.
     */
    record Candidate(String key, String rawValue, int valuePos, boolean quotesRequired, String where, boolean runsWith) {
    }

    /** What a form read at one keyword hit (or in one file): its candidates, and where the next hit may start. */
    static final class Lexed {
        int end;
        private List<Candidate> candidates = List.of();

        void add(String key, String rawValue, int valuePos, boolean quotesRequired, String where) {
            add(new Candidate(key, rawValue, valuePos, quotesRequired, where, false));
        }

        void add(Candidate c) {
            if (candidates.isEmpty()) {
                candidates = new ArrayList<>(2);
            }
            candidates.add(c);
        }

        void add(String key, String rawValue, int valuePos, boolean quotesRequired) {
            add(key, rawValue, valuePos, quotesRequired, "");
        }

        List<Candidate> candidates() {
            return candidates;
        }
    }

    /** A way an assignment is written that a keyword leads to. */
    abstract static class Form {

        abstract List<String> keywords();

        boolean anchored() {
            return false;
        }

        abstract boolean appliesTo(FileKind kind);

        /** Reads the assignments at the hit into {@code out} and sets {@code out.end} (as {@link Detector#scan} returns). */
        abstract void read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Lexed out);

        /** Whether {@link #mayMatch} checks hits on the raw bytes ({@link Detector#checksBytes}). */
        boolean checksBytes() {
            return false;
        }

        /** {@link Detector#mayMatch} for this form: a "no" must be exact. */
        boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
            return true;
        }
    }

    /** A way an assignment is written that only a whole file shows (a .pgpass line, a YAML env list). */
    abstract static class FileForm {
        abstract boolean appliesTo(String path, FileKind kind, boolean committed);

        abstract void read(ScanJob job, Lexed out);
    }

    /**
     * Which candidates a rule judges: those whose name is of {@code kind}, outside example env files; or, with
     * {@code exampleEnv}, every candidate in an example env file. The three rules' routes split every candidate.
     */
    record Route(Kind kind, boolean exampleEnv) {
        static final Route EXAMPLE_ENV = new Route(null, true);

        boolean takesFile(FileKind file) {
            return exampleEnv == (file == FileKind.ENV_EXAMPLE);
        }

        boolean takes(FileKind file, Kind name) {
            return takesFile(file) && (exampleEnv || name == kind);
        }
    }

    /** {@code name = value}, {@code name: value}, XML elements and key/value attributes, Dockerfile {@code ENV name value}. */
    static final Form LINES = new Form() {
        @Override
        List<String> keywords() {
            return KEYWORDS;
        }

        @Override
        boolean appliesTo(FileKind kind) {
            return kind != FileKind.LOCKFILE && kind != FileKind.I18N && kind != FileKind.STYLE;
        }

        @Override
        void read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Lexed out) {
            out.end = readLine(job, lineStart, lineEnd, hitStart, hitEnd, out);
        }

        @Override
        boolean checksBytes() {
            return true;
        }

        @Override
        boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
            return mayReadLine(file, lineStart, lineEnd, hitStart, hitEnd);
        }
    };

    /** The password field of each {@code host:port:database:user:password} line of a .pgpass file. */
    static final FileForm PGPASS = NetrcEntries.PGPASS;

    private static final Pattern NAME_VALUE = Pattern.compile(
            "(?m)^[ \\t]*-?[ \\t]*name:[ \\t]*[\"']?([\\w.-]+)[\"']?[ \\t]*\\r?\\n[ \\t]*value:[ \\t]*(\\S.*?)[ \\t]*$");

    /** The {@code - name: X_PASSWORD} / {@code value: …} pairs of container env lists, in any YAML file. */
    static final FileForm CONTAINER_ENV = new FileForm() {
        @Override
        boolean appliesTo(String path, FileKind kind, boolean committed) {
            return FileKinds.isYaml(path);
        }

        @Override
        void read(ScanJob job, Lexed out) {
            String t = job.text;
            if (job.context.quiet()) {
                return; // manifests in tests and docs are fixtures and examples
            }
            if (t.contains("value:") && t.contains("name:")) {
                Matcher nv = NAME_VALUE.matcher(t);
                while (nv.find()) {
                    out.add(nv.group(1), nv.group(2), nv.start(2), false);
                }
            }
        }
    };

    /** The keyword part of {@code rule}: the candidates {@code form} reads that {@code route} sends to the rule. */
    static Detector detector(RuleInfo rule, Form form, Route route) {
        return new Part(form, List.of(new Target(rule, route)));
    }

    /** The whole-file part of {@code rule}: the candidates {@code form} reads in a file that {@code route} sends to it. */
    static GenericRule.FileCheck fileCheck(RuleInfo rule, FileForm form, Route route) {
        return new FilePart(form, List.of(new Target(rule, route)));
    }

    /** A rule that judges the candidates its route takes. */
    record Target(RuleInfo rule, Route route) {
    }

    /**
     * The keyword part of one or more rules over one form. Each rule's unit makes its own ({@link #detector}); the
     * scanner fuses the parts of one form into one ({@link #fuse}), which reads each hit once and hands each candidate
     * to the rule whose route takes it (the routes split the candidates), so the rules cost one read between them.
     */
    static final class Part extends Detector {
        final Form form;
        final List<Target> targets;

        Part(Form form, List<Target> targets) {
            this.form = form;
            this.targets = List.copyOf(targets);
        }

        @Override
        List<String> keywords() {
            return form.keywords();
        }

        @Override
        boolean anchored() {
            return form.anchored();
        }

        @Override
        boolean appliesTo(FileKind kind) {
            return form.appliesTo(kind) && anyTakes(targets, kind);
        }

        @Override
        boolean checksBytes() {
            return form.checksBytes();
        }

        @Override
        boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
            return form.mayMatch(file, lineStart, lineEnd, hitStart, hitEnd);
        }

        @Override
        int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
            Lexed lexed = new Lexed();
            form.read(job, lineStart, lineEnd, hitStart, hitEnd, lexed);
            judgeAll(job, targets, lexed);
            return lexed.end;
        }
    }

    /** The whole-file part of one or more rules over one form; fused like {@link Part}. */
    static final class FilePart implements GenericRule.FileCheck {
        final FileForm form;
        final List<Target> targets;

        FilePart(FileForm form, List<Target> targets) {
            this.form = form;
            this.targets = List.copyOf(targets);
        }

        @Override
        public boolean appliesTo(String path, FileKind kind, boolean committed) {
            return form.appliesTo(path, kind, committed) && anyTakes(targets, kind);
        }

        @Override
        public void scan(ScanJob job, SecretScanner scanner) {
            Lexed lexed = new Lexed();
            form.read(job, lexed);
            judgeAll(job, targets, lexed);
        }
    }

    /**
     * Fuses the parts of one form (keyword parts, or whole-file parts) in {@code parts} into one, at the place of the
     * first; {@code owners} (the rule ids a LINT0000 names, one per part) are fused alike ("SEC0030/SEC0031").
     * Anything else is kept as it is.
     */
    static <T> void fuse(List<T> parts, List<String> owners) {
        for (int i = 0; i < parts.size(); i++) {
            Object form = formOf(parts.get(i));
            if (form == null) {
                continue;
            }
            List<Target> targets = new ArrayList<>(targetsOf(parts.get(i)));
            StringBuilder owner = new StringBuilder(owners.get(i));
            for (int k = i + 1; k < parts.size(); k++) {
                if (formOf(parts.get(k)) == form) {
                    targets.addAll(targetsOf(parts.get(k)));
                    owner.append('/').append(owners.get(k));
                    parts.remove(k);
                    owners.remove(k);
                    k--;
                }
            }
            @SuppressWarnings("unchecked")
            T fused = (T) (form instanceof Form f ? new Part(f, targets) : new FilePart((FileForm) form, targets));
            parts.set(i, fused);
            owners.set(i, owner.toString());
        }
    }

    private static Object formOf(Object part) {
        return part instanceof Part p ? p.form : part instanceof FilePart f ? f.form : null;
    }

    private static List<Target> targetsOf(Object part) {
        return part instanceof Part p ? p.targets : ((FilePart) part).targets;
    }

    /** Whether one of the fused rules' routes takes a file of this kind. */
    private static boolean anyTakes(List<Target> targets, FileKind kind) {
        for (Target t : targets) {
            if (t.route().takesFile(kind)) {
                return true;
            }
        }
        return false;
    }

    private static void judgeAll(ScanJob job, List<Target> targets, Lexed lexed) {
        for (Candidate c : lexed.candidates()) {
            Kind kind = classify(c.key());
            if (kind == null) {
                continue;
            }
            for (Target t : targets) {
                if (t.route().takes(job.kind, kind)) {
                    judge(job, t.rule(), kind, c);
                    break; // the routes split the candidates: one rule each
                }
            }
        }
    }

    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "pass", "passphrase",
            "passcode", "pw", "pword", "passwort", "motdepasse", "contrasena", "senha");
    private static final Set<String> SECRET_WORDS = Set.of("secret", "token", "apikey", "credential", "credentials",
            "privatekey", "secretkey", "accesskey", "authkey", "clientsecret", "apisecret", "apitoken", "accesstoken",
            "authtoken", "bearertoken", "refreshtoken", "sessionkey", "signingkey", "encryptionkey", "masterkey", "appkey");
    private static final Set<String> KEY_PREFIXES = Set.of("api", "access", "auth", "private", "secret", "signing",
            "encryption", "cipher", "master", "client", "app", "session", "account", "license", "service", "consumer", "webhook",
            "admin", "root", "db", "database");
    private static final Set<String> NOT_SECRET_LAST = Set.copyOf(List.of("field", "fields", "label", "hint", "placeholder", "message",
            "msg", "prompt", "text", "title", "length", "len", "min", "max", "minlength", "maxlength", "regex", "regexp",
            "pattern", "policy", "policies", "path", "file", "filename", "files", "dir", "directory", "name", "names", "type",
            "types", "url", "uri", "endpoint", "id", "ids", "count", "enabled", "disabled", "required", "mode", "format",
            "header", "headers", "expiry", "expires", "expiration", "expire", "ttl", "timeout", "env", "var", "variable",
            "ref", "provider", "strategy", "validator", "validation", "reset", "column", "size", "error", "errors",
            // a state of a secret, as an error's or an enum constant's name (JwtSecretMissing, TokenInvalid)
            "missing", "invalid", "mismatch",
            "dialog", "form", "input", "button", "icon", "visible", "visibility", "template", "param", "params", "class",
            "service", "manager", "store", "generator", "version", "index", "prefix", "suffix", "kind", "source",
            "location", "hash", "hashed", "salt", "algorithm", "alg", "encoding", "rotation", "lifetime", "duration",
            "age", "scope", "scopes", "audience", "issuer", "usage", "request", "response", "cache", "storage", "seconds",
            "secs", "ms", "millis", "minutes", "days", "hours", "changed", "updated", "created", "at", "time", "date",
            "mount", "volume", "arn", "selector", "attempts", "retries", "limit", "flag", "event", "events", "handler",
            "callback", "listener", "rule", "rules", "check", "strength", "meter", "show", "hide", "toggle", "reveal",
            "length", "sent", "link", "page", "view", "route", "mask", "masked", "encrypted", "command", "cmd", "option",
            "options", "help", "description", "desc", "doc", "docs", "note", "comment", "test", "tests", "spec", "mock",
            "fixture", "example", "sample", "dummy", "key", "keys", "schema", "regex", "char", "chars", "policy", "store",
            "length", "cookie", "property", "properties", "field", "setting", "settings", "config", "resolver", "parser",
            "lexer", "stream", "reader", "writer", "builder", "factory", "util", "utils", "helper", "impl", "interface",
            "fds", "complete", "autocomplete", "strength", "scheme", "schemes", "map", "maps", "namespace", "namespaces", "kid",
            // what a name ends in is what it names: password_strength_driver a driver, login_password_maxlen a limit
            "driver", "drivers", "algo", "maxlen", "minlen", "warning", "warn",
            // a front-end controller's element (Stimulus: data: { password_validator_target: "input" })
            "target", "targets",
            // how a control about the secret looks (a login page's theme: forgotPasswordColor: '#909fa7'; colour and
            // style words are listed with the widget words below)
            "background", "font", "width", "height",
            // a message about a secret, named by what it is sent as: an RPC method's name mapped to the privilege it
            // needs ('admin.user.sendPasswordResetEmail': 'admin:users'), a password_reset_email template
            "email", "emails", "mail",
            // a digest of a secret, not the secret (Helm's secretChecksum: <sha256> rolls pods when it changes)
            "checksum", "checksums", "digest", "sha", "sha1", "sha256", "fingerprint",
            // how a secret is hashed, sent or stored (Airflow's FAB_PASSWORD_HASH_METHOD = "pbkdf2:sha256", Postgres'
            // passwordEncryption = "scram-sha-256")
            "method", "methods", "encryption",
            // why or how a secret's operation went: session[:password_reset_reason] = "compromised", a GraphQL
            // RequestPasswordResetResult
            "reason", "reasons", "result", "results",
            // a view helper that draws the field: Rails' password_field_tag :password, "", size: 30
            "tag", "tags",
            // what handles or keeps secrets, named: a framework's password broker (AUTH_PASSWORD_BROKER=users), the
            // table of reset tokens (AUTH_PASSWORD_RESET_TOKEN_TABLE=password_resets)
            "broker", "brokers", "table", "tables",
            // the identity beside the secret: QUARKUS_MONGODB_CREDENTIALS_USERNAME, a token_user
            "username", "usernames", "user", "users",
            // when a secret changes: a key's rotation_grace_period, a token's refresh_interval
            "period", "interval",
            // what a key may do: SECRET_API_KEY_ROLE = process.env.SECRET_API_KEY_ROLE || "readonly"
            "role", "roles", "permission", "permissions",
            // the realm a login prompt names (REGISTRY_AUTH_HTPASSWD_REALM: Registry Realm)
            "realm",
            // the name of the attribute or column a secret is kept in: an LDAP login module's userPasswordAttribute="userPassword"
            "attribute", "attributes", "attr", "attrs",
            // how a secret's widget looks: a strength meter's passwordStrengthColor = 'orange', a tokenBadgeVariant
            "color", "colour", "colors", "colours", "style", "styles", "theme", "variant", "css"));
    /** An environment variable's name, as the values of a {@link FileKinds#isEnvironmentMapping settings-to-variables map} are. */
    private static final Pattern ENV_VARIABLE_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** Names of a digest of a secret ({@code password_sha256_hex}): before an encoding word ({@link #DIGEST_ENCODINGS}). */
    private static final Set<String> DIGEST_WORDS = Set.of("sha", "sha1", "sha256", "sha384", "sha512", "md5", "hash",
            "hashed", "digest", "checksum");
    /** How a digest is written out, as a name's last word after a {@link #DIGEST_WORDS digest word}. */
    private static final Set<String> DIGEST_ENCODINGS = Set.of("hex", "base64", "b64");
    /**
     * The word before a last word {@code secret} that makes the name a Kubernetes Secret object's (a Helm chart's
     * {@code elasticsearchCredentialSecret: elasticsearch-master-credentials}, {@code tlsSecret},
     * {@code imagePullSecret}): what the Secret holds, not a secret value.
     */
    private static final Set<String> SECRET_OBJECT_WORDS = Set.of("credential", "credentials", "certificate", "certificates",
            "cert", "certs", "tls", "ssl", "ca", "configuration", "keystore", "truststore", "pull");
    /**
     * First words of a name that make it a message about a secret (errFmtNoPrivateKey, msgInvalidToken) or its hash
     * (FastAPI's tutorial user {@code hashed_password: "fakehashedsecret"}).
     */
    private static final Set<String> NOT_SECRET_FIRST = Set.of("err", "error", "errmsg", "msg", "message", "hashed",
            // a name that says its value is not real (harbor's portal: const fakePass = '…')
            "fake", "dummy", "mock",
            // a name that says its value stands in for a hidden secret: REDACTED_CREDENTIAL_VALUE = '_APP_BLANK_<uuid>',
            // the sentinel an API returns in place of a stored credential and recognises when it comes back unchanged
            "redacted", "masked", "obfuscated");
    /**
     * First words that make a two-word name an action on a secret, whose value is when or whether it happens
     * ({@code update_password: on_create}, {@code require_token: yes}), not the secret.
     */
    private static final Set<String> ACTION_FIRST = Set.of("update", "generate", "rotate", "expire", "verify", "validate",
            "require", "enforce", "force", "forgot", "forget", "remember", "show", "hide", "toggle", "allow", "disable", "enable");
    /** Last words of a name that make it a code or status about a secret, unless a secret word comes just before. */
    private static final Set<String> CODE_LAST = Set.of("code", "codes", "status");
    /**
     * Words that make a name point at a secret kept elsewhere: Helm's {@code existingSecret}, {@code configFromSecret}
     * (the name of a Kubernetes Secret object).
     */
    private static final Set<String> ELSEWHERE_WORDS = Set.of("existing", "from");
    private static final Set<String> NOT_SECRET_BEFORE_TOKEN = Set.of("page", "next", "continuation", "csrf", "xsrf",
            "cancellation", "cancel", "sync", "lexer", "parser", "eof", "start", "end", "current", "last", "first", "prev",
            "previous", "input", "output", "string", "word", "char", "sort", "pagination", "resume", "cursor", "notification",
            "device", "push", "registration", "fcm", "apns", "verification", "idempotency", "request", "trace", "span",
            "correlation", "id", "type", "kind", "unique", "test", "mock", "fake", "dummy", "sample", "example", "commit");

    /** A 40- or 64-digit hex value: a commit id or digest in code, a generated key under a secret name in a dotenv file. */

    private static final List<String> KEYWORDS;
    /**
     * The keywords of keys named by what they do (ENCRYPTION_KEY, APP_KEY, signingKey). Written all in lower case they
     * are a tool's configuration key more often than a secret (rspamd's fuzzy {@code encryption_key} is the storage
     * server's public key, git's {@code user.signingkey} a key id, an API description's {@code last_fm_session_key} an
     * example): only the environment-variable and code spellings are read.
     */
    private static final java.util.Set<String> PURPOSE_KEYWORDS = new java.util.HashSet<>();

    static {
        List<String> k = new ArrayList<>(List.of("pass", "pwd", "secret", "token", "api_key", "apikey", "api-key",
                "access_key", "accesskey", "access-key", "auth_key", "private_key", "privatekey", "credential", "senha",
                "passwort"));
        k.addAll(VariableNames.clientCredentialKeywords()); // REDISCLI_AUTH, SSHPASS …: none of the words above
        // a key named by what it does, with no other credential word: ENCRYPTION_KEY, Laravel's APP_KEY, signingKey,
        // SESSION_KEY, a licence or storage account key (classify() reads them as secrets; without a keyword no line
        // holding one was ever read)
        for (String prefix : List.of("encryption", "signing", "master", "app", "session", "consumer", "license", "account",
                "cipher")) { // CIPHER_KEY: an encryption library's (Cloak's) key, by another word
            PURPOSE_KEYWORDS.add(prefix + "_key");
            PURPOSE_KEYWORDS.add(prefix + "key");
            PURPOSE_KEYWORDS.add(prefix + "-key");
        }
        k.addAll(PURPOSE_KEYWORDS);
        // Erlang's distribution cookie, the shared secret of RabbitMQ and Elixir nodes (no credential word in the name)
        k.addAll(List.of("erlang_cookie", "erlangcookie", "erlang-cookie", "release_cookie"));
        KEYWORDS = List.copyOf(k);
    }

    /**
     * Whether the colon-separated name ending at {@code ke} is a whole quoted key of its own ({@code "admin:password":
     * "…"}, {@code "mongo:password": "…"}: nconf's and similar libraries' namespaced settings in JSON): it opens at a
     * quote and its closing quote is followed by the key's colon. Asked only when a name-part is about to be dropped.
     */
    private static boolean isQuotedNamespacedKey(String t, int lineStart, int lineEnd, int ks, int ke) {
        if (ke >= lineEnd || t.charAt(ke) != '"' && t.charAt(ke) != '\'') {
            return false;
        }
        char q = t.charAt(ke);
        int i = skipBlanks(t, ke + 1, lineEnd);
        if (i >= lineEnd || t.charAt(i) != ':') {
            return false;
        }
        int b = ks;
        while (b > lineStart && ks - b < 80 && (isNameChar(t.charAt(b - 1)) || t.charAt(b - 1) == ':')) {
            b--;
        }
        return b > lineStart && t.charAt(b - 1) == q && b < ks;
    }

    /** How far {@link #readLine} reads a name on either side of its keyword. */
    private static final int NAME_REACH = 80;
    /** {@link #isNameChar} of each ASCII byte, for the byte checks (a table: they run at every keyword hit in code). */
    private static final boolean[] NAME_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            NAME_CHARS[c] = isNameChar(c);
        }
    }

    /** {@link #isNameChar} of a raw byte: a byte of a non-ASCII character is none. */
    static boolean isNameByte(byte b) {
        return b >= 0 && NAME_CHARS[b];
    }

    /**
     * {@link #readLine}'s first questions, asked of the raw bytes before a file is decoded (most keyword hits in code are
     * names used in expressions: {@code Token token = lexer.next()}, {@code bypassed}, {@code @param password}): whether
     * the name around the keyword is a secret's name ({@link #classify}), and whether an operator, a quote (SQL's
     * {@code PASSWORD 'x'}) or the start of an element or attribute ({@code <password>}, {@code key="password"}) stands
     * next to it. A "no" is exact: readLine reads nothing at such a hit and returns the name's end (or the line's, for
     * a line it skips whole, where every later hit of the line is skipped too), so dropping the hit changes no other
     * hit. Not decided here, so yes: a Dockerfile (its {@code ENV} lines are read before the name is judged), a name
     * next to a non-ASCII byte or as long as the reach (readLine's name may differ from the bytes' there).
     */
    static boolean mayReadLine(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        byte[] b = file.bytes;
        int ks = hitStart;
        while (ks > lineStart && ks > hitStart - NAME_REACH && isNameByte(b[ks - 1])) {
            ks--;
        }
        int ke = hitEnd;
        while (ke < lineEnd && ke < hitEnd + NAME_REACH && isNameByte(b[ke])) {
            ke++;
        }
        if (ks == hitStart - NAME_REACH || ke == hitEnd + NAME_REACH || ks > lineStart && b[ks - 1] < 0
                || ke < lineEnd && b[ke] < 0 || file.dockerfile()) {
            return true;
        }
        for (int k = hitStart; k < hitEnd; k++) {
            if (!isNameByte(b[k])) {
                return true; // a keyword that is not all name characters: the name is not the span read here
            }
        }
        if (ks > lineStart && b[ks - 1] == '\\' && ke - ks >= 5 && b[ks] == 'u' && b[ks + 1] == '0' && b[ks + 2] == '0'
                && b[ks + 3] == '2' && b[ks + 4] == '6') {
            ks += 5; // as readLine: "…\u0026page_token=…"
        }
        // the cheap question first: most names in code stand in expressions, with no operator after them
        if (!(ks > lineStart && (b[ks - 1] == '<' || b[ks - 1] == '"'))) {
            int i = ke;
            if (i < lineEnd && (b[i] == '"' || b[i] == '\'' || b[i] == '`')) {
                i++;
            }
            if (i < lineEnd && b[i] == ']') {
                i++;
            }
            while (i < lineEnd && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (!(i < lineEnd && (b[i] == ':' || b[i] == '=' || b[i] == '?' || b[i] == '|' || b[i] == '\''))) {
                return false;
            }
        }
        return classify(new String(b, ks, ke - ks, java.nio.charset.StandardCharsets.ISO_8859_1)) != null;
    }

    /** The {@link #LINES} lexer: reads the assignment at a keyword hit into {@code out}. */
    private static int readLine(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Lexed out) {
        String t = job.text;
        if (job.contextAt(lineStart, false).quiet()) {
            return lineEnd; // tests, docs, vendored code: name-based detection is silent (docs/SECRET-RULES.md)
        }
        if (isComment(t, lineStart, lineEnd)) {
            return lineEnd; // commented-out configuration and doc comments are examples, not values
        }
        if (job.hashComments() && inTrailingComment(t, lineStart, hitStart)) {
            return lineEnd; // KEY: value  # e.g. WORKSPACE_TOKEN=…: an example in the line's comment
        }
        int first = skipBlanks(t, lineStart, lineEnd);
        if (t.startsWith("iex>", first) || t.startsWith("iex(", first) || t.startsWith("...>", first) || t.startsWith(">>> ", first)) {
            return lineEnd; // a doctest's input (Elixir's iex>, Python's >>>): an example call in a doc string
        }
        if ((t.startsWith("echo ", first) || t.startsWith("printf ", first)) && showsPrompt(t, first, hitStart)) {
            return lineEnd; // echo -e "\t$ snap set app mail-password='…'": a usage text showing a command to type
        }
        if (t.startsWith("{{", first) || t.startsWith("{%", first)) {
            return lineEnd; // a template directive ({{ $password := (and .Values.x …) }}): an expression, not a value
        }
        if (job.inMultilineString(lineStart)) {
            return lineEnd; // a TOML multi-line string is prose (a task's help text), not a line of configuration
        }
        // the name around the keyword, read by hand: this runs on every line with a keyword, so no regex
        int ks = hitStart;
        while (ks > lineStart && ks > hitStart - NAME_REACH && isNameChar(t.charAt(ks - 1))) {
            ks--;
        }
        int ke = hitEnd;
        while (ke < lineEnd && ke < hitEnd + NAME_REACH && isNameChar(t.charAt(ke))) {
            ke++;
        }
        if (job.dockerfile) {
            Matcher d = job.matcher(DOCKER_ENV);
            d.region(lineStart, lineEnd);
            if (d.find() && d.group(2).indexOf('=') < 0) {
                out.add(d.group(1), d.group(2), d.start(2), false);
            }
        }
        boolean escapedAmp = ks > lineStart && t.charAt(ks - 1) == '\\' && t.startsWith("u0026", ks);
        if (escapedAmp) {
            ks += 5; // "…\u0026page_token=…": a JSON-escaped '&' before a query parameter
        }
        String key = t.substring(ks, ke);
        if (classify(key) == null) {
            return ke;
        }
        if (PURPOSE_KEYWORDS.contains(t.substring(hitStart, hitEnd)) && key.equals(key.toLowerCase(Locale.ROOT))) {
            return ke; // encryption_key = "…" in a tool's config: lower case, see PURPOSE_KEYWORDS
        }
        if ((t.charAt(ks) == '.' || ks > lineStart && (t.charAt(ks - 1) == '.' || t.charAt(ks - 1) == '#'))
                && ke + 1 < lineEnd && t.charAt(ke) == ':' && isPseudoClass(t, ke + 1, lineEnd)) {
            return ke; // a CSS selector (.forgot-password:hover, #password:focus), not a key and its value
        }
        int before = ks - 1;
        if (before >= lineStart && (t.charAt(before) == '"' || t.charAt(before) == '\'')) {
            before--;
        }
        while (before >= lineStart && (t.charAt(before) == ' ' || t.charAt(before) == '\t')) {
            before--;
        }
        if (before >= lineStart && t.charAt(before) == '?' && before < ks - 1) {
            return ke; // cond ? 'pass' : 'failed': a ternary's branch, not a key
        }
        boolean queryParam = escapedAmp || ks > lineStart && (t.charAt(ks - 1) == '&' || t.charAt(ks - 1) == '?')
                || ks - 5 >= lineStart && t.startsWith("&amp;", ks - 5);
        if (ks > lineStart && (t.charAt(ks - 1) == '$' || t.charAt(ks - 1) == '{' && ks - 1 > lineStart
                && t.charAt(ks - 2) == '$')) {
            return ke; // ${PASSWORD:?message} or $PASSWORD: an interpolation that reads the variable, not a value
        }
        if (ks - 1 > lineStart && t.charAt(ks - 1) == ':' && (isNameChar(t.charAt(ks - 2)) && t.charAt(ks - 2) != '$'
                || t.charAt(ks - 2) == '}') && !isQuotedNamespacedKey(t, lineStart, lineEnd, ks, ke)) {
            return ke; // a part of a colon-separated name (arn:aws:secretsmanager:…:secret:app-key:LicenseKey::), not a key
        }
        if (ks > lineStart && t.charAt(ks - 1) == '/' && ke + 1 < lineEnd && t.charAt(ke) == ':'
                && !Character.isWhitespace(t.charAt(ke + 1))) {
            return ke; // the last segment of an image reference and its tag (quay.io/org/token-refresher:v1), not a key
        }
        if (ks > lineStart && t.charAt(ks - 1) == '<') {
            Matcher x = job.matcher(XML);
            x.region(ks - 1, lineEnd);
            if (x.lookingAt()) {
                out.add(x.group(1), "\"" + x.group(2) + "\"", x.start(2), false);
            }
            return ke;
        }
        if (ks > lineStart && t.charAt(ks - 1) == '"' && (t.lastIndexOf("key", ks) >= Math.max(lineStart, ks - 12)
                || t.lastIndexOf("name", ks) >= Math.max(lineStart, ks - 12))) {
            // .NET's <add key="SmtpPassword" value="…"/>, Spring's and Ant's <property name="password" value="…"/>
            // (not an HTML form's <input name="pwd_policy['letters']" value="letters">: what a control sends, not a setting)
            Matcher kv = job.matcher(KEY_VALUE);
            kv.region(Math.max(lineStart, ks - 12), lineEnd);
            if (kv.find() && !isFormControl(t, lineStart, ks)) {
                out.add(kv.group(1), "\"" + kv.group(2) + "\"", kv.start(2), false);
                return kv.end();
            }
        }
        int i = ke;
        boolean quotedKey = false;
        if (i < lineEnd && (t.charAt(i) == '"' || t.charAt(i) == '\'' || t.charAt(i) == '`')) {
            quotedKey = true;
            i++;
        }
        if (i < lineEnd && t.charAt(i) == ']') {
            i++;
        }
        i = skipBlanks(t, i, lineEnd);
        int op = operatorLength(t, i, lineEnd);
        if (op == 0 && i > ke && i < lineEnd && t.charAt(i) == '\'' && isRoleStatement(t, lineStart, ks, ke)) {
            // SQL's CREATE USER app WITH PASSWORD 'secret' / ALTER ROLE app PASSWORD 'secret': no operator, a literal
            int ve = valueEnd(t, i, lineEnd);
            if (ve > i + 2 && t.charAt(ve - 1) == '\'') {
                out.add(key, t.substring(i, ve), i, false);
                return ve;
            }
        }
        if (op == 0 || op == 1 && isPsqlVariable(t, lineStart, ks, i, lineEnd)) {
            return ke;
        }
        // a hash rocket (Ruby's :secret => secret, PHP's 'password' => $password, Perl) is code in any file (an ERB or
        // Blade view too): a bare value after it is an expression
        boolean rocket = op == 2 && t.startsWith("=>", i);
        if (!quotedKey && op == 1 && t.charAt(i) == '=' && ks > lineStart && i + 1 < lineEnd
                && (t.charAt(ks - 1) == '\'' || t.charAt(ks - 1) == '"') && t.charAt(i + 1) == t.charAt(ks - 1)
                && concatenationFollows(t, i + 2, lineEnd)) {
            return ke; // 'MAIL_PASSWORD='.config('mail.password'): a literal ending in "KEY=", its value the code after it
        }
        i = skipBlanks(t, i + op, lineEnd);
        if (i >= lineEnd) {
            return ke;
        }
        if (queryParam && (t.charAt(i) == '"' || t.charAt(i) == '\'' || t.charAt(i) == '`' || presignedUrl(t, lineStart, ks, lineEnd))) {
            return ke; // "…&access_token=" + token: a URL being built; or a pre-signed URL's expiring signature
        }
        int ve = job.javaProperties ? propertiesValueEnd(t, i, lineEnd) : valueEnd(t, i, lineEnd);
        if (ve <= i) {
            return ke;
        }
        if (job.bareValuesAreExpressions() && ve > i + 1 && (t.charAt(i) == '"' || t.charAt(i) == '\'' || t.charAt(i) == '`')
                && t.charAt(ve - 1) == t.charAt(i) && codeConcatenationFollows(t, ve, lineEnd, dotConcatenates(job.path))
                && (isPieceOfAName(t.substring(i + 1, ve - 1)) || t.startsWith(".split(", skipBlanks(t, ve, lineEnd)))) {
            // '{trackable=' . $redirect->getId() . '}', '{block' + index + '}', 'compose_data_' . self::$ID: a piece of a
            // string built at run time; but a random literal with something appended ('<token>' + suffix) is still the value
            return ve;
        }
        if (ve < lineEnd && t.charAt(ve) == ',' && job.matcher(SECRET_OPTIONS).region(ve, lineEnd).lookingAt()) {
            return ve; // Secret=lldap-jwt-secret,type=mount: the engine's secret named, not a value
        }
        // "token": base64Token, — a quoted key and a bare name before a comma or a brace: JSON has no bare words, so
        // this is a script's object literal (JavaScript in a ConfigMap) passing a variable; and a page's <script> is
        // code ({password: newPw} in a view, const apiKey = (document.querySelector(…) || {}).value)
        boolean objectLiteral = quotedKey && (ve < lineEnd && t.charAt(ve) == ','
                || t.charAt(ve - 1) == '}' && t.lastIndexOf('{', ve - 1) < i) // a bare value runs to the comma, brace included
                || CommentBlocks.isPage(job.path) && job.inPageScript(i);
        out.add(key, t.substring(i, ve), i, job.bareValuesAreExpressions() || rocket || objectLiteral);
        return ve;
    }

    private static final Set<String> PSEUDO_CLASSES = Set.of("hover", "focus", "active", "visited", "disabled",
            "checked", "before", "after", "first-child", "last-child", "focus-within", "focus-visible", "not", "invalid",
            "valid", "placeholder", "placeholder-shown", "required", "read-only", "nth-child", "empty", "target");

    /** Whether a CSS pseudo-class or pseudo-element name ({@code hover}, {@code focus}) starts at {@code i}. */
    private static boolean isPseudoClass(String t, int i, int end) {
        int k = i;
        while (k < end && (Character.isLetter(t.charAt(k)) || t.charAt(k) == '-')) {
            k++;
        }
        return k > i && PSEUDO_CLASSES.contains(t.substring(i, k));
    }

    private static final Pattern EXPIRY_PARAM = Pattern.compile("(?i)[?&](e|expires|x-amz-expires|x-goog-expires|se)=\\d");

    /** Whether the query parameter at {@code ks} belongs to a URL with an expiry: a pre-signed download link. */
    private static boolean presignedUrl(String t, int lineStart, int ks, int lineEnd) {
        int s = ks;
        while (s > lineStart && !Character.isWhitespace(t.charAt(s - 1)) && t.charAt(s - 1) != '"' && t.charAt(s - 1) != '\'') {
            s--;
        }
        int e = ks;
        while (e < lineEnd && !Character.isWhitespace(t.charAt(e)) && t.charAt(e) != '"' && t.charAt(e) != '\'') {
            e++;
        }
        return EXPIRY_PARAM.matcher(t.substring(s, e)).find();
    }

    /** An npm registry-scoped setting, {@code //registry.example.org/:_authToken=…}: a key, not a comment. */
    private static final Pattern NPMRC_SCOPED_KEY = Pattern.compile("//[^\\s/]+(?:/[^\\s:]*)?/:[\\w-]+\\s*=");

    /**
     * A command's long option on a line of its own ({@code --account-pass=admin} in a folded YAML {@code command: >} or
     * a shell line continuation): an argument, not an SQL or Lua {@code --} comment.
     */
    private static final Pattern LONG_OPTION = Pattern.compile("--[A-Za-z][\\w-]*=");

    /**
     * A key that says its value is a sample, right before the value: {@code example:}, {@code "examples":},
     * {@code example =}, {@code placeholder="}, {@code placeholder={"}, a scheme's {@code example: Bearer }, the first
     * of a list of samples ({@code examples: ["amqp://user:password@127.0.0.1"]}, JSON Schema's {@code "examples": [}).
     */
    private static final Pattern SAMPLE_KEY = Pattern.compile(
            "(?i)\\b(example|examples|placeholder)[\"']?\\s*(?::|=>?)\\s*[{\\[]?\\s*[\"'`]?(?:bearer\\s+)?\\z");

    /**
     * The key ({@code example}, {@code examples} or {@code placeholder}, lower case) whose value starts at {@code valueStart}
     * when the text from {@code from} ends with it, or null: an API schema's example, a form field's placeholder, a
     * setting declaration's {@code placeholder:} and {@code example:} beside its real {@code default:}.
     */
    static String sampleKeyBefore(String text, int from, int valueStart) {
        String before = text.substring(from, valueStart);
        String lower = before.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("example") && !lower.contains("placeholder")) {
            return null;
        }
        Matcher m = SAMPLE_KEY.matcher(before);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /**
     * A string key {@code "example"} given as an argument with the value after it, on the value's line or the line
     * above: a schema builder's {@code extensions.insert("example".to_string(), Value::String("…"))}, a map's
     * {@code put("example", "…")}.
     */
    private static final Pattern EXAMPLE_ARGUMENT = Pattern.compile(
            "(?i)[\"']examples?[\"'](?:\\.\\w+\\(\\))*\\s*,\\s*(?:[\\w:.]+\\(\\s*)?[\"'`]?\\z");
    /** A heading that introduces a sample: {@code Example body:}, {@code "Example response:}, {@code Example:}. */
    private static final Pattern EXAMPLE_HEADING = Pattern.compile("(?i)\\bexamples?(?:\\s+\\w+){0,3}\\s*:\\s*\\z");
    /** How many lines of a sample (JSON lines between the heading and the value) are looked through. */
    private static final int EXAMPLE_BLOCK_LINES = 12;

    /**
     * Whether the value at {@code valueStart} (on the line starting at {@code lineStart}) is an example the text
     * documents: the value of an {@code example}/{@code examples} key on its line or the line above
     * ({@link #sampleKeyBefore}: an API schema's {@code example: "…"}, {@code @Schema(example = "…")}), the value after a
     * {@code "example"} argument ({@link #EXAMPLE_ARGUMENT}), or a value in a JSON sample under an {@code Example …:}
     * heading (a command's help text {@code "Example body:\n{\n  \"secret\": \"…\"\n}"}). Asked only when a finding is
     * about to be reported.
     */
    static boolean isDocumentedExample(String text, int lineStart, int valueStart) {
        int above = lineStart == 0 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
        String key = sampleKeyBefore(text, above, valueStart);
        if (key != null && key.startsWith("example")) {
            return true;
        }
        String before = text.substring(above, valueStart);
        if (before.toLowerCase(java.util.Locale.ROOT).contains("example") && EXAMPLE_ARGUMENT.matcher(before).find()) {
            return true;
        }
        // walk up through the sample's JSON lines ({, }, [, "key": …) to the heading that introduces it
        int end = lineStart - 1;
        for (int k = 0; k < EXAMPLE_BLOCK_LINES && end > 0; k++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end).strip();
            if (EXAMPLE_HEADING.matcher(line).find()) {
                return true;
            }
            if (line.isEmpty() || "{}[]\"\\".indexOf(line.charAt(0)) < 0) {
                return false;
            }
            end = start - 1;
        }
        return false;
    }

    /** Whether the line is a comment: #, //, /*, * (a doc comment's body), <!--, -- (not --option=), ;, REM or :: (batch files). */
    static boolean isComment(String t, int lineStart, int lineEnd) {
        int i = skipBlanks(t, lineStart, lineEnd);
        if (i >= lineEnd) {
            return false;
        }
        if (t.startsWith("//", i) && NPMRC_SCOPED_KEY.matcher(t).region(i, lineEnd).lookingAt()) {
            return false;
        }
        char c = t.charAt(i);
        char n = i + 1 < lineEnd ? t.charAt(i + 1) : '\n';
        if ((c == 'R' || c == 'r') && t.regionMatches(true, i, "rem", 0, 3)
                && (i + 3 == lineEnd || t.charAt(i + 3) == ' ' || t.charAt(i + 3) == '\t')) {
            return true; // a batch file's remark: REM SET OAUTH2_SECRET=… (commented out)
        }
        return c == '#' && n != '{' || c == ';' || c == ':' && n == ':' || c == '/' && (n == '/' || n == '*') || c == '*' && n != '*'
                && n != '=' || c == '<' && t.startsWith("<!--", i)
                || c == '-' && n == '-' && !t.startsWith("---", i) && !LONG_OPTION.matcher(t).region(i, lineEnd).lookingAt()
                && !(OPTION_AND_ARGUMENT.matcher(t).region(i, lineEnd).lookingAt()
                        && (continuedCommand(t, lineStart, lineEnd) || inBlockScalar(t, lineStart, i - lineStart)));
    }

    /**
     * Whether the line, indented by {@code indent}, is inside a YAML block scalar ({@code args: >-} then one option a
     * line, as an action's input or a folded {@code command:} holds a command line): the nearest line above it that
     * is indented less ends in {@code >} or {@code |} (with a chomping indicator). Looks 60 lines up at most.
     */
    private static boolean inBlockScalar(String t, int lineStart, int indent) {
        int end = lineStart - 1;
        for (int n = 0; n < 60 && end > 0; n++) {
            int start = t.lastIndexOf('\n', end - 1) + 1;
            int k = skipBlanks(t, start, end);
            if (k < end && k - start < indent) {
                String line = t.substring(k, end).stripTrailing();
                return line.endsWith(">") || line.endsWith(">-") || line.endsWith(">+") || line.endsWith("|")
                        || line.endsWith("|-") || line.endsWith("|+");
            }
            end = start - 1;
        }
        return false;
    }

    /**
     * A long option and its {@code key=value} argument ({@code --set auth.password=…}, {@code --build-arg KEY=…}),
     * the option's name right after the dashes, as no SQL or Lua comment ({@code -- text}) is written.
     */
    private static final Pattern OPTION_AND_ARGUMENT = Pattern.compile("--[A-Za-z][\\w-]*[ \t]+[A-Za-z_][\\w.\\[\\]-]*=");

    /** Whether the line ends in a shell line continuation or follows one: a line of a command split over lines. */
    private static boolean continuedCommand(String t, int lineStart, int lineEnd) {
        int e = lineEnd;
        while (e > lineStart && Character.isWhitespace(t.charAt(e - 1))) {
            e--;
        }
        if (e > lineStart && t.charAt(e - 1) == '\\') {
            return true;
        }
        int p = lineStart - 1; // the previous line's '\n'
        while (p > 0 && Character.isWhitespace(t.charAt(p - 1)) && t.charAt(p - 1) != '\n') {
            p--;
        }
        return p > 0 && t.charAt(p - 1) == '\\';
    }

    /**
     * Whether {@code pos} is inside the trailing comment of its line in a file whose comments start with {@code #}
     * (YAML, TOML, shell, dotenv, Python, Ruby, Dockerfile, Makefile): after a {@code #} that follows a blank and is
     * outside quotes ({@code ${#list}}, {@code url/#anchor} and {@code "a # b"} start none).
     */
    static boolean inTrailingComment(String t, int lineStart, int pos) {
        char quote = 0;
        for (int i = lineStart; i < pos; i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && i > lineStart && (t.charAt(i - 1) == ' ' || t.charAt(i - 1) == '\t')) {
                return true;
            }
        }
        return false;
    }

    /** In a .properties file an unquoted value runs to the end of the line ("form.password.forgot=Forgot it?"). */
    private static int propertiesValueEnd(String t, int i, int end) {
        char q = t.charAt(i);
        if (q == '"' || q == '\'') {
            return valueEnd(t, i, end);
        }
        int e = end;
        while (e > i && Character.isWhitespace(t.charAt(e - 1))) {
            e--;
        }
        return Math.min(e, i + 502);
    }

    /**
     * Whether a literal that code joins with more is a piece of a name or a text, not a random secret with something
     * appended: it ends in a separator, a blank or markup ({@code 'compose_data_'}, {@code 'Bearer '},
     * {@code '{dynamiccontent="'}), or it is short, or plain: no digit and little variety ({@code '{CODEMODEBLOCK'}).
     * Entropy alone does not tell: a third of random 14-character tokens are under 3.5 bits a character.
     */
    private static boolean isPieceOfAName(String literal) {
        return literal.isEmpty() || !Character.isLetterOrDigit(literal.charAt(literal.length() - 1)) || literal.length() < 12
                || literal.chars().noneMatch(Character::isDigit) && Entropy.shannon(literal) < 3.5;
    }

    /** Whether a string concatenation ({@code .} in PHP and Perl, {@code +} elsewhere) starts at {@code i}, blanks skipped. */
    private static boolean concatenationFollows(String t, int i, int end) {
        i = skipBlanks(t, i, end);
        return i < end && (t.charAt(i) == '.' || t.charAt(i) == '+');
    }

    /** Whether {@code .} joins strings in the language of {@code path} (PHP, Perl), not calls a method on them. */
    private static boolean dotConcatenates(String path) {
        return path.endsWith(".php") || path.endsWith(".phtml") || path.endsWith(".pl") || path.endsWith(".pm");
    }

    /**
     * Whether the literal that ends at {@code i} is joined with code (blanks skipped): {@code +}, or in PHP and Perl
     * {@code .}, and then a variable, a call or a name ({@code . $id}, {@code + index}); or split into a list of words
     * ({@code 'br,input,link'.split(',')}). Not another literal ({@code 'abc' . 'def'} is still one hard-coded value), and
     * not a method call on the value ({@code "…".into()}, {@code "…".trim()}).
     */
    private static boolean codeConcatenationFollows(String t, int i, int end, boolean dotConcatenates) {
        i = skipBlanks(t, i, end);
        if (i >= end || t.charAt(i) != '.' && t.charAt(i) != '+' || i + 1 < end && t.charAt(i + 1) == t.charAt(i)) {
            return false; // nor ++ / .. (a range, a spread)
        }
        if (t.charAt(i) == '.' && !dotConcatenates) {
            return t.startsWith(".split(", i);
        }
        i = skipBlanks(t, i + 1, end);
        if (i >= end) {
            return false;
        }
        char c = t.charAt(i);
        return c == '$' || c == '_' || c == '(' || Character.isLetter(c);
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '-');
    }

    private static int skipBlanks(String t, int i, int end) {
        while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Whether the ':' at {@code colon} starts a psql variable of an SQL statement ({@code ALTER USER app WITH PASSWORD
     * :'pgpass'}, set by {@code \\set pgpass ...} from the environment): a blank before it, a quote right after it, and a
     * role statement before the key; the value is the variable's name.
     */
    private static boolean isPsqlVariable(String t, int lineStart, int ks, int colon, int lineEnd) {
        if (colon + 1 >= lineEnd || t.charAt(colon) != ':' || !(t.charAt(colon - 1) == ' ' || t.charAt(colon - 1) == '\t')
                || t.charAt(colon + 1) != '\'' && t.charAt(colon + 1) != '"') {
            return false;
        }
        return isRoleStatement(t, lineStart, ks, -1);
    }

    /**
     * Whether the key at {@code ks} is the PASSWORD of an SQL role statement ({@code CREATE USER app WITH PASSWORD},
     * {@code ALTER ROLE app PASSWORD}): "user" or "role" before it on the line ({@code keyEnd} -1: the key's name is
     * not checked).
     */
    private static boolean isRoleStatement(String t, int lineStart, int ks, int keyEnd) {
        if (keyEnd >= 0 && keyEnd - ks != 8 || !t.regionMatches(true, ks, "password", 0, 8)) {
            return false;
        }
        String before = t.substring(lineStart, ks).toLowerCase(java.util.Locale.ROOT);
        return before.contains("user ") || before.contains("role ");
    }

    /**
     * Whether a shell prompt ({@code $ } after a quote, a blank or a {@code \\t}, then a command's name) is printed in
     * {@code [from, to)}: the line echoes an example command for its reader to type, not one the script runs
     * ({@code echo "DB_PASSWORD=…" >> .env} shows no prompt).
     */
    private static boolean showsPrompt(String t, int from, int to) {
        for (int k = t.indexOf("$ ", from); k > from && k + 2 < to; k = t.indexOf("$ ", k + 2)) {
            char before = t.charAt(k - 1);
            if ((before == '"' || before == '\'' || before == ' ' || before == '\t' || before == 't' && t.charAt(k - 2) == '\\')
                    && Character.isLowerCase(t.charAt(k + 2))) {
                return true;
            }
        }
        return false;
    }

    /** ":=", "=>", "??=", "||=", "=" (not "==", "=~"), ":" (not "::", "://", ":="); else 0. */
    private static int operatorLength(String t, int i, int end) {
        if (i >= end) {
            return 0;
        }
        char c = t.charAt(i);
        char n = i + 1 < end ? t.charAt(i + 1) : '\n';
        if (c == ':') {
            if (n == '=') {
                return 2;
            }
            return n == ':' || n == '/' ? 0 : 1;
        }
        if (c == '=') {
            return n == '=' || n == '~' ? 0 : n == '>' ? 2 : 1;
        }
        if ((c == '?' && n == '?' || c == '|' && n == '|') && i + 2 < end && t.charAt(i + 2) == '=') {
            return 3;
        }
        return 0;
    }

    /** The end of a quoted literal (with escapes) or of a bare word. */
    private static int valueEnd(String t, int i, int end) {
        char q = t.charAt(i);
        int limit = Math.min(end, i + 502);
        if (q == '"' || q == '\'' || q == '`') {
            for (int k = i + 1; k < limit; k++) {
                char c = t.charAt(k);
                if (c == '\\' && q != '`') {
                    k++;
                } else if (c == q) {
                    return k + 1;
                }
            }
            return i; // unterminated: not a literal we understand
        }
        int k = i;
        while (k < limit) {
            char c = t.charAt(k);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';'
                    || c == '&' && (nextParameter(t, k + 1, limit) || escapedBreak(t, k + 1, limit))) {
                break; // …&password=foobar&confirmation=foobar: a form body's or a query's next parameter ends the value
            }
            if (escapedBreak(t, k, limit)) {
                break; // a JSON string's "…client_secret=[CLIENT_SECRET]\r\n\t\tscope=…": the text's line break ends it
            }
            if (c == ']' && t.startsWith("]]>", k) || c == '<' && k + 1 < limit && t.charAt(k + 1) == '/') {
                break; // markup ends it: a CDATA section's end, a closing tag (<![CDATA[… pass=1]]></Description>)
            }
            k++;
        }
        return k;
    }

    /** Whether an escaped line break or tab ({@code \\r}, {@code \\n}, {@code \\t}) of a string's text starts at {@code i}. */
    private static boolean escapedBreak(String t, int i, int limit) {
        return i + 1 < limit && t.charAt(i) == '\\' && (t.charAt(i + 1) == 'r' || t.charAt(i + 1) == 'n' || t.charAt(i + 1) == 't');
    }

    /** Whether a parameter name and '=' start at {@code i}: {@code confirmation=}, {@code client_id=}. */
    private static boolean nextParameter(String t, int i, int limit) {
        int k = i;
        while (k < limit && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '_' || t.charAt(k) == '-'
                || t.charAt(k) == '.' || t.charAt(k) == '[' || t.charAt(k) == ']')) {
            k++;
        }
        return k > i && k < limit && t.charAt(k) == '=' && Character.isLetter(t.charAt(i));
    }

    /**
     * Whether a password column of seed data holds the password's hash: hex of a hash's length in an SQL seed or
     * migration ({@link Filters#isHexDigest}), or 32 to 128 hex digits in a Liquibase changelog or beside a
     * {@code salt} column of the same row ({@code <column name="password" value="4a17…"/> <column name="salt" …/>}: a
     * digest printed without its leading zeros is a digit short).
     */
    private static boolean storesPasswordHash(ScanJob job, int valuePos, String value) {
        if (job.path.endsWith(".sql") && Filters.isHexDigest(value)) {
            return true;
        }
        if (value.length() < 32 || value.length() > 128 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                || Filters.isWeakCredential(value)) {
            return false;
        }
        String t = job.text;
        if (t.contains("databaseChangeLog")) {
            return true;
        }
        int from = Math.max(0, valuePos - 300);
        int to = Math.min(t.length(), valuePos + value.length() + 300);
        return t.substring(from, to).toLowerCase(java.util.Locale.ROOT).contains("salt");
    }

    /**
     * A secret's name followed by its mount options ({@code Secret=app-key,type=mount,uid=1000} in a podman quadlet,
     * {@code --secret app-key,type=env,target=API_KEY}): the name of a secret kept by the engine, not its value.
     */
    private static final Pattern SECRET_OPTIONS = Pattern.compile(",(?:type|target|uid|gid|mode|src|source|dst|env|required)=");

    /**
     * Whether the value at {@code valuePos} is a variable set for one command of a Dockerfile's {@code RUN}
     * ({@code RUN SECRET_KEY_BASE=dummy DATABASE_ADAPTER=mysql2 bundle exec rake assets:precompile}): it lives for
     * that build step only, never in the image's configuration; a framework that refuses to boot without a secret gets
     * a dummy there. Only a weak value is let pass: a random one would still be in the image's history.
     */
    private static boolean isBuildStepPrefix(ScanJob job, int valuePos) {
        int ls = job.lineStart(valuePos);
        int i = skipBlanks(job.text, ls, valuePos);
        if (!job.text.regionMatches(true, i, "RUN", 0, 3) || i + 3 >= valuePos || !Character.isWhitespace(job.text.charAt(i + 3))) {
            return false;
        }
        // only NAME=value words between RUN and this value: the prefix of the command, not an argument of it
        for (String w : BLANKS.split(job.text.substring(i + 3, valuePos).strip())) {
            if (!w.isEmpty() && !ENV_WORD.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Judges one candidate of name class {@code kind} and reports it as {@code rule}; its raw value still has its
     * quotes; its {@code where} is appended to the message (" (the fallback when X is unset)").
     */
    static void judge(ScanJob job, RuleInfo rule, Kind kind, Candidate c) {
        String key = c.key();
        String where = c.where();
        int valuePos = c.valuePos();
        boolean quotesRequired = c.quotesRequired();
        String value = c.rawValue();
        boolean quoted = false;
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'' || value.charAt(0) == '`')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
            valuePos++;
            quoted = true;
        }
        if (!quoted && quotesRequired) {
            return;
        }
        if (!quoted) {
            int hash = value.indexOf(" #");
            if (hash >= 0) {
                value = value.substring(0, hash);
            }
        }
        Context context = job.contextAt(valuePos);
        if (context.quiet()) {
            return; // tests, docs, vendored code
        }
        if (!quoted && value.length() > 1 && value.charAt(0) == '-' && Character.isLetter(value.charAt(1))
                && value.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-')) {
            return; // openssl … -passin pass: -passout pass: an empty password source followed by the next option
        }
        if (ESCAPES.matcher(value).matches()) {
            return; // printf "…admin password:\n\n  %s": a message's line breaks, not a value
        }
        if (isConfigSnippet(value)) {
            return; // "credentials": "dns_api_key = …\ndns_secret = …": a config file's text; its lines are judged on their own
        }
        if (FileKinds.isEnvironmentMapping(job.path) && ENV_VARIABLE_NAME.matcher(value).matches()) {
            return; // node-config's custom-environment-variables.json: "password": "REDIS_PASSWORD" names where it is set
        }
        if (kind == Kind.PASSWORD && storesPasswordHash(job, valuePos, value)) {
            return; // a SQL seed or migration writes the password column: what it stores is the password's hash
        }
        if (value.length() > 30 && SEC0010Jwt.isJwt(value)) {
            return; // a JWT: SEC0010 judges it (expired, signed with a published secret, an example), reported once
        }
        // an environment variable's literal fallback in code is configuration the app runs with, not a code string
        boolean fallback = c.runsWith() && context == Context.CODE;
        boolean code = job.kind == FileKind.CODE && !fallback;
        boolean runnable = context == Context.RUNNABLE || fallback;
        boolean example = context == Context.EXAMPLE || job.kind == FileKind.ENV_EXAMPLE;
        if (value.length() > 300 && !(kind == Kind.SECRET && Filters.isBareDerPrivateKey(value))) {
            return; // a blob; but a private key's base64 DER without PEM armour (rsa.private_key: MIIBUwIBADAN…) is one
        }
        // in configuration the stack runs with, a default credential (secret, changeme, admin123) is the
        // credential it runs with: a warning. Placeholder filters belong to docs and examples.
        boolean defaultCredential = runnable && Filters.isDefaultCredential(value);
        // a secret-named key holding 40 or 64 hex digits in a dotenv file or configuration the stack runs with (a CI
        // job's env:, a Helm values file) is a generated key (openssl rand -hex 32), not the commit id it is in code;
        // a random UUID in a dotenv file or a CI pipeline (an upload action's token: input) a service's token
        boolean hexKey = (job.kind == FileKind.ENV || job.kind == FileKind.ENV_EXAMPLE || runnable)
                && Filters.isGeneratedHexKey(value)
                || (job.kind == FileKind.ENV || FileKinds.isCi(job.path)) && Filters.isRandomUuid(value);
        if (!defaultCredential) {
            int minLength = kind == Kind.PASSWORD ? (code ? 6 : 4) : 8;
            if (value.length() < minLength) {
                return;
            }
            if (!hexKey && Filters.reasonForAssignment(value, code) != null) {
                return;
            }
            if (kind == Kind.SECRET && Entropy.shannon(value) < 3.0 && !(runnable && WORD_AND_NUMBER.matcher(value).matches())) {
                return; // an identifier; but in configuration the stack runs with, GOTRUE_JWT_SECRET=hello456 is its weak secret
            }
            if (value.indexOf(' ') >= 0 && (Entropy.shannon(value) < 3.5 || !hasRandomWord(value))) {
                return; // prose or a command line ("node scripts/reset.js"), not a secret
            }
        }
        String squashed = squash(value);
        if (squashed.equals(squash(key))
                && !(runnable && !code && SELF_NAMED_DEFAULTS.contains(value)
                        && (key.equals(value) || key.equals(key.toUpperCase(Locale.ROOT)) && key.equalsIgnoreCase(value)
                        && !job.bareValuesAreExpressions()))
                && !(runnable && job.kind == FileKind.ENV)) {
            // HEADER_API_KEY = 'headerapikey': a constant whose value is its own name. Not a bare password key in
            // configuration the stack runs with: there password: password (PASSWORD: password in a Django DATABASES
            // block) is the password it logs in with (but a
            // template's confirm_password: confirm_password or _token: token is a variable passed on). Nor in an env file
            // the stack runs with: a dotenv value is a literal, JWT_SECRET=jwt-secret is the key it signs with
            return;
        }
        if (namesItself(key, squashed)) {
            return; // KEY_MAIL_SERVICE_PASSWORD="mail-service-password": the name of a setting, held under KEY_
        }
        if (namesKeyOfSecret(key, squashed, value)) {
            return; // keystorePasswordSecretKey: keystore-password: the key inside a Kubernetes Secret, not the value
        }
        if (isStoreEntry(key, value)) {
            return; // GPG_PASSPHRASE=signing-key:passphrase: an entry of a secret store (a Vault path and its field)
        }
        if (isVisibilityEntry(job, valuePos, value)) {
            return; // a dump's column list: token = "private" beside id = "private", name = "public"
        }
        if (words(key).equals(List.of("pass")) && OUTCOME_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return; // a status map's entry (pass: "success" beside passed: "success"): a check's outcome, not a password
        }
        if (isNameServiceSources(key, value)) {
            return; // nsswitch.conf's passwd: files systemd: where the user database is looked up, not a password
        }
        if (code && !defaultCredential && squashed.contains(kind == Kind.PASSWORD ? "pass" : lastSecretWord(key))) {
            return; // in code, a string naming the secret it is about ('1Password', 'auth/invalid_token') is a label or key
        }
        // a value that spells out the key's own name among other words ("ThEmUsTSecretKEYforBUILDstage123" for
        // SECRET_KEY, "supersecretjwtsecret" for JWT_SECRET) was written by a person about the key: a made-up value
        String keySquashed = squash(key);
        boolean namesItsKey = keySquashed.length() >= 6 && squashed.length() > keySquashed.length()
                && squashed.contains(keySquashed);
        boolean weak = defaultCredential || namesItsKey || Filters.isWeakCredential(value);
        if (example && weak) {
            return; // examples and templates: only real-looking values are reported
        }
        if (disclaimed(job, valuePos)) {
            return; // "// This is not actually a secret key, it's just a string that we XOR with": the author's word
        }
        if (SEC0040KubernetesSecret.inSecretData(job, valuePos)) {
            return; // a Kubernetes Secret's data: base64, decoded and judged by SEC0040
        }
        if (weak && job.dockerfile && isBuildStepPrefix(job, valuePos)) {
            return; // RUN APP_SECRET_TOKEN=secret bundle exec rake assets:precompile: a dummy the build step needs to boot
        }
        Severity severity = weak ? Severity.WARNING : Severity.ERROR;
        String what = kind == Kind.PASSWORD ? "password" : "secret";
        String message = job.kind == FileKind.ENV_EXAMPLE
                ? "Example env file gives " + key + " a real-looking " + what + " value"
                : weak ? "Default or development " + what + " hard-coded in '" + key + "'" + where
                : "Hard-coded " + what + " in '" + key + "'" + where;
        String hint = job.kind == FileKind.ENV_EXAMPLE
                ? "Leave the value empty (or write changeme) in example files; rotate it if it was real."
                : weak ? "Anyone who reads the repository can log in with it: require it from the environment "
                        + "(${" + envName(key) + ":?set it in .env}) and keep the value in an untracked .env."
                : "Rotate it, then read it from the environment (a .env file that is not committed) or a secret manager.";
        job.emit(rule, severity, valuePos, value, message, hint, null);
    }

    /** A visibility word as a whole value, on a line of its own: {@code name = "public"}, {@code token: private}. */
    private static final Pattern VISIBILITY_LINE = Pattern.compile(
            "\\s*[\"']?[\\w.-]+[\"']?\\s*[:=]\\s*[\"']?(?i:private|public)[\"']?\\s*,?\\s*");

    /**
     * Whether {@code private} or {@code public} is the visibility of a field in a list of them: the line above or below
     * gives another key a visibility word too (a database dump's {@code [api_tokens.columns]} table: {@code id =
     * "private"}, {@code token = "private"}, {@code name = "public"}). Which columns a dump keeps, not a password.
     */
    static boolean isVisibilityEntry(ScanJob job, int valuePos, String value) {
        if (!value.equalsIgnoreCase("private") && !value.equalsIgnoreCase("public")) {
            return false;
        }
        String t = job.text;
        int ls = job.lineStart(valuePos);
        int le = job.lineEnd(valuePos);
        if (ls > 0) {
            int above = job.lineStart(ls - 1);
            if (VISIBILITY_LINE.matcher(t).region(above, ls - 1).matches()) {
                return true;
            }
        }
        if (le < t.length()) {
            int below = le + 1;
            return below < t.length() && VISIBILITY_LINE.matcher(t).region(below, job.lineEnd(below)).matches();
        }
        return false;
    }

    /** The sources the name service switch looks a database up in (nsswitch.conf(5)), and the actions between them. */
    private static final Pattern NSS_SOURCES = Pattern.compile("(?:(?:files|compat|db|nis|nisplus|ldap|sss|systemd|winbind"
            + "|hesiod|altfiles|cache|extrausers|usrfiles|mymachines)(?:\\s+|\\z)|\\[[!A-Za-z=\\s]+]\\s*)+");

    /**
     * Whether {@code passwd}, {@code shadow} or {@code gshadow} is a database of the name service switch, its value the
     * sources it is looked up in ({@code passwd: compat}, {@code shadow: files systemd}), as nsswitch.conf and a
     * container's copy of it write them: the user database, not a password.
     */
    static boolean isNameServiceSources(String key, String value) {
        return (key.equals("passwd") || key.equals("shadow") || key.equals("gshadow"))
                && NSS_SOURCES.matcher(value.strip()).matches();
    }

    /** The bare keys whose own name as the value is a default credential in runnable config: password: password. */
    private static final Set<String> SELF_NAMED_DEFAULTS = Set.of("password", "passwd", "secret");

    /**
     * A chart's {@code …SecretKey} whose value is the rest of its name ({@code keystorePasswordSecretKey:
     * keystore-password}, {@code tokenSecretKey: "token"}, {@code hostedGrafanaIdSecretKey: "hosted-grafana-id"}): the
     * key to read inside the Kubernetes Secret the sibling {@code …SecretName} names. An S3 {@code secretKey} or a
     * {@code minioSecretKey: minio123} is not one.
     */
    static boolean namesKeyOfSecret(String key, String squashedValue) {
        return namesKeyOfSecret(key, squashedValue, squashedValue);
    }

    /**
     * As {@link #namesKeyOfSecret(String, String)}; with the value as written, a name of two words or more before
     * {@code SecretKey} ({@code rootPasswordSecretKey: "minio-root-password"}, {@code accessKeyIdSecretKey:
     * "minio-root-user"}, the keys a chart reads from the Secret its {@code existingSecret} names) whose value is
     * lower-case words joined by dashes: the name of a key in a Kubernetes Secret, not its value.
     */
    static boolean namesKeyOfSecret(String key, String squashedValue, String value) {
        List<String> ws = words(key);
        int n = ws.size();
        if (n < 3 || !ws.get(n - 2).equals("secret") || !ws.get(n - 1).equals("key")) {
            return false;
        }
        return squashedValue.equals(String.join("", ws.subList(0, n - 2)))
                || n >= 4 && SECRET_DATA_KEY.matcher(value).matches();
    }

    /** A Kubernetes Secret's data key as charts name them: lower-case words joined by dashes ({@code minio-root-user}). */
    private static final Pattern SECRET_DATA_KEY = Pattern.compile("[a-z]+(?:-[a-z]+)+");

    /** A secret store's entry: a lower-case path or name, a colon, and a field of lower-case words. */
    private static final Pattern STORE_ENTRY = Pattern.compile("[a-z0-9][a-z0-9._/-]*[-/][a-z0-9._/-]*:([a-z]+(?:[_-][a-z]+)*)");
    /** The HTML elements whose name= and value= are a form's control and what it sends, not a setting. */
    private static final Pattern FORM_CONTROL = Pattern.compile("(?i)<(?:input|option|button|select|textarea|meta)\\b[^<>]*\\z");

    /** Whether the attribute at {@code at} is inside the opening tag of an HTML form control on its line. */
    private static boolean isFormControl(String t, int lineStart, int at) {
        int lt = t.lastIndexOf('<', at);
        return lt >= lineStart && FORM_CONTROL.matcher(t.substring(lt, at)).find();
    }

    /** A secret store's path before a colon: lower-case words, digits, dots, slashes and dashes. */
    private static final Pattern STORE_PATH = Pattern.compile("[a-z0-9][a-z0-9._/-]*");

    /** Letters and digits only, lower case: how a value and a key are compared ("PGP_SIGN_KEY" and "pgp-sign-key"). */
    /** Words that make a constant the name of a setting rather than its value: KEY_, NAME_, _FIELD, _PARAM … */
    private static final Set<String> NAMING_WORDS = Set.of("key", "name", "field", "param", "opt", "option", "arg",
            "prop", "property", "setting", "attr", "attribute", "label", "id", "var", "env", "header", "column", "col");

    /**
     * Whether the value spells the key's own words without a naming word at either end ({@code KEY_MAIL_SERVICE_PASSWORD
     * = "mail-service-password"}, {@code PASSWORD_FIELD = "password"}, {@code HEADER_X_API_TOKEN = "X-Api-Token"}): a
     * table of setting names, form fields or headers, written in the spelling the other side expects. KEY counts at the
     * start only: SECRET_KEY = "secret" and API_KEY = "apikey" are values.
     */
    static boolean namesItself(String key, String squashedValue) {
        if (squashedValue.length() < 4) {
            return false;
        }
        String[] words = KEY_WORDS.split(key);
        if (words.length < 2) {
            return false;
        }
        String first = words[0].toLowerCase(Locale.ROOT);
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        String squashedKey = squash(key);
        return NAMING_WORDS.contains(first) && squashedKey.substring(first.length()).equals(squashedValue)
                || NAMING_WORDS.contains(last) && !last.equals("key") // SECRET_KEY = "secret" is a (weak) key
                        && squashedKey.substring(0, squashedKey.length() - last.length()).equals(squashedValue);
    }

    private static String squash(String s) {
        return NOT_ALNUM.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A store's item named in snake case, and a field: {@code grafana_cloud_access_policy_token:value}. */
    private static final Pattern NAMED_ENTRY = Pattern.compile("([a-z][a-z0-9]*(?:_[a-z0-9]+)+):([a-z]+(?:[_-][a-z]+)*)");

    /**
     * Whether a value names an entry of a secret store rather than holding a secret: {@code signing-key:passphrase},
     * {@code ci/registry:token} (a Vault secret path and field, read by a CI action), where the field is the very
     * secret the name asks for. A {@code user:password} pair has no path and is not one.
     */
    static boolean isStoreEntry(String key, String value) {
        int colon = value.lastIndexOf(':');
        if (colon > 0 && STORE_PATH.matcher(value.substring(0, colon)).matches()
                && squash(value.substring(colon + 1)).equals(squash(key)) && !squash(key).isEmpty()) {
            // a store's path and the key itself as the field: PGP_SIGN_KEY_PASSPHRASE=pgp:PGP_SIGN_KEY_PASSPHRASE (a CI
            // action that copies the named secrets of a vault path into the job's environment)
            return true;
        }
        Matcher named = NAMED_ENTRY.matcher(value);
        if (named.matches()) {
            // the item is named after the very secret the key asks for, the field is where its value is kept in it
            // (repo_secrets: GRAFANA_TOKEN=grafana_cloud_token:value, a CI action that copies from a secret store)
            String item = named.group(1).replace("_", "");
            for (String w : words(key)) {
                if ((PASSWORD_WORDS.contains(w) || SECRET_WORDS.contains(w)) && item.contains(w)) {
                    return true;
                }
            }
        }
        Matcher m = STORE_ENTRY.matcher(value);
        if (!m.matches()) {
            return false;
        }
        String field = SEPARATORS.matcher(m.group(1)).replaceAll("");
        for (String w : words(key)) {
            if ((PASSWORD_WORDS.contains(w) || SECRET_WORDS.contains(w) || w.equals("key")) && field.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Escape sequences only ({@code \n\n}, {@code \t}): the layout of a printed message. */
    private static final Pattern ESCAPES = Pattern.compile("(?:\\\\[nrt0]|\\s)+");

    /**
     * A line of a config file inside a string: at its start or after an escaped line break, a key (commented out or not)
     * and = or ': '.
     */
    private static final Pattern SNIPPET_LINE = Pattern.compile("(?:^|\\\\n)[ \\t]*#?[ \\t]*"
            + "[A-Za-z_][\\w.-]{0,63}[ \\t]*(?:=|:[ \\t])");
    /**
     * A string that starts as one config line: comments, then a key with {@code _ . -} in it and {@code =}, or any key
     * and {@code " = "} ({@code dns_provider_token = 0123…}, {@code dns_username=username}).
     */
    private static final Pattern SNIPPET_START = Pattern.compile("[ \\t]*(?:#[^\\\\]*\\\\n[ \\t]*)*"
            + "(?:[A-Za-z_]\\w*[.-]?\\w*[_.-][\\w.-]*[ \\t]*=|[A-Za-z_][\\w.-]{0,63}[ \\t]+=[ \\t])[ \\t]*[^\\s=]");

    /**
     * Whether a string value is the text of a config file: it starts with a config line ({@code "credentials":
     * "dns_x_token = …"}), or holds two or more {@code key = value} / {@code key: value} lines between escaped line
     * breaks ({@code "# API token\ndns_x_key = …\ndns_x_secret = …"}), the template a plugin catalogue gives a credentials
     * file. A file's text, not one secret: its lines are assignments of their own, which the scan judges one by one.
     */
    static boolean isConfigSnippet(String value) {
        if (SNIPPET_START.matcher(value).lookingAt()) {
            return true;
        }
        if (value.indexOf("\\n") < 0) {
            return false;
        }
        Matcher m = SNIPPET_LINE.matcher(value);
        int lines = 0;
        while (m.find()) {
            if (++lines == 2) {
                return true;
            }
        }
        return false;
    }

    /** A word and a number: hello456, secret2024 (a made-up secret, weak, not an identifier). */
    private static final Pattern WORD_AND_NUMBER = Pattern.compile("[A-Za-z]{3,}\\d{2,6}");

    /**
     * A comment that says the value is no secret ({@code // This is not actually a secret key, just a string we XOR
     * with}, {@code # not a secret: a public identifier}), on the value's line or the line above.
     */
    private static final Pattern DISCLAIMER = Pattern.compile(
            "(?i)(?://|#|/\\*|\\*|--|<!--).*\\b(?:is\\s+)?not\\s+(?:actually\\s+|really\\s+)?(?:an?\\s+)?(?:real\\s+)?"
                    + "(?:secret|credential|password)s?\\b(?!\\s+(?:yet|here|in\\s+git))");

    /**
     * A config template's instruction in its opening comment: {@code # Replace with your values}, {@code # Replace with
     * your API token from your account}, {@code ; Fill in your credentials}: every value below is the reader's to write.
     */
    private static final Pattern REPLACE_INSTRUCTION = Pattern.compile(
            "(?im)^[ \\t]*(?:#|;|//)[ \\t]*(?:replace|fill[ \\t]+in|fill[ \\t]+out)\\b[^\\n]*?\\byour\\b");
    /** How far into a file its opening comment is read. */
    private static final int TEMPLATE_HEAD = 1024;

    /**
     * Whether a comment on the value's line or the line above says it is no secret ({@link #DISCLAIMER}), or the opening
     * comment of a config file (not code) tells the reader to replace its values with theirs ({@link #REPLACE_INSTRUCTION}).
     */
    private static boolean disclaimed(ScanJob job, int valuePos) {
        if (job.kind != FileKind.CODE) {
            int head = Math.min(job.text.length(), TEMPLATE_HEAD);
            if (valuePos >= 0 && REPLACE_INSTRUCTION.matcher(job.text).region(0, head).find()) {
                return true;
            }
        }
        int ls = job.lineStart(valuePos);
        int from = ls == 0 ? 0 : job.lineStart(ls - 1);
        String lines = job.text.substring(from, job.lineEnd(valuePos));
        return lines.indexOf("not") >= 0 && DISCLAIMER.matcher(lines).find();
    }

    /** Whether a value with spaces has a random-looking word in it (12+ characters, not a path or a dotted name). */
    private static boolean hasRandomWord(String value) {
        for (String w : BLANKS.split(value)) {
            if (w.length() >= 12 && w.indexOf('/') < 0 && w.indexOf('.') < 0 && !SCRIPT_NAME.matcher(w).matches()
                    && !WORD_COMPOUND.matcher(w).matches() && Entropy.shannon(w) >= 3.5) {
                return true;
            }
        }
        return false;
    }

    /**
     * A package script's or a task's name, lower-case words joined by ':', '-' or '_' ({@code bun run run:prod:mysql},
     * {@code npm run build:watch-all}): a word of a command line, not a random one.
     */
    private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z]+(?:[:_-][a-z]+)+");

    /** Words, each capitalised or not, joined by '-' or '_' ({@code Anfrage-Body}, {@code Request_Header}): a compound of a language. */
    private static final Pattern WORD_COMPOUND = Pattern.compile("[A-Z]?[a-z]+(?:[-_][A-Z]?[a-z]+)+");

    /** The secret word of a key ("token", "secret", "key"): what a string about that secret would contain. */
    private static String lastSecretWord(String key) {
        List<String> ws = words(key);
        for (int i = ws.size() - 1; i >= 0; i--) {
            String w = ws.get(i);
            if (SECRET_WORDS.contains(w) || w.equals("key")) {
                return w;
            }
        }
        return "\u0000";
    }

    /** An environment variable name for a key: "spring.datasource.password" → SPRING_DATASOURCE_PASSWORD. */
    static String envName(String key) {
        return String.join("_", words(key)).toUpperCase(Locale.ROOT);
    }

    /** The words before "cookie" that make it Erlang's distribution cookie, a shared secret, not an HTTP cookie's name. */
    private static final Set<String> COOKIE_SECRET_BEFORE = Set.of("erlang", "release");

    /**
     * {@link #classifyWords}'s answers by name, shared by the scan threads: a tree repeats its names ({@code token},
     * {@code password}, {@code DB_PASSWORD}) thousands of times, and splitting a name into words is a regex. Emptied
     * when it holds {@link #KINDS_KEPT} names (a tree of generated names cannot grow it without bound).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Byte> KINDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KINDS_KEPT = 8192;
    private static final Kind[] KIND_BY_CODE = {null, Kind.PASSWORD, Kind.SECRET};

    /**
     * What the name {@code key} holds, judged by its words (a password, another secret, or null: not a secret's name,
     * or a name that describes one rather than holds it); remembered by name.
     */
    static Kind classify(String key) {
        Byte code = KINDS.get(key);
        if (code == null) {
            Kind k = classifyWords(key);
            code = (byte) (k == null ? 0 : k.ordinal() + 1);
            if (KINDS.size() >= KINDS_KEPT) {
                KINDS.clear();
            }
            KINDS.put(key, code);
        }
        return KIND_BY_CODE[code];
    }

    /** Whether a variable name holds a password, another secret, or neither, by its words. */
    private static Kind classifyWords(String key) {
        // a dotted name is a path of keys: its last part says what the value is (spring.datasource.password is a
        // password; traefik.http.routers.feedback-token.tls.certresolver names a resolver, whatever its router is called)
        int dot = key.lastIndexOf('.');
        List<String> words = words(dot >= 0 && dot < key.length() - 1 ? key.substring(dot + 1) : key);
        if (words.isEmpty()) {
            return null;
        }
        String last = words.get(words.size() - 1);
        if (last.equals("cookie") && words.size() > 1 && COOKIE_SECRET_BEFORE.contains(words.get(words.size() - 2))) {
            return Kind.SECRET; // the shared secret Erlang nodes authenticate with (RABBITMQ_ERLANG_COOKIE, RELEASE_COOKIE)
        }
        if (NOT_SECRET_FIRST.contains(words.get(0)) && words.size() > 1) {
            return null; // a message about a secret (Go's errFmtOIDCProviderNoPrivateKey = "…: option `jwks` is required"), a hash
        }
        if (words.size() == 2 && ACTION_FIRST.contains(words.get(0))) {
            return null; // an action on the secret and its option: Ansible's update_password: always, force_password_change
        }
        if (CODE_LAST.contains(last) && words.size() > 1 && !PASSWORD_WORDS.contains(words.get(words.size() - 2))
                && !SECRET_WORDS.contains(words.get(words.size() - 2))) {
            return null; // a code or status about a secret (ldapPasswordComplexityCode = "0000052D."); a secret_code is one
        }
        if (NOT_SECRET_LAST.contains(last) && !(last.equals("key") && words.size() > 1 && KEY_PREFIXES.contains(words.get(words.size() - 2)))) {
            return null;
        }
        if (DIGEST_ENCODINGS.contains(last) && words.size() > 1 && DIGEST_WORDS.contains(words.get(words.size() - 2))) {
            return null; // a digest written out: ClickHouse's <password_sha256_hex>, <password_double_sha1_hex>
        }
        if (last.equals("secret") && words.size() > 1 && SECRET_OBJECT_WORDS.contains(words.get(words.size() - 2))) {
            return null; // the name of a Kubernetes Secret holding credentials or certificates
        }
        if (VariableNames.isClientCredential(String.join("_", words))) {
            return Kind.PASSWORD; // REDISCLI_AUTH, SSHPASS: what a command-line client logs in with
        }
        if (isPublicByName(words) || words.stream().anyMatch(ELSEWHERE_WORDS::contains)
                || VariableNames.isPublicBundled(String.join("_", words))) {
            return null; // REACT_APP_ANALYTICS_TOKEN: a bundler inlines it into the code every browser downloads
        }
        if (Collections.indexOfSubList(words, CLUSTER_TOKEN) >= 0) {
            return null; // etcd's initial cluster token (ETCD_INITIAL_CLUSTER_TOKEN, initialClusterToken): tells clusters apart
        }
        for (int i = 0; i < words.size(); i++) {
            String w = withoutIndex(words.get(i));
            if (w.equals("pass") && i + 1 < words.size() && PASS_VERB_NEXT.contains(words.get(i + 1))) {
                continue; // the verb: clippy's needless_pass_by_value, a proxy's pass_through, a value passed along
            }
            if (w.equals("pass") && i > 0 && PASS_ROUND_BEFORE.contains(words.get(i - 1))) {
                continue; // a round of a process: an encoder's hwScaleFilterFirstPass, a two_pass filter, a render pass
            }
            if (w.equals("password") && i > 0 && ONE_WORDS.contains(words.get(i - 1))) {
                continue; // the password manager 1Password: external-secrets' CallOnePasswordSDKResolve, a OnePasswordSDK provider
            }
            if (w.equals("pwd") && i > 0 && words.get(i - 1).equals("ice")) {
                continue; // an SDP offer's a=ice-pwd: the ICE password each call draws for itself (RFC 8839), a captured session's
            }
            if ((PASSWORD_WORDS.contains(w) || SECRET_WORDS.contains(w)) && i + 2 < words.size()
                    && KIND_WORDS.contains(words.get(i + 1))) {
                return null; // an enum constant of the kinds of a secret: TokenTypeVerification = "verification", PasswordKindOtp
            }
            if (PASSWORD_WORDS.contains(w) || isCompoundPassword(w)) {
                return Kind.PASSWORD;
            }
            if (w.equals("token") && i > 0 && NOT_SECRET_BEFORE_TOKEN.contains(words.get(i - 1))) {
                return null;
            }
            if (SECRET_WORDS.contains(w)) {
                return Kind.SECRET;
            }
            if (w.equals("key") && i > 0 && KEY_PREFIXES.contains(words.get(i - 1))) {
                return Kind.SECRET;
            }
        }
        return null;
    }

    /**
     * A word without the index a numbered setting appends to it: {@code DB_PASSWORD1} (the first of several databases)
     * is a password, {@code secret2} a secret. A word that is all digits, or has none, is kept.
     */
    private static String withoutIndex(String w) {
        int end = w.length();
        while (end > 0 && Character.isDigit(w.charAt(end - 1))) {
            end--;
        }
        return end == 0 || end == w.length() ? w : w.substring(0, end);
    }

    private static final List<String> CLUSTER_TOKEN = List.of("initial", "cluster", "token");
    /** After "pass", words that make it the verb ({@code pass_by_value}, {@code pass_through}), not a password. */
    private static final Set<String> PASS_VERB_NEXT = Set.of("by", "through", "thru", "along", "on");
    /** Before "pass", words that make it a round of a process ({@code firstPass}, {@code two_pass}), not a password. */
    private static final Set<String> PASS_ROUND_BEFORE = Set.of("first", "second", "third", "final", "single", "multi",
            "double", "two", "2nd", "render", "shadow", "blur", "compile", "lint", "encode", "decode");
    private static final Set<String> PUBLIC_WORDS = Set.of("public", "publishable");
    /** Before "password", the words that make it the password manager 1Password ({@code OnePasswordSDK}, {@code op_1_password}). */
    private static final Set<String> ONE_WORDS = Set.of("one", "1");
    /**
     * The outcomes a check or a job ends in: after a key "pass" ({@code pass: "success"} beside
     * {@code passed: "success"}, {@code fail: "error"}), a status map's entry, not a password.
     */
    private static final Set<String> OUTCOME_WORDS = Set.of("success", "succeeded", "successful", "passed", "failed",
            "failure", "fail", "error", "skipped", "pending", "warning", "ok", "done", "green", "red");
    /** After a secret word and before a variant's name, words that make the name a kind of the secret ({@code TokenTypeVerification}). */
    private static final Set<String> KIND_WORDS = Set.of("type", "kind", "category");
    private static final Set<String> PRIVATE_WORDS = Set.of("secret", "private", "password", "passwd", "pwd", "privatekey",
            "secretkey", "clientsecret", "apisecret");

    /**
     * A name that says its value is public: .NET's {@code publicKeyToken} (the 16-hex token of a signed assembly's
     * public key, in every Web.config and .csproj), a key pair's {@code public_key}, a {@code publishable_key}, a
     * bundler's {@code NEXT_PUBLIC_…_KEY} (shipped to every browser). Unless it also says secret or private
     * ({@code NEXT_PUBLIC_STRIPE_SECRET_KEY} is a leak however it is named); provider-format tokens are found by
     * their own rules whatever the name.
     */
    static boolean isPublicByName(List<String> words) {
        return words.stream().anyMatch(PUBLIC_WORDS::contains) && words.stream().noneMatch(PRIVATE_WORDS::contains);
    }

    /** One word ending in "password" or "passwd": libpq's PGPASSWORD, sqlcmd's SQLCMDPASSWORD, a DBPASSWORD. */
    private static boolean isCompoundPassword(String w) {
        if (w.equals("onepassword") || w.equals("1password")) {
            return false; // the password manager 1Password (ONEPASSWORD_VAULT): its token is found by its own word
        }
        if (w.startsWith("no")) {
            return false; // sudoers' NOPASSWD: tag, a nopassword flag: the absence of a password
        }
        return w.length() > 8 && w.endsWith("password") || w.length() > 6 && w.endsWith("passwd");
    }

    /** "DB_PASSWORD" → [db, password]; "apiKey" → [api, key]; "x-api-key" → [x, api, key]. */
    static List<String> words(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        String k = key;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            if (Character.isUpperCase(c) && w.length() > 0 && (Character.isLowerCase(w.charAt(w.length() - 1))
                    || i + 1 < k.length() && Character.isLowerCase(k.charAt(i + 1)) && Character.isUpperCase(w.charAt(w.length() - 1)))) {
                flush(w, out);
            }
            w.append(c);
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString().toLowerCase(Locale.ROOT));
            w.setLength(0);
        }
    }
}
