package dev.devops.lint.secrets;

import dev.devops.files.DirPattern;
import dev.devops.files.FileKinds;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a path is, as far as the secret detectors care. */
enum FileKind {
    /** Source code: only quoted literals are values; bare words are variables. */
    CODE,
    /** Configuration, markup, shell, Dockerfiles: bare values are values. */
    CONFIG,
    /** A real env file: .env, .env.production, .env.local … */
    ENV,
    /** An example env file: .env.example, .env.sample, .env.template, .env.dist … */
    ENV_EXAMPLE,
    /**
     * Lock files ({@link FileKinds#isLockfile}): integrity hashes only; and images kept as text
     * ({@link FileKinds#isTextImage}: SVG drawing data and embedded base64 images). Not scanned.
     */
    LOCKFILE,
    /**
     * Translations: "password" keys map to labels. By path: translation trees, locale-named files and directories, gettext
     * catalogues, XLIFF and .resx, Android strings.xml, Apple .strings and .lproj/, Flutter .arb, Java resource bundles.
     */
    I18N,
    /** Style sheets (CSS, Sass, Less): {@code input[type="password"]} is a selector, never a value. */
    STYLE,
    /** Documentation (Markdown, reStructuredText, AsciiDoc, text): example commands are full of demo passwords. */
    DOCS;

    private static final Set<String> STYLE_EXT = Set.of("css", "scss", "sass", "less", "styl");

    /** Compiled once: this runs for every file of a tree. */
    private static final Pattern I18N_NAME = Pattern.compile(
            "messages(_[a-z]{2}(_[a-z]{2})?)?\\.properties|strings\\.xml|[a-z]{2}([-_][a-z]{2})?\\.json");

    /**
     * Translation trees: i18n/, locales/, lang/es/auth.php (Laravel), src/lang/bar.json, translations/, l10n/, and those
     * names with a qualifier (i18n-resources/, locales_extra/).
     */
    private static final DirPattern I18N_DIR = DirPattern.lowerCase("(?:i18n|locales?|translations|l10n)(?:[-_][a-z]+)?|lang|langs");

    /**
     * Language directories (app/Language/de-DE.ini, language/en-GB/...): translations when the file is named by a locale
     * code ({@link #LOCALE_NAME}); other files there (a polyglot repository's languages/python/app.py) stay what they are.
     */
    private static final DirPattern LANGUAGE_DIR = DirPattern.lowerCase("languages?|locali[sz]ations?");

    /** A file named by a locale code: de-de.ini, pt_br.json, de-de_informal.ini, kaa.ini, en-gb.com_foo.ini, km_kh.inc. */
    private static final Pattern LOCALE_NAME = Pattern.compile("[a-z]{2,3}(?:[-_][a-z]{2,4})?(?:[-_.][a-z0-9_.-]+)?\\.(?:ini|json|php|inc|ya?ml|properties|xml)");

    /**
     * A language directory's directory named by a locale code (public/language/sv/, localization/es_419/, language/pt-BR/,
     * BCP 47's private use en-x-pirate/), and a messages directory's (Yii's and other PHP frameworks' messages/es/base.php,
     * messages/pt-br/archive.json; two letters there: a protocol's messages/v1/ or messages/api/ is no locale): its message
     * files are translations whatever they are called (user.json, labels.inc). Not the short names of programming
     * languages a polyglot repository keeps under languages/ (languages/go/, languages/js/).
     */
    private static final DirPattern LOCALE_DIR = DirPattern.lowerCase("(?:languages?|locali[sz]ations?)/"
            + "(?!(?:go|js|ts|py|rb|rs|kt|sh|php|lua|sql|cpp|jvm|net)[-_/])[a-z]{2,3}(?:[-_][a-z0-9]{1,8}){0,3}"
            + "|messages/[a-z]{2}(?:[-_][a-z0-9]{2,4})?");

    /**
     * Translation formats by extension: gettext (.po, .pot), XLIFF, .NET .resx, an installer's (Inno Setup) .isl messages
     * (WizardPassword=Password is a label), Apple .strings/.stringsdict/.xcstrings, Flutter .arb.
     */
    private static final Set<String> I18N_EXT = Set.of("po", "pot", "xlf", "resx", "isl", "strings", "stringsdict", "xcstrings", "arb");

    /** An Apple localization bundle's directory: de.lproj/, en-GB.lproj/, Base.lproj/. */
    private static final DirPattern APPLE_LOCALE_DIR = DirPattern.lowerCase("[a-z0-9_-]+\\.lproj");

