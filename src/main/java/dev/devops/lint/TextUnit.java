package dev.devops.lint;

import java.util.Map;

/**
 * A piece of text to lint that is not (or not exactly) a file of the working tree: the added lines of
 * a staged or committed change, or standard input.
 *
 * @param path       the file the text belongs to, repository-relative
 * @param text       the text; with {@code lineNumbers}, one added line after another
 * @param lineNumbers null when the text is the whole file; else {@code lineNumbers[i]} is the file line of
 *                   the text's i-th line
 * @param properties facts to copy into each finding (commit, author, date)
 */
public record TextUnit(String path, String text, int[] lineNumbers, Map<String, String> properties) {
    public TextUnit {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The file line of the text's 1-based line {@code textLine}. */
    public int fileLine(int textLine) {
        if (lineNumbers == null || textLine < 1) {
            return textLine;
        }
        return textLine <= lineNumbers.length ? lineNumbers[textLine - 1] : lineNumbers[lineNumbers.length - 1];
    }
}
