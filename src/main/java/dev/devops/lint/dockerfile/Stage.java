package dev.devops.lint.dockerfile;

import java.util.List;

/**
 * One build stage: its FROM and the instructions up to the next FROM.
 *
 * @param index        0-based stage number
 * @param name         the {@code AS} name, lower-cased, or null
 * @param image        the base image after ARG substitution (as written when it could not be resolved)
 * @param resolved     false when the image used an ARG with no value
 * @param parentStage  the earlier stage this one builds on ({@code FROM builder}), or -1
 * @param from         the FROM instruction
 * @param body         the instructions after FROM
 */
public record Stage(int index, String name, String image, boolean resolved, int parentStage, Instruction from,
        List<Instruction> body) {
    public boolean isScratch() {
        return "scratch".equalsIgnoreCase(image);
    }
}
