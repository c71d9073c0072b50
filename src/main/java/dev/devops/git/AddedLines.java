package dev.devops.git;

/**
 * The lines one change added to one file: their text joined with '\n', and for each of them its line
 * number in the new file.
 *
 * @param path    path of the new file, relative to the directory git ran in, forward slashes
 * @param blob    id of the new blob (full hex), or null when unknown
 * @param commit  the commit (null for the staged diff)
 * @param author  author name and e-mail ("Ann <ann@example.com>"), or null
 * @param date    author date, ISO 8601, or null
 * @param text    the added lines, each followed by '\n'
 * @param lines   {@code lines[i]} is the new-file line number of the i-th added line
 * @param binary  true when git reported the file as binary (then text is empty)
 */
public record AddedLines(String path, String blob, String commit, String author, String date, String text,
        int[] lines, boolean binary) {
}
