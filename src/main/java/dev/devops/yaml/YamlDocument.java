package dev.devops.yaml;

import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Parses one YAML file into a {@link YNode} tree; syntax errors become one-line {@link UserError}s. */
public final class YamlDocument {
    private YamlDocument() {
    }

    /** Reads and parses {@code file}; an empty document yields a null node. */
    public static YNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(null, file + ": file not found", null);
        } catch (CharacterCodingException e) {
            throw new UserError(null, file + ": not valid UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new UserError(null, file + ": cannot read: " + e.getMessage(), "check the file's permissions");
        }
        return parse(file, text);
    }

    /** Parses {@code text}; {@code file} is used for error messages and locations only. */
    public static YNode parse(Path file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(String.valueOf(file))
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both locations
                .setMaxAliasesForCollections(200)
                .setCodePointLimit(32 * 1024 * 1024)
                .build();
        try {
            Optional<Node> node = new Compose(settings).composeString(text);
            return new YNode(file, node.orElse(null), null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int line = mark.map(m -> m.getLine() + 1).orElse(0);
            int col = mark.map(m -> m.getColumn() + 1).orElse(0);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw UserError.at(file, line, col, "invalid YAML: " + problem + context,
                    "fix the YAML syntax at this position");
        } catch (YamlEngineException e) {
            throw new UserError(null, file + ": invalid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
    }
}
