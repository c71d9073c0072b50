package dev.devops.lint.secrets;

import dev.devops.lint.secrets.rules.Validators;

/** Shannon entropy in bits per character: random tokens score high, words and repeats low. */
public final class Entropy {
    private Entropy() {
    }

    /** The same measure the rules' entropy floors use ({@link Validators#entropy}), so both agree. */
    public static double shannon(CharSequence s) {
        return Validators.entropy(s);
    }
}
