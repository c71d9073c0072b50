package dev.devops.yaml;

import dev.devops.core.InputFiles;
import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses one YAML file into a {@link YNode} tree; syntax errors become one-line {@link UserError}s. Hostile
 * documents are refused the same way (exit 2): more than {@link #MAX_DEPTH} levels of nesting (the composer
 * recurses per level), and aliases that would expand to more than {@link #MAX_EXPANDED_NODES} nodes or
 * {@link #MAX_EXPANDED_DEPTH} levels when the tree is walked (a "billion laughs" of a few hundred bytes).
 */
public final class YamlDocument {
    /** Nesting levels as written; real descriptor and compose files use fewer than 15. */
    public static final int MAX_DEPTH = 100;
    /** Nodes of the document with every alias expanded; a large real compose file has a few thousand. */
    public static final long MAX_EXPANDED_NODES = 200_000;
    /** Levels of the document with every alias expanded. */
    public static final int MAX_EXPANDED_DEPTH = 400;

    private YamlDocument() {
    }

    /** Reads and parses {@code file}; an empty document yields a null node. */
    public static YNode read(Path file) {
        return parse(file, InputFiles.readUtf8(file, InputFiles.MAX_CONFIG_BYTES));
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
            Parser parser = new DepthLimit(new ParserImpl(settings, new StreamReader(settings, text)), file);
            Optional<Node> node = new Composer(settings, parser).getSingleNode();
            node.ifPresent(n -> checkExpansion(file, n));
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

    /** Counts nesting while the composer pulls events, and stops the document before the composer's recursion does. */
    private static final class DepthLimit implements Parser {
        private final Parser in;
        private final Path file;
        private int depth;

        DepthLimit(Parser in, Path file) {
            this.in = in;
            this.file = file;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return in.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return in.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public Event next() {
            Event e = in.next();
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        Optional<Mark> m = e.getStartMark();
                        throw UserError.at(file, m.map(x -> x.getLine() + 1).orElse(0), m.map(x -> x.getColumn() + 1).orElse(0),
                                "YAML nested more than " + MAX_DEPTH + " levels deep", "flatten the document");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
            return e;
        }
    }

    /**
     * Refuses a graph whose aliases expand beyond the caps. Every node's expanded size and depth is computed once
     * (the graph is shared, so this is linear in the text) and without recursion.
     */
    private static void checkExpansion(Path file, Node root) {
        Map<Node, long[]> done = new IdentityHashMap<>(); // node -> {expanded nodes, expanded depth}
        Map<Node, Boolean> onPath = new IdentityHashMap<>(); // expanded, not done: the nodes above on the walk
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (done.containsKey(n)) {
                stack.pop();
                continue;
            }
            List<Node> kids = children(n);
            if (onPath.put(n, Boolean.TRUE) == null) {
                boolean pushed = false;
                for (Node k : kids) {
                    if (onPath.containsKey(k) && !done.containsKey(k)) {
                        throw expansion(file, k, "YAML alias refers to a node that contains it (a recursive alias)");
                    }
                    if (!done.containsKey(k)) {
                        stack.push(k);
                        pushed = true;
                    }
                }
                if (pushed) {
                    continue;
                }
            }
            stack.pop();
            long size = 1;
            long depth = 0;
            for (Node k : kids) {
                long[] v = done.get(k);
                if (v != null) {
                    size += v[0];
                    depth = Math.max(depth, v[1]);
                }
            }
            depth++;
            if (size > MAX_EXPANDED_NODES || depth > MAX_EXPANDED_DEPTH) {
                throw expansion(file, n, "YAML aliases expand to more than " + (size > MAX_EXPANDED_NODES
                        ? MAX_EXPANDED_NODES + " nodes" : MAX_EXPANDED_DEPTH + " levels") + " (an alias bomb?)");
            }
            done.put(n, new long[] {size, depth});
        }
    }

    private static UserError expansion(Path file, Node n, String what) {
        Optional<Mark> m = n.getStartMark();
        return UserError.at(file, m.map(x -> x.getLine() + 1).orElse(0), m.map(x -> x.getColumn() + 1).orElse(0), what,
                "write the values out, or use fewer nested aliases");
    }

    private static List<Node> children(Node n) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        if (n instanceof MappingNode m) {
            List<Node> out = new ArrayList<>(m.getValue().size() * 2);
            for (NodeTuple t : m.getValue()) {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            }
            return out;
        }
        return List.of();
    }
}
