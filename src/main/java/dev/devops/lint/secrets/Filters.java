package dev.devops.lint.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that look like secrets but are not: placeholders, references to where the real secret
 * lives, documented example keys, identifiers, hashes and labels. Each test is a named method so the
 * reason a value was dropped is easy to find; {@link #reason} returns it.
 */
public final class Filters {
    // the patterns String.split would compile at every call, compiled once
    private static final java.util.regex.Pattern WORD_SEPARATORS = java.util.regex.Pattern.compile("[-_]");
    private static final java.util.regex.Pattern RULE_SEPARATORS = java.util.regex.Pattern.compile("[|:]");

    private Filters() {
    }

    /**
     * Keys their vendors publish, the same in every installation, so that a copy in a repository grants nothing
     * (emulators' fixed keys, documentation test keys): each one's length and SHA-256 digest, so this file is no
     * secret-shaped fixture itself and only a value of a published key's length is ever hashed.
     */
    private record PublishedKey(int length, String sha256) {
    }

    private static final List<PublishedKey> PUBLISHED_KEYS = List.of(
            // the Azurite / Azure Storage emulator account key (account devstoreaccount1)
            new PublishedKey(88, "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059"),
            // the Azure Cosmos DB emulator key
            new PublishedKey(88, "aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615"),
            // Stripe's documentation test-mode secret key
            new PublishedKey(32, "2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326"),
            // the verification token of Slack's Events API documentation (its url_verification example), copied into
            // the sample payloads of every Slack integration
            new PublishedKey(24, "304779c4de12ef17c3b7f21104206b3da838c50637d21fe474dd7100f18724c4"),
            // Google's reCAPTCHA v2 test secret key (its FAQ's automated-testing keys: every verification passes), the
            // development default of every app with a CAPTCHA
            new PublishedKey(40, "f5e95c9954635b65acab57e6d5ea663eb900f06dc8794a90358f5abb1c77d4e0"));
    private static final Set<Integer> PUBLISHED_KEY_LENGTHS =
            Set.copyOf(PUBLISHED_KEYS.stream().map(PublishedKey::length).toList());

    private static final Set<String> WORDS = Set.of("null", "nil", "none", "undefined", "true", "false", "yes", "no",
            "on", "off", "password", "passwd", "pass", "pwd", "secret", "secrets", "token", "apikey", "api_key", "api-key",
            "key", "value", "string", "str", "default", "empty", "required", "optional", "test", "testing", "foo", "bar",
            "foobar", "baz", "example", "sample", "dummy", "placeholder", "redacted", "hidden", "masked", "secret_key",
            "private", "private_key", "access_key", "access_token", "auth_token", "client_secret", "bearer", "basic",
            "env", "environment", "config", "passphrase", "passcode", "credential", "credentials", "setme", "set_me", "unset", "tbd", "todo", "n/a", "na",
            // an attribute cast or column type, not a value: Laravel's casts() ['password' => 'hashed'], 'encrypted'
            "hashed", "encrypted", "hash",
            // a value shown in place of the secret (a chat tool's config echoed back: ClientSecret = "obfuscated"), an
            // HTTP header's name (HEADER_KEY_TOKEN = 'Authorization')
            "obfuscated", "authorization", "proxy-authorization",
            // a value that says it does not matter (a demo's password = "irrelevant")
            "irrelevant", "unused", "ignored", "notused", "not_used", "not-used");

    private static final String[] PLACEHOLDER_PARTS = {"changeme", "change_me", "change-me", "changeit", "change_it",
        "changethis", "change_this", "replaceme", "replace_me", "replace-me", "your_", "your-", "yourpass", "yoursecret",
        "yourtoken", "yourkey", "yourapikey", "example", "sample", "placeholder", "dummy", "redacted", "xxxx", "****",
        // an elided value: "eyJhbG...2g", "depot_..." (three dots, as documentation shortens a token)
        "...", "\u2026", "insert_", "insert-", "enter_", "enter-", "put_your", "put-your", "fill_in", "fill-in", "fillin",
        "todo", "fixme", "notreal", "not_real", "not-a-real", "do-not-use", "do_not_use", "donotuse", "fake_", "fake-",
        // a test double's value: apiToken: mocked-api-token, mock_secret
        "mocked", "mock-", "mock_", "_here", "-here", "secret_goes",
        // filler words: re_blAh_blaHBlaHblahBLAhBlAh (a Resend key's prefix and "blah"), lorem ipsum
        "blah", "lorem",
        // an instruction to replace the value, however it is joined to the words around it: replace-with-your-key,
        // <stack>2replace2<field> in an example deployment's .env (a random value holds no 7-letter word by chance)
        "replace"};

    private static final String[] REFERENCE_PARTS = {"${", "{{", "}}", "%(", "%{", "#{", "@{", "<%", "process.env",
        "import.meta.env", "system.getenv", "getenv(", "os.environ", "env(", "env[", "env.", "environ[", "environ.get",
        "secrets.", "vault:", "ref+", "arn:aws:", "!ref", "@value", "secretkeyref", "valuefrom", "configmapkeyref",
        "getproperty(", "getsecret", "config.get", "config[", "settings.", "os.getenv", "keyring", "credentials("};

    /** printf / str.format / slf4j / MessageFormat placeholders: the value is a template, not a secret. */
    private static final Pattern FORMAT = Pattern.compile("%[-+ 0#]*\\d*(?:\\.\\d+)?[sdvqxf]|%\\(\\w+\\)[sdr]|\\{\\d*}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern GIT_SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern INTEGRITY = Pattern.compile("(?:sha1|sha256|sha384|sha512|md5)[-:][A-Za-z0-9+/=_-]{16,}|h1:[A-Za-z0-9+/=]{40,}");
    /**
     * A stored password hash, not a password: Django's {@code pbkdf2_sha256$iterations$salt$hash} (and its other
     * hashers), modular-crypt bcrypt / argon2 / sha-crypt ({@code $2b$12$…}, {@code $argon2id$…}, {@code $6$…}),
     * Spring Security's {@code {bcrypt}…} prefixes, LDAP's {@code {SSHA}…}. Logging in needs the password itself.
     */
    private static final Pattern PASSWORD_HASH = Pattern.compile(
            "(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt|scrypt|sha1|md5|unsalted_md5|unsalted_sha1)\\$[^\\s$]+\\$.+"
                    + "|\\$(?:2[abxy]|argon2(?:id|i|d)|[156]|scrypt|pbkdf2(?:-sha\\d+)?)\\$[./A-Za-z0-9+=,$-]{20,}"
                    + "|\\{(?:bcrypt|noop-hash|pbkdf2|scrypt|argon2|sha256|SSHA|SSHA256|SSHA512|SHA|SMD5|CRYPT)}\\S{16,}");
    /**
     * A value encrypted at rest, safe to commit by design: EJSON's {@code EJ[1:<public key>:<nonce>:<ciphertext>]}
     * (Shopify's ejson, the {@code secrets.ejson} files a deploy decrypts with a private key kept elsewhere), sops'
     * {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]}, HashiCorp Vault transit's {@code vault:v1:<ciphertext>}.
     */
    private static final Pattern ENCRYPTED = Pattern.compile(
            "EJ\\[\\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+]|ENC\\[[A-Z0-9_]+(?:,data:[^\\]]*])?|vault:v\\d+:[A-Za-z0-9+/=]+");
    /**
     * Identifiers: snake, dotted, SCREAMING and camel case, and dotted names whose parts are kebab-case words (a syntax
     * highlighter's token scopes, {@code token: "meta.tag.punctuation.tag-close.xml"}, {@code "tb.scada-symbol-ctx"}, {@code 'tb.calculated-field-latestTs'}).
     */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "[a-z]+(?:[_.][a-z]+)+|[A-Z]+(?:_[A-Z]+)+"
            // a dotted name numbered in its last parts: a highlighter's scope "markup.heading.1"
            + "|[a-z]+(?:[_.][a-z]+)*\\.[a-z]+(?:\\.\\d{1,3})+|[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+"
            + "|[a-z][a-zA-Z]*(?:-[a-z][a-zA-Z]*)*(?:\\.[a-z][a-zA-Z]*(?:[-_][a-z][a-zA-Z]*)*)+");
    private static final Pattern LABEL = Pattern.compile("[¿¡\"'(]?[\\p{L}\\p{M}][\\p{L}\\p{M}'\u2019 ,.:!?()-]*\\s[\\p{L}\\p{M}'\u2019 ,.:!?()-]*");
    private static final Pattern FILE_REF = Pattern.compile(
            "(?:/|\\./|\\.\\./|~/|[A-Za-z]:\\\\|file:).*|.*\\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|properties|conf|gpg|asc)"
            // an id and the file it is read from: systemd's LoadCredential=TOKEN:/etc/app/token, a secret's id:/run/secrets/x
            + "|[A-Za-z_][\\w.-]*:/(?!/)[\\w./-]+");
    private static final Pattern TRIVIAL = Pattern.compile(
            "x+|\\*+|\\.+|#+|-+|_+|0+|1234(5(6(7(8(9(0)?)?)?)?)?)?|abc(d(e(f)?)?)?|qwerty|letmein|secret\\d*|password\\d*|pass\\d*|test\\d*|foo\\d*");
    /** Identifiers that name a secret rather than hold one: paths and keys ("auth/invalid_token",
     * "security.example.io/access-token"), URNs, SCREAMING_SNAKE constants with digits, a leading underscore. */
    private static final Pattern NAME_LIKE = Pattern.compile("[a-z_][a-z0-9_.-]*(?:/[a-z0-9_.-]+)+|(?i:urn):[\\w.:-]+"
            + "|_?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|_[a-z0-9]+(?:_[a-z0-9]+)+"
            // a dunder name: Vendure's channel token "__default_channel__", Python's "__main__"
            + "|__[a-z0-9]+(?:_[a-z0-9]+)*__");
    /**
     * A CSS custom property's name ({@code token: "--color-text-bright"}, a design system's token table) or a long
     * command-line option: two dashes and words joined by dashes ({@code --color-apiKeys}). A name, not a value.
     */
    private static final Pattern CUSTOM_PROPERTY = Pattern.compile("--[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*");
    /**
     * A qualified name with {@code ::} (Rust's {@code serde_json::Value}, C++'s {@code std::string}, PHP's and Ruby's
     * {@code Foo::Bar}): a type or item path a code generator writes, not a value.
     */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+"
            // PHP's namespaced class name, its backslashes escaped or not (a JSON map of function to class:
            // "Espo\\Core\\Formula\\…\\GetAccessTokenType"): three capitalised parts or more
            + "|\\\\{0,2}[A-Z][A-Za-z0-9_]*(?:\\\\{1,2}[A-Z][A-Za-z0-9_]*){2,}");
    /** Capitalised words joined by '/' ({@code credentials: "Email/Password"}): a label naming a choice. */
    private static final Pattern SLASHED_LABEL = Pattern.compile("[A-Z][a-z]+(?:/[A-Z][a-z]+)+");
    /** A string constant of lowercase words (an enum value, an option, a key): 'same-origin', 'current-password'. */
    private static final Pattern LOWER_WORDS = Pattern.compile("[a-z]+(?:[-_][a-z]+)+");
    /**
     * In code, an at-sign before a lower-case name: a reference to a named thing, not a value (a Monarch tokenizer's
     * {@code token: "@rematch"} / {@code next: "@pop"}, a decorator's or a mention's name).
     */
    private static final Pattern AT_NAME = Pattern.compile("@[a-z][a-zA-Z]*");
    private static boolean isAscii(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Version numbers and ranges: "^0.4.1", "~1.2", ">=2.0.0-rc.1". */
    private static final Pattern VERSION = Pattern.compile("[~^<>=v]*\\d+(?:\\.\\d+)+(?:[-+][\\w.]+)?");
    /**
     * A package manager's dependency specifier by protocol: {@code "@scope/credentials": "workspace:*"} (a monorepo
     * package whose name ends in a secret word), {@code catalog:}, {@code npm:other@^1.2}, {@code link:../pkg}.
     */
    private static final Pattern PACKAGE_SPEC = Pattern.compile("(?:workspace|catalog|link|portal|npm|jsr):[\\w@/.*^~<>=|-]*");
    /**
     * Scripts no password is written in: CJK, Hangul, kana, Thai, Arabic, Hebrew, Devanagari — UI text. Asked only of
     * values with a non-ASCII character: each script property looks a character up in the Unicode tables, eight per
     * character of every candidate value.
     */
    private static final Pattern SCRIPT_TEXT = Pattern.compile(".*[\\p{IsHan}\\p{IsHangul}\\p{IsHiragana}\\p{IsKatakana}"
            + "\\p{IsThai}\\p{IsArabic}\\p{IsHebrew}\\p{IsDevanagari}].*");
    /** The words of hash, cipher and signature scheme names ({@link #isAlgorithmName}). */
    private static final Set<String> ALGORITHM_WORDS = Set.of("md4", "md5", "sha", "sha1", "sha2", "sha3", "sha224", "sha256",
            "sha384", "sha512", "crypt", "bcrypt", "scrypt", "yescrypt", "argon2", "argon2i", "argon2d", "argon2id", "pbkdf2",
            "hmac", "cram", "ssha", "ssha256", "ssha512", "smd5", "des", "3des", "blowfish", "aes", "aes128", "aes256", "cbc",
            "gcm", "ctr", "rsa", "ecdsa", "ed25519", "hs256", "hs384", "hs512", "rs256", "es256", "ntlm", "md5crypt",
            "sha256crypt", "sha512crypt");

    /**
     * A hash, cipher or signature scheme's name: words of {@link #ALGORITHM_WORDS} and numbers joined by '-', '_' or '+'
     * ({@code md5-crypt}, {@code cram-md5+md5-crypt}, {@code aes-256-gcm}), the choice a setting makes, not a secret.
     */
    static boolean isAlgorithmName(String v) {
        if (v.length() > 48) {
            return false;
        }
        boolean word = false;
        for (String part : v.toLowerCase(Locale.ROOT).split("[-_+]", -1)) {
            if (ALGORITHM_WORDS.contains(part)) {
                word = true;
            } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
        }
        return word;
    }

    /**
     * Text in a human language written with letters outside ASCII and no ASCII digit: a label or a sentence in an accented
     * Latin, Cyrillic, Armenian, Khmer or Burmese script ({@code Lösenord}, {@code Contraseña}, a translated error
     * message). Generated credentials are ASCII.
     */
    static boolean isWordsOfALanguage(String v) {
        boolean letter = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                return false;
            }
            letter |= c >= 0x80 && Character.isLetter(c);
        }
        return letter;
    }

    /** Words joined by separators, with at most a short number after: "mall-admin-secret", "openmysql", "admin123". */
    private static final Pattern DICTIONARY_LIKE = Pattern.compile("(?:[a-z]+(?:[-_.@ ][a-z]+)*|[A-Z]+(?:[-_.@ ][A-Z]+)*"
            + "|[A-Z][a-z]+(?:[-_.@ ]?[A-Z][a-z]+){0,2})[-_.@]?\\d{0,6}[!@#$%*.?]{0,2}|\\d+");
    /**
     * Four or more lowercase words joined by '-' or '_', numbers standing as words of their own: a sentence such as
     * "my-dev-signing-secret-of-at-least-48-chars" (what {@link #DICTIONARY_LIKE} reads only with the number last);
     * a word may be a numeronym of one digit ("e2e", "i18n", "k8s").
     */
    private static final Pattern WORD_SENTENCE = Pattern.compile("[a-z]+(?:[-_](?:[a-z]+(?:\\d[a-z]+)?|\\d{1,4})){3,}");
    /** A CSS id selector or a page anchor: '#' and an identifier of letters and dashes, no digits. */
    private static final Pattern ELEMENT_ID = Pattern.compile("#[A-Za-z][A-Za-z_-]*");
    /** Words that make a value a default or development credential. */
    private static final String[] DEFAULT_WORDS = {"test", "dev", "demo", "local", "change", "secret", "passw", "pass",
        "admin", "default", "root", "guest", "user", "e2e", "seed"};
    private static final Pattern DEFAULT_TRIVIAL = Pattern.compile(
            "1234(5(6(7(8(9(0)?)?)?)?)?)?(?:[a-z]{1,3}|[!@#$%*.?])?|abc(d(e(f)?)?)?|qwerty|letmein|secret\\d*|password\\d*|pass\\d*|test\\d*|foo\\d*"
            + "|admin\\d*|root|toor|guest|demo|postgres|mysql|mariadb|minioadmin|changeit"
            // a credential word behind an intensifier: "supersecret", "topsecret", "mysecretpassword"
            + "|(?:super|top|my)secret\\d*|(?:super|my)(?:secret)?password\\d*"
            // the digits or hex digits in order, repeated to a key's length: "0123456789abcdef0123456789abcdef"
            + "|(?:0123456789abcdef)+|(?:0123456789)+|(?:1234567890)+");
    private static final Set<String> DEFAULT_CREDENTIAL_WORDS = Set.of("password", "passwd", "pass", "pwd", "secret",
            "secrets", "test", "testing", "default", "foo", "bar", "foobar", "baz", "passphrase", "passcode", "token",
            "apikey", "api_key", "api-key", "key", "private", "secret_key", "access_key", "access_token", "auth_token",
            "client_secret", "credential", "credentials");
    private static final Pattern LOWER_WORD_LIST = Pattern.compile("[a-z]+(?:[-_][a-z]+)+");
    /** Whole words of a value that make it a default credential: a password named as one ("secret_pw"). */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("pw", "pwd", "pass", "passwd", "password", "secret",
            "admin", "root", "guest", "demo", "dev", "test", "default", "changeme");
    /**
     * A method or handler name in camel case with a digit before one of its words ({@code render2FaUserSettings},
     * {@code convert2HtmlText}): three or more words, the name an event map hands control to.
     */
    private static final Pattern CAMEL_NAME_WITH_DIGIT = Pattern.compile("[a-z]+(?=.*\\d[A-Z])(?:\\d?[A-Z][a-z]+){2,}");

    /** Words in camel case, nothing else: "UberSecretPassword", "adminPass". */
    private static final Pattern CAMEL_WORDS = Pattern.compile("[A-Za-z][a-z]+(?:[A-Z][a-z]+)+");
    private static final Pattern CAMEL_WORD = Pattern.compile("[A-Za-z][a-z]+");
    private static final String[] DEFAULT_PARTS = {"changeme", "change_me", "change-me", "changeit", "change_it",
        "changethis", "change_this", "replaceme", "replace_me", "replace-me",
        // a value that says it is none: Symfony demo's APP_SECRET=not-a-secret-…, "notasecret", "not_so_secret"
        "not-a-secret", "not_a_secret", "notasecret", "not-so-secret", "not_so_secret", "notsosecret", "insecure-"};
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}");
    /**
     * A sentence written in camel case, numbers and the one-letter words "A" and "I" allowed as words: Laravel's
     * "SomeRandomStringOf32CharsExactly", an installer's "JustAKeyForTheInstallation".
     */
    private static final Pattern CAMEL_SENTENCE = Pattern.compile("[A-Z][a-z]+(?:[A-Z][a-z]+|[AI](?=[A-Z][a-z])|\\d+)+");
    /**
     * A list of validation rules (Laravel's {@code 'required|string|max:255'}, a form library's {@code 'nullable|email'}):
     * rule names, each with its arguments after a colon, joined by {@code |}.
     */
    /**
     * Laravel's validation rules: {@code 'required|min:8|confirmed'}, also cut short where the code goes on
     * ({@code 'confirmed|'.Setting::rules()}, {@code 'required|notIn:["'.$user->email.'"'}: a trailing pipe, a rule whose
     * argument the code builds) and with an app's own rule names ({@code not_array}) beside the framework's.
     */
    private static final Pattern RULE_LIST = Pattern.compile("[a-z_]+(?::[^|\\s]*)?(?:\\|[a-zA-Z_]+(?::[^|\\s]*)?)*\\|?");
    private static final Set<String> RULE_WORDS = Set.of("required", "nullable", "sometimes", "string", "confirmed",
            "min", "max", "size", "between", "email", "alpha", "alpha_dash", "alpha_num", "numeric", "integer", "regex",
            "same", "different", "present", "filled", "bail", "uuid", "current_password", "password", "unique", "exists",
            // the conditional and typed rules: 'required_unless:mail_driver,log', 'required_with:password', 'string|check'
            "required_if", "required_unless", "required_with", "required_with_all", "required_without",
            "required_without_all", "required_if_accepted", "prohibited", "prohibited_if", "prohibited_unless", "missing",
            "missing_if", "missing_unless", "exclude", "exclude_if", "exclude_unless", "accepted", "accepted_if",
            "declined", "array", "boolean", "bool", "date", "date_format", "digits", "digits_between", "file", "image",
            "in", "not_in", "json", "url", "active_url", "ip", "ipv4", "ipv6", "mimes", "mimetypes", "starts_with",
            "ends_with", "lowercase", "uppercase", "ascii", "timezone", "gt", "gte", "lt", "lte", "ulid", "int");
    /**
     * Rules that name a condition on other fields or a type, which a value never starts with by chance: a list may open
     * with one ('string|check', an app's own rule after it) and one of them with its arguments is a rule list on its own
     * ('required_unless:mail_driver,log').
     */
    private static final Set<String> RULE_CONDITIONS = Set.of("required_if", "required_unless", "required_with",
            "required_with_all", "required_without", "required_without_all", "required_if_accepted", "prohibited_if",
            "prohibited_unless", "missing_if", "missing_unless", "exclude_if", "exclude_unless", "accepted_if",
            "date_format", "digits_between", "not_in", "starts_with", "ends_with", "mimetypes");
    private static final Set<String> RULE_TYPES = Set.of("string", "array", "boolean", "integer", "numeric", "email",
            "date", "file", "image", "url", "json", "uuid");
    private static final Pattern SENTENCE = Pattern.compile("(?i)\\s*[a-z]+(?:[-_ ][a-z0-9]+){3,}[.!]?\\s*");

    /**
     * Rate limits (django-allauth's {@code "1/m/ip,1/m/key"}, django-ratelimit's and DRF's {@code "100/day"}, {@code "5/m"}):
     * a count per period, optionally per key, comma-separated.
     */
    private static final Pattern RATE_LIMIT = Pattern.compile(
            "(?i)\\d+/(?:s|sec|second|m|min|minute|h|hr|hour|d|day|w|week)s?(?:/[a-z_]+)?(?:\\s*,\\s*\\d+/[a-z]+(?:/[a-z_]+)?)*");
    /**
     * A regular expression ({@code sed "s/KEY=.*&#47;KEY=$VALUE/"} reads as KEY = {@code .*&#47;KEY=$VALUE/g}), or one
     * anchored at both ends around a quantifier or a class: a password policy's {@code PasswordPattern = `^.{8,32}$`}.
     */
    private static final Pattern REGEX = Pattern.compile("\\.[*+].*|\\^.*(?:[.\\]][*+?]|[.\\])]\\{\\d+(?:,\\d*)?}).*\\$");
    /**
     * A key its provider makes to be shipped to every browser, public by design, by its prefix: PostHog's project API
     * key ({@code phc_…}), Datadog's browser client token ({@code pub} and 32 hex digits), Stripe's and Clerk's
     * publishable keys ({@code pk_live_…}, {@code pk_test_…}). Whatever the key it is held under ({@code api_key},
     * {@code client_token}); the secret keys of the same providers have prefixes of their own.
     */
    private static final Pattern PUBLISHABLE_KEY = Pattern.compile(
            "phc_[A-Za-z0-9]{32,64}|pub[0-9a-f]{32}|pk_(?:live|test)_[A-Za-z0-9]{16,}");
    /**
     * A regular expression by its escapes or a sed command's end anchor and delimiter: the pattern of
     * {@code sed 's/^a\\.password=default\\.password$/…/'} read as the value of a password key.
     */
    private static final Pattern REGEX_ESCAPES = Pattern.compile(".*\\\\[.dwsb].*\\\\[.dwsb(\\[].*|.*\\$/.*");
    /** An index expression: Ruby's {@code flash[:application_secret].presence}, {@code params["token"]}, {@code ENV['X']}. */
    private static final Pattern INDEX_EXPRESSION = Pattern.compile(
            "[@a-zA-Z_$][\\w$]*(?:\\[(?::\\w+|'[^']*'|\"[^\"]*\"|\\w+)\\])+(?:\\.[a-zA-Z_$][\\w$?!]*|\\[[^\\]]+\\])*");
    /**
     * An object named by its dotted module path and attribute: a Python entry point or plugin
     * ({@code expire_api_token = ckanext.expire_api_token.plugin:ExpireApiTokenPlugin} in setup.cfg's entry points, a
     * plugin package's {@code myapp.plugins.auth:TokenAuth}), with optional extras in brackets. The module path has three
     * parts or more: {@code user:secret} and {@code first.last:secret} are logins.
     */
    private static final Pattern ENTRY_POINT = Pattern.compile(
            "[a-zA-Z_]\\w*(?:\\.[a-zA-Z_]\\w*){2,}:[a-zA-Z_]\\w*(?:\\.[a-zA-Z_]\\w*)*(?:\\s*\\[[\\w,\\s-]*])?");
    /** The modes of fetch's {@code credentials} option: {@code fetch(url, {credentials: "same-origin"})}. */
    private static final Set<String> FETCH_CREDENTIALS = Set.of("same-origin", "include", "omit");
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^@\\s]*");
    private static final Pattern CODE = Pattern.compile(".*(?:\\(.*\\)|\\)|->|=>|\\|\\||&&).*|[a-zA-Z_$][\\w$]*(?:\\.[a-zA-Z_$][\\w$]*)+"
            // a Ruby instance or class variable's attribute in a view: <%= … password_reset_token: @user.password_reset_token %>
            + "|@@?[a-z_]\\w*(?:\\.[a-zA-Z_]\\w*[?!]?)+[\\[(]?"
            // an arrow function's parameters cut at the comma: credentialsRequestReady = (container, selector) => …
            + "|\\([a-zA-Z_$][\\w$]*"
            // a Rails route's controller#action: match "/web_requests/:agent_id/:secret" => "web_requests#handle_request"
            + "|[a-z][a-z0-9]*(?:[_/][a-z0-9]+)+#[a-z][a-z0-9_]*|[a-z][a-z0-9]*#[a-z][a-z0-9]*(?:_[a-z0-9]+)+"
            // a call, also on an indexed element cut at its argument's quote: secret = vols[0].get("secret", {})
            + "|[a-zA-Z_$][\\w$.]*(?:\\[\\w+][\\w$.]*)*\\(.*"
            // a subscript cut at its key's quote: output['password'] = instance['password'], DATABASES['default']['PASSWORD']
            + "|[a-zA-Z_$][\\w$.]*(?:\\[\\w+])*\\["
            + "|(?i:new-object|new|function|lambda|await|async|null|nil|none|undefined)"); // PowerShell's new-object …

    /** Why {@code value} is not a secret, or null when it may be one. */
    public static String reason(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "empty";
        }
        if (isPublishedKey(v)) {
            return "published key";
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (WORDS.contains(lower)) {
            return "placeholder word";
        }
        if (ENCRYPTED.matcher(v).matches()) {
            return "encrypted value";
        }
        if (isReference(v, lower)) {
            return "reference";
        }
        if (isPlaceholder(v, lower) || isEncodedSentence(v) || isEncodedPlaceholder(v)) {
            return "placeholder";
        }
        if (lowVariety(v)) {
            return "repeated characters";
        }
        if (UUID.matcher(v).matches()) {
            return "uuid";
        }
        if (GIT_SHA.matcher(v).matches()) {
            return "git object id or hash";
        }
        if (INTEGRITY.matcher(v).matches()) {
            return "integrity hash";
        }
        if (PASSWORD_HASH.matcher(v).matches()) {
            return "password hash";
        }
        if (isCharacterSet(v)) {
            return "character set";
        }
        return null;
    }

    /**
     * Whether the value is a character set written out in order: twelve or more characters, each after the one before
     * in code order ({@code bcdfghjkmnpqrstvwxyz}, the consonants a token generator draws from; {@code 0123456789ABCDEF}).
     * Drawn at random, twelve characters come out sorted about once in 479 million.
     */
    static boolean isCharacterSet(String v) {
        if (v.length() < 12) {
            return false;
        }
        boolean gap = false;
        for (int i = 1; i < v.length(); i++) {
            if (v.charAt(i) <= v.charAt(i - 1)) {
                return false;
            }
            gap |= v.charAt(i) > v.charAt(i - 1) + 1;
        }
        return gap; // the alphabet without a gap (abcdefghijklmnop) is a typed default credential (isDefaultCredential)
    }

    /** The tests that apply to provider formats too: empty, reference, placeholder, repeated characters. */
    public static String placeholderOrReference(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "empty";
        }
        if (isPublishedKey(v)) {
            return "published key";
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (isReference(v, lower)) {
            return "reference";
        }
        if (isPlaceholder(v, lower) || isEncodedPlaceholder(v)) {
            return "placeholder";
        }
        return lowVariety(v) ? "repeated characters" : null;
    }

    /** Extra tests for free-form assignments (not for provider formats, which are precise already). */
    public static String reasonForAssignment(String value) {
        return reasonForAssignment(value, false);
    }

    /**
     * Extra tests for free-form assignments; {@code inCode}: the value is a string literal in source code,
     * where a constant of lowercase words ('same-origin', 'current-password') is an option or a key.
     */
    public static String reasonForAssignment(String value, boolean inCode) {
        String r = reason(value);
        if (r != null) {
            return r;
        }
        String v = value.strip();
        if (IDENTIFIER.matcher(v).matches() || NAME_LIKE.matcher(v).matches() || CUSTOM_PROPERTY.matcher(v).matches()
                || QUALIFIED_NAME.matcher(v).matches()) {
            return "identifier";
        }
        if (inCode && (LOWER_WORDS.matcher(v).matches() || AT_NAME.matcher(v).matches() || CAMEL_NAME_WITH_DIGIT.matcher(v).matches())) {
            return "identifier";
        }
        if (VERSION.matcher(v).matches() || PACKAGE_SPEC.matcher(v).matches()) {
            return "version";
        }
        if (LABEL.matcher(v).matches() && !v.contains("\\") || !isAscii(v) && (SCRIPT_TEXT.matcher(v).matches() || isWordsOfALanguage(v))
                || SLASHED_LABEL.matcher(v).matches()) {
            return "label text";
        }
        if (isAlgorithmName(v)) {
            return "algorithm name"; // password_ldap_encodage = 'md5-crypt', 'cram-md5+md5-crypt': the scheme a setting picks
        }
        if (RULE_LIST.matcher(v).matches() && isRuleList(v)) {
            return "validation rules";
        }
        if (FIELD_CONDITION.matcher(v).matches()) {
            return "condition"; // a form's visibility rule: "sms_provider=ovh" shows the field when that setting is ovh
        }
        if (v.startsWith("#/")) {
            return "reference"; // a JSON pointer: "#/components/schemas/Password"
        }
        if (ELEMENT_ID.matcher(v).matches()) {
            return "reference"; // an element's id: a toggle button's data-toggle-password="#Password" (a CSS selector)
        }
        if (RATE_LIMIT.matcher(v).matches()) {
            return "rate limit";
        }
        if (REGEX.matcher(v).matches() || REGEX_ESCAPES.matcher(v).matches()) {
            return "pattern";
        }
        if (PUBLISHABLE_KEY.matcher(v).matches()) {
            return "publishable key"; // shipped to every browser by design
        }
        if (INDEX_EXPRESSION.matcher(v).matches()) {
            return "code";
        }
        if (FETCH_CREDENTIALS.contains(v)) {
            return "option"; // fetch's credentials mode
        }
        if (FILE_REF.matcher(v).matches()) {
            return "file reference";
        }
        if (ENTRY_POINT.matcher(v).matches()) {
            return "code reference"; // a Python entry point (setup.cfg, pyproject.toml): module.path:Attribute
        }
        if (URL.matcher(v).matches()) {
            return "url without password";
        }
        if ((CODE.matcher(v).matches() || CONCATENATION.matcher(v).matches()) && !isGeneratedKey(v)) {
            return "code"; // but a generated key's '(' and ')' are drawn, not a call
        }
        if (isEncodedSettings(v)) {
            return "encoded settings";
        }
        return null;
    }

    /**
     * The rest of a string concatenation, read from the quote that closes the literal before it: PHP's
     * {@code 'PASSPORT_PRIVATE_KEY="'.Str::replace(…)} (a command printing the line to paste), JavaScript's
     * {@code "TOKEN='" + token}.
     */
    private static final Pattern CONCATENATION = Pattern.compile("[\"'`]\\s*[.+]\\s*[A-Za-z_$(\\\\].*");
    private static final Pattern CREDENTIAL_TEXT = Pattern.compile(
            "(?i).*(?:pass|pwd|secret|token|key|private|credential|auth|signature|session).*", Pattern.DOTALL);

    /**
     * base64 of a JSON object none of whose text names a credential: Squidex's embed {@code squidex-token="ewog…"} is
     * {@code {"u": "https://localhost:5001", "a": "test", "s": "test", "i": "<uuid>"}}, the address, app, schema and id
     * of the content to show. Encoded settings, not a secret; a base64 service-account JSON ({@code "private_key"}) or
     * Docker auth config ({@code "auths"}) names one and is still judged.
     */
    static boolean isEncodedSettings(String v) {
        if (v.length() < 24 || v.charAt(0) != 'e' || !BASE64.matcher(v).matches()) {
            return false; // "{" and "{\n" encode to "ey…" / "ew…": a cheap test before decoding
        }
        try {
            String text = new String(java.util.Base64.getDecoder().decode(v), java.nio.charset.StandardCharsets.ISO_8859_1).strip();
            if (!text.startsWith("{") || !text.endsWith("}")) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 || c > 0x7e) && c != '\n' && c != '\r' && c != '\t') {
                    return false;
                }
            }
            return !CREDENTIAL_TEXT.matcher(text).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Words fenced by a run of one punctuation mark on both sides ({@code ---invisible---}, {@code **hidden**}). */
    private static final Pattern FENCED_WORD = Pattern.compile("([-*_#=~])\\1+[A-Za-z][A-Za-z _-]*?\\1\\1+");

    private static final Pattern LONG_RUN = Pattern.compile("(.)\\1{9,}");

    /**
     * A provider token with ten or more of one character in a row: a Google client secret {@code GOCSPX-…} with sixteen {@code 0} in its middle, an API
     * response model's example with its middle zeroed. A random token of a provider's alphabet has no such run; key
     * material is not asked (an OpenSSH key's body has runs of 'A').
     */
    static boolean isMaskedToken(String v) {
        return v.length() <= 200 && LONG_RUN.matcher(v).find();
    }

    /**
     * A default or development credential: a value the placeholder filters drop in documentation and
     * examples, but which, in configuration the stack runs with, is the password it runs with
     * ({@code secret}, {@code password}, {@code changeme}, {@code changeit}, {@code admin123}, {@code 123456},
     * a base64-encoded "change-me" sentence). Not an unfilled placeholder ({@code <your-token>}, {@code xxxx}).
     */
    /**
     * Whether the value holds eight or more characters in alphabet order ({@code abcdefgh}, {@code STUVWXYZ},
     * {@code 23456789}): a sample typed to a key's length (a sample secrets bundle's
     * {@code abcdefghijklmnopqrstuvwxyz0123456789ABCD=}); a random value has such a run with a chance of about 60^-7.
     */
    static boolean hasAlphabetRun(String v) {
        int run = 1;
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            run = c == v.charAt(i - 1) + 1 && Character.isLetterOrDigit(c) ? run + 1 : 1;
            if (run >= 8) {
                return true;
            }
        }
        return hasInterleavedCount(v) || isCountedRuns(v);
    }

    /**
     * Whether the value is made of counted runs only, each of four characters or more up or down the alphabet or the
     * digits ({@code 54321abcde}, {@code abcde12345}, {@code 9876zyxw}), or of three runs or more of three
     * ({@code abc123def456}, {@code xyz789abc}): typed as a sample, never drawn (three runs of three in random base36
     * about once in 10^7 values).
     */
    static boolean isCountedRuns(String v) {
        if (v.length() < 8) {
            return false;
        }
        int shortest = v.length() >= 9 ? 3 : 4;
        int i = 0;
        while (i < v.length()) {
            if (!Character.isLetterOrDigit(v.charAt(i))) {
                return false;
            }
            int j = i + 1;
            int step = j < v.length() ? v.charAt(j) - v.charAt(i) : 0;
            if (step != 1 && step != -1) {
                return false;
            }
            while (j < v.length() && v.charAt(j) - v.charAt(j - 1) == step && Character.isLetterOrDigit(v.charAt(j))) {
                j++;
            }
            if (j - i < shortest) {
                return false;
            }
            i = j;
        }
        return true;
    }

    /**
     * Whether every other character counts up for six or more ({@code a1b2c3d4e5f6}, a sample payload's token
     * {@code …f1a2c3d4e5f6}): typed, never drawn (in random hex about once in 30,000 values, in base62 never).
     */
    static boolean hasInterleavedCount(String v) {
        if (UUID.matcher(v).matches()) {
            return false; // a UUID typed as a sample (a1b2c3d4-…-0e1f2a3b4c5d) is an id, no credential at all
        }
        for (int start = 0; start < 2; start++) {
            int run = 1;
            for (int i = start + 2; i < v.length(); i += 2) {
                char c = v.charAt(i);
                run = c == v.charAt(i - 2) + 1 && Character.isLetterOrDigit(c) ? run + 1 : 1;
                if (run >= 6) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isDefaultCredential(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (isReference(v, lower) || isUnfilled(lower) || YOUR_CAMEL.matcher(v).matches() || isVariableName(v, lower)) {
            return false;
        }
        if (DEFAULT_CREDENTIAL_WORDS.contains(lower) || DEFAULT_TRIVIAL.matcher(lower).matches()) {
            return true;
        }
        if (isDefaultPair(lower)) {
            return true;
        }
        if (hasAlphabetRun(v)) {
            return true; // "abcdefghijklmnopqrstuvwxyz0123456789AB…": the alphabet typed to the length a key needs
        }
        if (LOWER_WORD_LIST.matcher(lower).matches()) {
            // words that say what they are: "secret_pw", "another_pw", "admin-pass" (not an identifier where the
            // stack runs with it; a dotted name, var.db_password, is a reference)
            for (String w : WORD_SEPARATORS.split(lower)) {
                if (CREDENTIAL_WORDS.contains(w)) {
                    return true;
                }
            }
        }
        if (CAMEL_WORDS.matcher(v).matches()) {
            // the same in camel case: "UberSecretPassword", "AdminPass" (Terraform examples, Helm values)
            for (String w : CAMEL_WORD.matcher(v).results().map(r -> r.group().toLowerCase(Locale.ROOT)).toList()) {
                if (CREDENTIAL_WORDS.contains(w)) {
                    return true;
                }
            }
        }
        for (String part : DEFAULT_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        String decoded = printableBase64(v);
        if (decoded != null && !decoded.equals(v) && isDefaultCredential(decoded)) {
            // the same default base64-encoded, as a Kubernetes Secret's data: holds it: cGFzc3dvcmQ= (password),
            // YW5fdW5zZWN1cmVfc2VjcmV0 (an_unsecure_secret)
            return true;
        }
        String plain = unleet(lower);
        if (!plain.equals(lower) && plain.chars().allMatch(Character::isLetter)) {
            // the same words in leetspeak: "ch4n63m31fy0uc4n" (changemeifyoucan, Symfony's APP_SECRET default in
            // wallabag's .env), "p4ssw0rd", "s3cr3t"
            if (DEFAULT_CREDENTIAL_WORDS.contains(plain) || DEFAULT_TRIVIAL.matcher(plain).matches()) {
                return true;
            }
            for (String part : DEFAULT_PARTS) {
                if (plain.contains(part)) {
                    return true;
                }
            }
        }
        if (!plain.equals(lower) && LOWER_WORD_LIST.matcher(plain).matches()) {
            // words in leetspeak joined by separators: epic-stack's SESSION_SECRET="super-duper-s3cret"
            for (String w : WORD_SEPARATORS.split(plain)) {
                if (CREDENTIAL_WORDS.contains(w)) {
                    return true;
                }
            }
        }
        return isEncodedSentence(v);
    }

    private static final Pattern USER_NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

    /**
     * A {@code user:password} pair whose password is the user's name or a default: a devcontainer's
     * {@code DATABASE_CREDENTIALS=app:app}, {@code admin:admin}, {@code app:changeme}.
     */
    private static boolean isDefaultPair(String lower) {
        int colon = lower.indexOf(':');
        if (colon <= 0 || colon == lower.length() - 1 || lower.indexOf(':', colon + 1) >= 0) {
            return false;
        }
        String user = lower.substring(0, colon);
        String password = lower.substring(colon + 1);
        return USER_NAME.matcher(user).matches() && (password.equals(user) || isDefaultCredential(password));
    }

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}");

    /**
     * The name of an environment variable, three words or more in SCREAMING_SNAKE_CASE: node-config's
     * custom-environment-variables.yml maps {@code key_password: "TB_KAFKA_SSL_PEM_KEY_PASSWORD"} to the variable that
     * holds it. Not a default however its words read (a default such as CHANGE_ME_PLEASE still is one).
     */
    public static boolean isVariableName(String v, String lower) {
        if (!VARIABLE_NAME.matcher(v).matches()) {
            return false;
        }
        for (String part : DEFAULT_PARTS) {
            if (lower.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern BASE64_SHORT = Pattern.compile("(?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    /** The text a base64 value encodes when it is printable ASCII (a word, not bytes), else null. */
    static String printableBase64(String v) {
        if (v.length() > 200 || !BASE64_SHORT.matcher(v).matches()) {
            return null;
        }
        try {
            byte[] b = java.util.Base64.getDecoder().decode(v);
            for (byte x : b) {
                if (x < 0x21 || x > 0x7e) {
                    return null;
                }
            }
            return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * base64 of an unfilled placeholder: {@code ZXhhbXBsZS1hcHAtc2VjcmV0} ("example-app-secret", a Dex client's secret in
     * a chart's template), {@code ZXhhbXBsZS1jb29raWUtc2VjcmV0enp6} ("example-cookie-secretzzz", an oauth-proxy's
     * cookie secret in a development manifest). A base64 default ("cGFzc3dvcmQ=") stays a default
     * ({@link #isDefaultCredential}), checked before this in configuration the stack runs with.
     */
    static boolean isEncodedPlaceholder(String v) {
        String decoded = printableBase64(v);
        return decoded != null && !decoded.equals(v) && decoded.length() >= 4
                && isPlaceholder(decoded, decoded.toLowerCase(Locale.ROOT));
    }

    /** Leetspeak read as letters: 4 → a, 3 → e, 1 → i, 0 → o, 5 → s, 7 → t, 6 → g, @ → a, $ → s. */
    static String unleet(String lower) {
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int at = "4310576@$".indexOf(c);
            b.append(at < 0 ? c : "aeiostgas".charAt(at));
        }
        return b.toString();
    }

    /**
     * A weak credential: a default one, short (under 8 characters), or dictionary-like (words and a small
     * number: "mall-admin-secret", "openmysql", "dev-password", "admin123"), or a short value or a value of words
     * built on a default word ("TEST_CHANGE9s", "docker-mailserver-password"). Reported as a warning (a development default), not as a live secret.
     */
    public static boolean isWeakCredential(String value) {
        String v = value.strip();
        boolean words = DICTIONARY_LIKE.matcher(v).matches() || WORD_SENTENCE.matcher(v).matches();
        if (v.length() < 8 || isDefaultCredential(v) || words && (v.length() < 16 || Entropy.shannon(v) < 3.5)
                || isWordLike(v)) {
            return true;
        }
        if (v.length() < 24 || words) {
            // short, or only words at any length ("docker-mailserver-password", "set-secure-redis-password"): a
            // value built on a default word is a development default
            String lower = v.toLowerCase(Locale.ROOT);
            for (String w : DEFAULT_WORDS) {
                if (lower.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Letters that change case inside a word and back: {@code qwErT}, how a random string of letters reads. */
    private static final Pattern CASE_FLIP = Pattern.compile("[A-Z][a-z][A-Z]");

    /**
     * A value written as words, not generated: no digit, letters joined only by separators ({@code - _ . : / @ *}
     * and spaces), and either one case or camel case ({@code --color-border-subtle}, {@code label.reset-password},
     * {@code @rematch}, {@code workspace:*}, {@code keyword.operator}, {@code correct-horse-battery-staple}). A
     * generated secret of 8 or more characters over letters and digits all but always holds a digit, and a random
     * mix of cases flips case inside its words ({@code qwErTy}); a long run of one case between separators (24
     * letters or more: a provider's {@code sk-} and 48 random lower-case letters) may be random and is not word-like. Whatever such a value is, a label, a selector, a
     * tokenizer state or a passphrase of dictionary words, it is not the random value an {@code error} promises.
     */
    static boolean isWordLike(String v) {
        boolean upper = false;
        boolean lower = false;
        int run = 0;
        int longest = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
                longest = Math.max(longest, ++run);
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
                longest = Math.max(longest, ++run);
            } else if ("-_.:/@* ".indexOf(c) >= 0) {
                run = 0;
            } else {
                return false; // a digit, another symbol or a non-ASCII letter
            }
        }
        if (!upper && !lower) {
            return false;
        }
        if (upper && lower) {
            return !CASE_FLIP.matcher(v).find();
        }
        return longest < 24; // a run of 24 letters of one case may be random, after a prefix too (sk-epsakfenq…)
    }

    /** What a value of a credential-named variable is: no credential, a development default, or a live-looking one. */
    public enum Strength { NONE, DEFAULT, LIVE }

    private static final Pattern URI_PASSWORD = Pattern.compile("://[^/@\\s:]+:([^@\\s/]+)@");

    /**
     * The strength of the value of a credential-named variable (DB_PASSWORD, API_TOKEN, DATABASE_URL): a
     * connection URI counts by its password (none without one); references, unfilled placeholders, labels and
     * paths are {@link Strength#NONE}; default and weak values {@link Strength#DEFAULT}; the rest {@link Strength#LIVE}.
     */
    public static Strength strength(String value) {
        String v = value.strip();
        if (isGeneratedHexKey(v) || isRandomUuid(v)) {
            return Strength.LIVE; // a secret-named key holding 40 or 64 hex digits (openssl rand -hex 32) or a random UUID
        }
        if (v.contains("://")) {
            Matcher m = URI_PASSWORD.matcher(v);
            if (!m.find()) {
                return Strength.NONE;
            }
            v = m.group(1);
        }
        if (v.isEmpty()) {
            return Strength.NONE;
        }
        if (isDefaultCredential(v)) {
            return Strength.DEFAULT;
        }
        if (reasonForAssignment(v) != null) {
            return Strength.NONE;
        }
        return isWeakCredential(v) ? Strength.DEFAULT : Strength.LIVE;
    }

    /**
     * The login of the HTTP Basic authentication specifications' example (RFC 7617, RFC 2617: user "Aladdin", password
     * "open sesame", {@code QWxhZGRpbjpvcGVuIHNlc2FtZQ==}, also retyped as aladdin:opensesame), copied into help texts
     * and API descriptions; and OAuth 2.0's
     * example client (RFC 6749 section 2.3.1, RFC 7662, RFC 7009: client id "s6BhdRkqt3", secret "gX1fBat3bV",
     * {@code czZCaGRSa3F0MzpnWDFmQmF0M2JW}), quoted in the doc comments of every OAuth server library.
     */
    static boolean isPublishedExampleLogin(String user, String password) {
        return user.equalsIgnoreCase("Aladdin") && password.replace(" ", "").equalsIgnoreCase("opensesame")
                || user.equals("s6BhdRkqt3") && (password.equals("gX1fBat3bV") || password.equals("7Fjfp0ZBr1KtDRbnfVdmIw"));
    }

    private static final Pattern CAPITALS_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    /**
     * A URI's user and password both written as names in capitals ({@code s3://ACCESS_KEY:SECRET@BUCKET…},
     * {@code postgres://USER:PASSWORD@HOST/DB}): the shape of the URI documented, the parts to fill in. Also a login in
     * square brackets, a URI grammar's optional part ({@code mongodb://[username:password@]host[:port]}, in a help text).
     */
    static boolean isTemplateLogin(String user, String password) {
        if (user.startsWith("[")) {
            return true; // mongodb://[username:password@]host1[:port1]: a grammar's optional part, not a login
        }
        return user.length() >= 3 && password.length() >= 3 && CAPITALS_NAME.matcher(user).matches()
                && CAPITALS_NAME.matcher(password).matches() && password.chars().anyMatch(Character::isLetter);
    }

    /** A key its vendor publishes for everyone (see {@link #PUBLISHED_KEYS}). */
    static boolean isPublishedKey(String v) {
        if (!PUBLISHED_KEY_LENGTHS.contains(v.length())) {
            return false; // the common case, on every candidate value: no digest
        }
        String hex = java.util.HexFormat.of().formatHex(dev.devops.core.Sha256.of(v));
        return PUBLISHED_KEYS.stream().anyMatch(k -> k.sha256().equals(hex));
    }

    /**
     * A private key as base64 DER with no PEM armour ({@code MIIBUwIBADANBgkq…}: PKCS#8 or PKCS#1): an outer SEQUENCE
     * whose first element is the INTEGER version 0 or 1. A public key or a certificate ({@code MIIBIjANBgkq…},
     * {@code MIIDdzCCAl+g…}) starts with a nested SEQUENCE instead. Only the first 64 characters are decoded.
     */
    static boolean isBareDerPrivateKey(String v) {
        if (v.length() < 200 || !v.startsWith("MII")) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                return false;
            }
        }
        byte[] b;
        try {
            b = java.util.Base64.getDecoder().decode(v.substring(0, 64));
        } catch (IllegalArgumentException e) {
            return false;
        }
        int i = b[1] == (byte) 0x82 ? 4 : b[1] == (byte) 0x81 ? 3 : 2;
        return b[0] == 0x30 && b[i] == 0x02 && b[i + 1] == 0x01 && (b[i + 2] == 0x00 || b[i + 2] == 0x01);
    }

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}");

    /**
     * A hex digest by its length (MD5, SHA-1, SHA-256, SHA-512) with variety: where a password column is written
     * ({@code UPDATE users SET password='<128 hex>'} in a SQL migration) it is the stored hash of the password, not
     * the password.
     */
    static boolean isHexDigest(String v) {
        return HEX_DIGEST.matcher(v).matches() && !lowVariety(v);
    }

    /** A random (version 4) UUID: the form of a Codecov upload token, a Heroku API key, a Snyk token. */
    private static final Pattern RANDOM_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

    /**
     * A value of 40 or 64 hex digits with variety: under a secret-named dotenv key it is a generated key
     * ({@code openssl rand -hex 32}), not the commit id or digest it would be in code.
     */
    static boolean isGeneratedHexKey(String v) {
        // 0123456789abcdef repeated is the hex alphabet typed to the length, not a generated key
        return HEX_KEY.matcher(v).matches() && !lowVariety(v) && !hasAlphabetRun(v);
    }

    /**
     * A random UUID with variety: under a secret-named key of a dotenv file or a CI pipeline (a workflow's
     * {@code token: <uuid>} given to an upload action) it is a service's token, not the record id it is in code or
     * an application's settings.
     */
    static boolean isRandomUuid(String v) {
        return RANDOM_UUID.matcher(v).matches() && !lowVariety(v);
    }

    /** An unfilled placeholder ("your-token-here", "xxxx", "<password>"), as opposed to a default value. */
    private static boolean isUnfilled(String lower) {
        outer:
        for (String part : PLACEHOLDER_PARTS) {
            if (lower.contains(part)) {
                for (String d : DEFAULT_PARTS) {
                    if (d.contains(part) || part.contains(d)) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * base64 of a sentence of words ("my-secret-key-which-should-be-changed…"), or a sentence in camel case
     * ("SomeRandomStringOf32CharsExactly"): a placeholder in disguise.
     */
    static boolean isEncodedSentence(String v) {
        if (CAMEL_SENTENCE.matcher(v).matches() && isCamelSentence(v)) {
            return true;
        }
        if (!BASE64.matcher(v).matches()) {
            return false;
        }
        try {
            byte[] b = java.util.Base64.getMimeDecoder().decode(v);
            String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
            return SENTENCE.matcher(text).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether every rule of a {@link #RULE_LIST} match is a known rule name: "required|string", not "red|blue". */
    private static boolean isRuleList(String v) {
        if (v.indexOf('|') < 0 && SINGLE_RULES.contains(v)) {
            return true; // 'password' => 'nullable': a list of one rule that only a validation rule list holds
        }
        if (v.indexOf('|') < 0) {
            int colon = v.indexOf(':');
            return colon > 0 && RULE_CONDITIONS.contains(v.substring(0, colon)); // one conditional rule with its arguments
        }
        int known = 0;
        int unknown = 0;
        for (String rule : v.split("\\|")) {
            int colon = rule.indexOf(':');
            if (RULE_WORDS.contains(colon < 0 ? rule : rule.substring(0, colon))) {
                known++;
            } else {
                unknown++;
            }
        }
        // every rule a framework word, or the list starts with one of the words that open a rule list
        // ("required|not_array"): two dictionary words joined by a pipe ("blue|green") are no rule list
        String first = RULE_SEPARATORS.split(v, 2)[0];
        return unknown == 0 || known > 0 && (RULE_OPENERS.contains(first) || RULE_TYPES.contains(first)
                || RULE_CONDITIONS.contains(first));
    }

    /** Rules that stand alone in a rule list and are no password anybody picks. */
    private static final Set<String> SINGLE_RULES = Set.of("nullable", "sometimes", "bail", "confirmed");

    /**
     * A setting's condition, {@code name=value} with an underscored setting name, alone or joined by {@code &}
     * ({@code "sms_password_recovery=true&sms_provider=ovh"}): which other setting makes a field shown, not its value.
     */
    private static final Pattern FIELD_CONDITION = Pattern.compile(
            "[a-z][a-z0-9]*(?:_[a-z0-9]+)+=[\\w.-]+(?:&[a-z][a-z0-9]*(?:_[a-z0-9]+)+=[\\w.-]+)*");

    private static final Set<String> RULE_OPENERS = Set.of("required", "nullable", "sometimes", "bail", "confirmed", "present", "filled");

    /**
     * Five capitalised words or more, of 3.5 letters on average, with at most two numbers: "SomeRandomStringOf32CharsExactly",
     * not a random token that happens to alternate case and digits ("Vh2Jj2Bo8Zr9Cs3Bq4Jc7Ea6").
     */
    private static boolean isCamelSentence(String v) {
        Matcher m = CAMEL_PART.matcher(v);
        int words = 0;
        int letters = 0;
        int numbers = 0;
        while (m.find()) {
            if (Character.isDigit(m.group().charAt(0))) {
                numbers++;
            } else {
                words++;
                letters += m.group().length();
            }
        }
        return words >= 5 && numbers <= 2 && letters >= 3.5 * words;
    }

    private static final Pattern CAMEL_PART = Pattern.compile("[A-Z][a-z]+|[AI](?=[A-Z][a-z])|\\d+");

    /**
     * An f-string's or a template's interpolation of a call or an index ({@code {get_config('key')}},
     * {@code {os.environ['X']}}): the value is computed where the string is built. A name then '(' or '[' right after
     * the brace, which a random value does not start with.
     */
    private static final Pattern INTERPOLATED_EXPRESSION = Pattern.compile("\\{[A-Za-z_][\\w.]*[(\\[]");

    /**
     * A printf / str.format / slf4j placeholder that makes the value a template. A generated secret may hold one by
     * chance (Django's key alphabet has '%': "…kv%6cfep9…0%7dy…"); such a value is long, has no blank and is varied
     * (several symbols and a high entropy once its '%' conversions are taken out), which a template seldom is.
     */
    private static boolean isFormatTemplate(String v) {
        Matcher m = FORMAT.matcher(v);
        if (!m.find()) {
            return false;
        }
        return v.contains("{") || !isGeneratedKey(FORMAT.matcher(v).replaceAll(""));
    }

    /**
     * A key drawn from letters, digits and symbols (Django's get_random_secret_key alphabet
     * {@code a-z0-9!@#$%^&*(-_=+)}): 32 characters or more, no blank, no dot, comma or quote, several digits and
     * symbols, no long word, a high entropy. Its '(', ')', '+' and '%' are drawn: no call, concatenation or template.
     */
    static boolean isGeneratedKey(String v) {
        if (v.length() < 32 || !GENERATED_KEY.matcher(v).matches() || LONG_WORD.matcher(v).find()) {
            return false;
        }
        long symbols = v.chars().filter(ch -> !Character.isLetterOrDigit(ch)).distinct().count();
        long digits = v.chars().filter(Character::isDigit).count();
        return symbols >= 3 && digits >= 3 && Entropy.shannon(v) >= 4.3;
    }

    /** Characters of a generated key: letters, digits and the symbols of Django's get_random_secret_key alphabet. */
    private static final Pattern GENERATED_KEY = Pattern.compile("[A-Za-z0-9!@#$%^&*()\\-_=+]+");
    private static final Pattern LONG_WORD = Pattern.compile("[A-Za-z]{11}");

    /** A source in braces and what it names there: {@code {env}NAME}, {@code {file}/path}. */
    private static final Pattern TYPED_REFERENCE = Pattern.compile("\\{(?:env|file|vault|secret|secrets)}[A-Za-z_/][\\w./-]*");

    /** A variable named with an {@code env:} prefix: {@code env:AWS_ACCESS_KEY_ID}. */
    private static final Pattern ENV_PREFIXED = Pattern.compile("(?i:env):[A-Z_][A-Z0-9_]*");

    static boolean isReference(String v, String lower) {
        char c0 = v.charAt(0);
        if (c0 == '!' && isBangWrapped(v)) {
            return false; // "!ChangeMe!" (Symfony, API Platform): a default value, not a YAML tag such as !Ref or !vault
        }
        if (c0 == '$' || c0 == '!' || c0 == '&' || c0 == '*' || c0 == '|' || c0 == '>' && v.length() <= 2) {
            return true;
        }
        if (c0 == '%' && v.endsWith("%") && v.length() > 2) {
            return true; // %WINDOWS_VAR%
        }
        if (c0 == '@' && v.endsWith("@") && v.length() > 2) {
            return true; // @maven.filter@
        }
        if (c0 == '<' && v.endsWith(">")) {
            return true; // <your-token>
        }
        if (c0 == '<' && v.length() > 1 && Character.isLetter(v.charAt(1)) && v.indexOf('>') < 0
                && v.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '<' || ch == '.' || ch == '-' || ch == '_')) {
            return true; // "<Last.fm" of "?token=<Last.fm token>": a placeholder whose '>' is past a blank
        }
        if (c0 == '{' && v.endsWith("}")) {
            return true; // {placeholder}, {0}
        }
        if ((c0 == 'e' || c0 == 'E') && ENV_PREFIXED.matcher(v).matches()) {
            return true; // "accessKey": "env:AWS_ACCESS_KEY_ID" (SeaweedFS, a config's own reference syntax): read from the variable
        }
        if (c0 == '{' && INTERPOLATED_EXPRESSION.matcher(v).lookingAt()) {
            return true; // f"…={get_config('x')}", `${…}`-less template braces around a call or an index: computed
        }
        if (c0 == '{' && TYPED_REFERENCE.matcher(v).matches()) {
            return true; // {env}WEBDAV_PASSWORD (rclone, webdav), {file}/run/secrets/x: where the value is read from
        }
        if (c0 == '[' && v.endsWith("]") && v.length() > 2 && v.chars().allMatch(ch -> Character.isLetter(ch)
                || ch == '[' || ch == ']' || ch == ' ' || ch == '_' || ch == '-')) {
            return true; // [HIDDEN], [REDACTED], [your password]
        }
        if (FENCED_WORD.matcher(v).matches()) {
            return true; // ---invisible---, **hidden**, __REDACTED__: a marker a form shows in place of the stored secret
        }
        if (containsWritten(v, lower, REFERENCE_PARTS)) {
            return true;
        }
        return isFormatTemplate(v) || lower.equals("?") || lower.startsWith(":") || SHELL_VARIABLE.matcher(v).find()
                || BATCH_VARIABLE.matcher(v).find()
                || SECRET_FIELD.matcher(v).matches();
    }

    /**
     * A shell variable expanded inside the value ({@code pass="PASSWORD '$POSTGRES_PASSWORD'"},
     * {@code "Credentials:gs_service_key_file=$GOOGLE_APPLICATION_CREDENTIALS"}): the value is built when the script runs.
     * The name has an underscore (environment-variable style), which a random password seldom has after a '$'.
     */
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$[A-Z][A-Z0-9]*_[A-Z0-9_]+");
    /**
     * A secret store's item and field ({@code openshift-credentials:password} for a CI action that fetches
     * secrets, Vault's {@code helm-chart-signing-key:private_key}): where the value is kept, not the value. The item
     * name has a '-', '/' or '.', so a {@code user:password} pair is not taken for one.
     */
    private static final Pattern SECRET_FIELD = Pattern.compile("[a-z0-9][a-z0-9_]*[-/.][a-z0-9_./-]*:(?:password|passwd|pass"
            + "|username|user|token|secret|key|private[-_]?key|api[-_]?key|client[-_]?secret|access[-_]?key|secret[-_]?key"
            + "|credentials?|auth)");

    /**
     * A value wrapped in exclamation marks with no blank in it ({@code !ChangeMe!}, {@code !ThisMustBeChanged!}): the
     * Symfony convention for a default the stack runs with until someone changes it. A YAML tag ({@code !Ref x},
     * {@code !vault |}, {@code !!binary}, Home Assistant's {@code !secret name}) does not end in one.
     */
    private static boolean isBangWrapped(String v) {
        return v.length() > 3 && v.endsWith("!") && v.charAt(1) != '!' && v.indexOf(' ') < 0 && v.indexOf('\t') < 0
                && !BATCH_DELAYED.matcher(v).matches();
    }

    /** A Windows batch file's delayed expansion of a variable: {@code set RELEASE_COOKIE=!APP_COOKIE!}. */
    private static final Pattern BATCH_DELAYED = Pattern.compile("![A-Z][A-Z0-9]*_[A-Z0-9_]+!");
    /**
     * A Windows batch variable expanded inside the value, whole or with a substitution ({@code %RANDOM%},
     * {@code cookie-%DATE: =%_%TIME: =%}): the value is built when the script runs. Three capitals or more.
     */
    private static final Pattern BATCH_VARIABLE = Pattern.compile("%[A-Z][A-Z0-9_]{2,}[%:]");

    /**
     * "your" and the thing to put there, in camel case: {@code yourPostgresPassword}, {@code YourApiToken}; also written
     * with symbols for letters, as SQL Server's samples do ({@code yourStrong(!)Password}, {@code Your$tr0ngP@ss!}).
     */
    private static final Pattern YOUR_CAMEL = Pattern.compile("(?:[Yy]our|YOUR)[A-Z][a-z]+(?:[A-Z][a-z]+|\\d+)*"
            + "|(?:[Yy]our|YOUR)[A-Z$@][\\w$@!()#%*.-]{3,40}");

    static boolean isPlaceholder(String v, String lower) {
        return containsWritten(v, lower, PLACEHOLDER_PARTS) || TRIVIAL.matcher(lower).matches() || YOUR_CAMEL.matcher(v).matches();
    }

    /** Whether {@code v} ({@code lower} in lower case) holds one of {@code parts}, written, not drawn ({@link #writtenAsAWord}). */
    private static boolean containsWritten(String v, String lower, String[] parts) {
        boolean random = v.length() >= LONG_RANDOM && Entropy.shannon(v) >= 5.0;
        for (String part : parts) {
            int at = lower.indexOf(part);
            while (at >= 0) {
                if (!random || writtenAsAWord(v, at, part.length())) {
                    return true;
                }
                at = lower.indexOf(part, at + 1);
            }
        }
        return false;
    }

    /** Values this long and this varied are key material (a PEM body, a long token), where a short word can occur by chance. */
    private static final int LONG_RANDOM = 64;

    /**
     * Whether the placeholder word at {@code v[at, at + n)} of a long random value was written, not drawn: in one case
     * ("EXAMPLE", "todo"), and, for a word of four characters or fewer, standing apart (not between letters or digits)
     * or inside a run of one character ("xxxxxxxx"). In 800 characters of base64 "ToDo", "bLAh" or "xXxx" turn up by
     * chance in about one private key in 200, which then went unreported.
     */
    private static boolean writtenAsAWord(String v, int at, int n) {
        String w = v.substring(at, at + n);
        if (!w.equals(w.toLowerCase(Locale.ROOT)) && !w.equals(w.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (n > 4) {
            return true;
        }
        boolean apart = (at == 0 || !Character.isLetterOrDigit(v.charAt(at - 1)))
                && (at + n == v.length() || !Character.isLetterOrDigit(v.charAt(at + n)));
        boolean run = w.chars().distinct().count() == 1
                && (at > 0 && v.charAt(at - 1) == w.charAt(0) || at + n < v.length() && v.charAt(at + n) == w.charAt(0));
        return apart || run;
    }

    /**
     * Whether a provider-format token's body counts the ten digits in order ({@code sk_live_12345678901234567890asdf}, a
     * service-account {@code private_key_id} of {@code 1234567890abcdef…}) or ten letters of the alphabet
     * ({@link #hasLetterRun}): typed by a person writing an example, never drawn (ten given digits in a row come by
     * chance about once in 10^12 hex strings).
     */
    static boolean countsInOrder(String token) {
        return token.contains("1234567890") || token.contains("0123456789") || hasLetterRun(token, 10);
    }

    /**
     * Whether {@code n} or more letters follow the alphabet, whatever their case ({@code aBcDeFgHiJkLmNoP}, a test's
     * made-up access token; {@code abcdefghij}): typed, never drawn.
     */
    static boolean hasLetterRun(String v, int n) {
        int run = 1;
        for (int i = 1; i < v.length(); i++) {
            char c = Character.toLowerCase(v.charAt(i));
            run = c >= 'a' && c <= 'z' && c == Character.toLowerCase(v.charAt(i - 1)) + 1 ? run + 1 : 1;
            if (run >= n) {
                return true;
            }
        }
        return false;
    }

    /** Fewer than 3 distinct characters in 6 or more (or one character repeated). */
    static boolean lowVariety(String v) {
        long distinct = v.chars().distinct().count();
        return distinct == 1 || v.length() >= 6 && distinct < 3;
    }
}
