package dev.devops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.engine.ContainerStatus;
import dev.devops.engine.EngineClient;
import dev.devops.engine.StackSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops ps}: the stack's containers with their state, health and ports. */
@Command(name = "ps", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the stack's containers: name, service, status (with health) and ports.")
public final class PsCommand extends StackCommand {
    /** Output formats. */
    public enum Format { table, json }

    @Mixin
    StackOptions stack = new StackOptions();

    @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
    Format format = Format.table;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    public PsCommand() {
    }

    public PsCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    public Integer call() throws JsonProcessingException {
        List<ContainerStatus> rows = onEngine(stack.request().asLenient(), spec -> null,
                (engine, spec) -> engine.ps(spec.project()).stream()
                        .filter(c -> services.isEmpty() || services.contains(c.service())).toList());
        System.out.print(format == Format.json ? json(rows) : table(rows));
        System.out.flush();
        return 0;
    }

    static String json(List<ContainerStatus> rows) throws JsonProcessingException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ContainerStatus c : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ID", c.id());
            m.put("Name", c.name());
            m.put("Service", c.service());
            m.put("Image", c.image());
            m.put("State", c.state());
            m.put("Health", c.health());
            m.put("ExitCode", c.exitCode() == null ? 0 : c.exitCode());
            m.put("Status", c.status());
            m.put("Ports", String.join(", ", c.ports()));
            m.put("Version", c.version() == null ? "" : c.version());
            m.put("Digest", c.digest() == null ? "" : c.digest());
            out.add(m);
        }
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    }

    static String table(List<ContainerStatus> rows) {
        List<String[]> lines = new ArrayList<>();
        // VERSION and DIGEST only when a container runs an artifact (devops build's label, up --env's digest pin)
        boolean artifacts = rows.stream().anyMatch(c -> c.version() != null || c.digest() != null);
        lines.add(artifacts ? new String[] {"NAME", "SERVICE", "STATUS", "VERSION", "DIGEST", "PORTS"}
                : new String[] {"NAME", "SERVICE", "STATUS", "PORTS"});
        for (ContainerStatus c : rows) {
            String ports = String.join(", ", c.ports());
            lines.add(artifacts ? new String[] {c.name(), c.service(), c.status(), c.version() == null ? "-" : c.version(),
                c.digest() == null ? "-" : ArtifactOutput.shortId(c.digest()), ports}
                    : new String[] {c.name(), c.service(), c.status(), ports});
        }
        int cols = lines.get(0).length;
        int[] w = new int[cols];
        for (String[] l : lines) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], l[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                row.append(i < cols - 1 ? String.format("%-" + (w[i] + 3) + "s", l[i]) : l[i]);
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
