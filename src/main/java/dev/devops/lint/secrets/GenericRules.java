package dev.devops.lint.secrets;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.List;

/** The generic detectors' rules (SEC0001–SEC0099); provider formats are data (SEC0100 and up). */
public final class GenericRules {
    private GenericRules() {
    }

    static final String CATEGORY = "secrets";
    static final String ROTATE = "Treat the secret as leaked: rotate it, then remove it from the code and read it "
            + "from the environment (a .env file that is not committed, or a secret manager).";

    public static final RuleInfo PRIVATE_KEY = rule("SEC0001", "Private key (PEM)",
            "A PEM private key (RSA, EC, DSA, PKCS#8, or encrypted) is committed. Anyone who can read the "
            + "repository can impersonate its owner. Encrypted keys are reported too: their passphrase is "
            + "usually nearby, and offline cracking is cheap.\n" + "Fix: revoke or replace the key, delete it "
            + "from the repository (and from history), and load it from a secret store or a mounted file.");
    public static final RuleInfo OPENSSH_KEY = rule("SEC0002", "OpenSSH private key",
            "An OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----) is committed.\n"
            + "Fix: remove the public half from every authorized_keys, generate a new key pair, keep the private "
            + "key out of the repository.");
    public static final RuleInfo PGP_KEY = rule("SEC0003", "PGP private key block",
            "An armoured PGP private key block is committed.\nFix: revoke the key (publish the revocation "
            + "certificate), create a new one, keep it out of the repository.");
    public static final RuleInfo PUTTY_KEY = rule("SEC0004", "PuTTY private key",
            "A PuTTY .ppk private key (PuTTY-User-Key-File) is committed.\nFix: replace the key pair and keep the "
            + "private key out of the repository.");
    public static final RuleInfo KEYSTORE = rule("SEC0005", "Keystore holding a private key (JKS, JCEKS, PKCS#12)",
            "A Java keystore (JKS, JCEKS) or a PKCS#12 file (.p12, .pfx) that holds a private key or secret key entry is "
            + "committed. It is recognised by its content (magic bytes and entry types), whatever its name; trust "
            + "stores that hold only certificates are not reported. Keystore passwords are often changeit or sit "
            + "next to the file, and offline guessing is cheap.\nFix: replace the key (new key pair, new certificate), "
            + "delete the file from the repository and its history, and mount the keystore from a secret store at run time.");
    public static final RuleInfo JWT = rule("SEC0010", "JSON Web Token",
            "A signed JSON Web Token (its header decodes to JSON with an \"alg\") is committed. Tokens without "
            + "an expiry, or signed with a shared secret, grant access until the key changes. Expired tokens, and "
            + "tokens in tests and documentation, are not reported.\n"
            + "Fix: revoke the token or rotate the signing key; build test tokens at run time.");
    public static final RuleInfo URI_PASSWORD = rule("SEC0020", "Password in a connection URI",
            "A connection URI (postgres, mysql, mongodb, redis, amqp, ftp, http basic auth …) carries a literal "
            + "password in its user-info part. Placeholders such as ${DB_PASSWORD}, <password> are not reported; a "
            + "default or development password (changeme, postgres, the user name) in runnable config or code is a "
            + "warning. Not reported in tests, documentation and vendored code.\n"
            + "Fix: rotate the password and build the URI from environment variables.");
    public static final RuleInfo CONNECTION_STRING = rule("SEC0021", "Password in a connection string",
            "A keyword connection string carries a literal password: ADO.NET / ODBC / JDBC-SQL Server style "
            + "(Server=db;User Id=sa;Password=...;) or libpq style (host=db user=app password=... dbname=app), in code "
            + "or configuration. Only a string that also names a server, host, database or user counts; placeholders "
            + "({0}, %s, ${DB_PASSWORD}, <password>, changeme) are not reported.\nFix: rotate the password and build "
            + "the connection string from the environment or a secret manager.");
    public static final RuleInfo BASIC_AUTH = rule("SEC0022", "HTTP basic-auth credentials (curl -u, Authorization: Basic)",
            "A user:password pair for HTTP basic authentication is written out: curl -u user:password (or --user), "
            + "or an Authorization: Basic header whose base64 value decodes to user:password. References "
            + "($TOKEN, ${PASS}) and placeholders are not reported; base64 that does not decode to a user:password "
            + "pair is not either.\nFix: rotate the password or token and pass it from the environment "
            + "(curl -u \"$USER:$PASSWORD\", or a .netrc that is not committed).");
    public static final RuleInfo PASSWORD = rule("SEC0030", "Hard-coded password",
            "A password is assigned a literal value in code or configuration (code, .properties, YAML, JSON, "
            + "XML elements and attributes, .env, Dockerfile ENV/ARG, compose environment, Terraform/HCL, shell "
            + "export, Makefile, CI env:), including the variables clients read (PGPASSWORD, MYSQL_PWD, REDISCLI_AUTH), "
            + "a literal fallback for an unset variable (os.getenv('DB_PASSWORD', '...'), process.env.X || '...'), "
            + ".netrc and .pgpass entries. References to the "
            + "environment, templates, placeholders, labels and empty values are not reported; in source code "
            + "only quoted literals count. Random-looking values are errors; default or development values (secret, "
            + "changeit, admin123, dev-password) in runnable config and code are warnings; tests, documentation and "
            + "vendored code are not scanned by name (docs/SECRET-RULES.md).\n"
            + "Fix: rotate it and read it from the environment or a secret manager.");
    public static final RuleInfo GENERIC_SECRET = rule("SEC0031", "Hard-coded secret, token or API key",
            "A variable named like a secret, token or API key is assigned a literal, random-looking value "
            + "(at least 8 characters and 3 bits of entropy per character); a default or development value "
            + "(changeme, 12345, a base64 \"change me\" sentence) in runnable config is a warning. Not reported in "
            + "tests, documentation and vendored code, nor for names that say the value is public (.NET "
            + "publicKeyToken, NEXT_PUBLIC_…, publishable keys) or for public identifiers (UUIDs, integrity "
            + "digests).\nFix: rotate it and read it from "
            + "the environment or a secret manager.");
    public static final RuleInfo K8S_SECRET = rule("SEC0040", "Kubernetes Secret with a committed value",
            "A Kubernetes Secret manifest carries a value under data (base64, decoded and checked) or "
            + "stringData. base64 is an encoding, not encryption.\nFix: rotate the value and create the Secret "
            + "from a secret manager, Sealed Secrets or SOPS instead of committing it.");
    public static final RuleInfo DOTENV = rule("SEC0050", "Committed .env file",
            "A .env file (.env, .env.production, .env.local …) that sets a credential (a secret-named variable "
            + "with a value) is tracked by git: an error for a real-looking value, a warning when every credential "
            + "is a development default. A tracked file of plain settings is not reported, nor .env.test. Once "
            + "committed, every clone and every image built with COPY . . has them.\n"
            + "Fix: git rm --cached the file, add it to .gitignore, rotate its secrets, and commit a .env.example "
            + "with empty values instead.");
    public static final RuleInfo EXAMPLE_ENV = rule("SEC0051", "Secret value in an example env file",
            "An example env file (.env.example, .env.sample, .env.template …) gives a secret-looking variable a "
            + "real-looking value. Example files document names; their values get copied into deployments.\n"
            + "Fix: leave the value empty or use an obvious placeholder (changeme), and rotate the value if it "
            + "was real.");

    public static final List<RuleInfo> ALL = List.of(PRIVATE_KEY, OPENSSH_KEY, PGP_KEY, PUTTY_KEY, KEYSTORE, JWT,
            URI_PASSWORD, CONNECTION_STRING, BASIC_AUTH, PASSWORD, GENERIC_SECRET, K8S_SECRET, DOTENV, EXAMPLE_ENV);

    /** The detectors that judge a value by the name it is assigned to or the form it sits in, not by its own format. */
    private static final java.util.Set<String> NAME_BASED = java.util.Set.of(URI_PASSWORD.id(), CONNECTION_STRING.id(),
            BASIC_AUTH.id(), PASSWORD.id(), GENERIC_SECRET.id());

    /** Whether {@code rule} is a name- or form-based detector (passwords, secrets, URI and connection-string passwords). */
    static boolean isNameBased(RuleInfo rule) {
        return NAME_BASED.contains(rule.id());
    }

    private static RuleInfo rule(String id, String title, String explanation) {
        return new RuleInfo(id, title, Severity.ERROR, CATEGORY, explanation);
    }
}