    /** ISO 639 language codes (the JDK's list): the locale part of a Java resource bundle's name. */
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** A Java resource bundle's name: base, then _language and an optional _COUNTRY (LoginBundle_de.properties, Messages_pt_BR.properties). */
    private static final Pattern RESOURCE_BUNDLE = Pattern.compile("[A-Za-z0-9-]+?_([a-z]{2,3})(?:_[A-Z]{2})?\\.properties");

    /**
     * Whether a file is a Java resource bundle translated into a language: the translations of a UI, by name (the
     * language in lower case and the country in capitals, as ResourceBundle names them; application_dev.properties
     * names a profile, no ISO language).
     */
    private static boolean isResourceBundle(String path) {
        if (!path.endsWith(".properties")) {
            return false;
        }
        var m = RESOURCE_BUNDLE.matcher(path.substring(path.lastIndexOf('/') + 1));
        return m.matches() && LANGUAGES.contains(m.group(1));
    }

    /**
     * What a translation is written in, by extension: message data (JSON, INI, YAML, properties, XML, TOML, Fluent,
     * Apple strings) and PHP arrays (labels.php, labels.inc); not other code (languages/go/main.go stays code).
     */
    private static final Set<String> MESSAGE_EXT = Set.of("json", "ini", "php", "inc", "yml", "yaml", "properties", "xml",
            "toml", "ftl", "strings", "lang");

    /**
     * Configuration languages whose strings are always quoted, so that a bare word is an expression: Terraform and HCL
     * ({@code password = random_password.db.result}, {@code var.db_password}), Nix, Jsonnet, CUE.
     */
    private static final Set<String> QUOTED_CONFIG_EXT = Set.of("tf", "tfvars", "hcl", "nomad", "nix", "jsonnet", "libsonnet", "cue");

    /**
     * Whether a bare (unquoted) value in this file is an expression, never a literal: source code, code a template
     * engine renders ({@link FileKinds#isSourceCodeTemplate}: still judged as the configuration it deploys) and
     * {@link #QUOTED_CONFIG_EXT}.
     */
    static boolean bareValuesAreExpressions(String path, FileKind kind) {
        if (kind == CODE || FileKinds.isSourceCodeTemplate(path)) {
            return true; // also code a template engine renders (summary.py.jinja: token=auth_token passes a variable)
        }
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && QUOTED_CONFIG_EXT.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The file a unified diff patches: its first {@code +++ b/path} line. */
    private static final Pattern PATCHED_FILE = Pattern.compile("(?m)^\\+\\+\\+ (?:b/)?(\\S+)");

    /**
     * The kind of a file with its text: a patch ({@code .patch}, {@code .diff}) of source code is code (its added lines
     * are the code of the file it patches: {@code +  const token = req.headers['x-access-token']}); anything else is
     * {@link #of(String) by its path}.
     */
    static FileKind of(String path, FileKind byPath, String text) {
        if (byPath != CONFIG || !(path.endsWith(".patch") || path.endsWith(".diff")) || text == null) {
            return byPath;
        }
        var m = PATCHED_FILE.matcher(text);
        return m.find() && FileKinds.isSourceCode(m.group(1)) ? CODE : byPath;
    }

    static FileKind of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (FileKinds.isLockfile(path) || FileKinds.isTextImage(path)) {
            return LOCKFILE;
        }
        FileKinds.Dotenv env = FileKinds.dotenv(path);
        if (env != FileKinds.Dotenv.NONE) {
            return env == FileKinds.Dotenv.EXAMPLE ? ENV_EXAMPLE : ENV;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot + 1) : "";
        if (I18N_DIR.matches(path) || I18N_EXT.contains(ext)
                || I18N_NAME.matcher(name).matches()
                || (LANGUAGE_DIR.matches(path) && LOCALE_NAME.matcher(name).matches())
                || (dot > 0 && MESSAGE_EXT.contains(ext) && LOCALE_DIR.matches(path))
                || path.contains(".lproj/") && APPLE_LOCALE_DIR.matches(path) || isResourceBundle(path)) {
            return I18N;
        }
        if (FileKinds.isSourceCode(path)) {
            return CODE;
        }
        if (dot > 0 && STYLE_EXT.contains(ext)) {
            return STYLE;
        }
        if (FileKinds.isDocs(path)) {
            return DOCS;
        }
        return CONFIG;
    }

}
