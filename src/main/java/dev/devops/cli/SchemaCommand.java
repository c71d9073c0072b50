package dev.devops.cli;

import dev.devops.descriptor.DescriptorSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Prints the JSON Schema of devops.yaml. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of devops.yaml, for editors:",
            "  devops schema > .devops.schema.json",
            "then add '# yaml-language-server: $schema=.devops.schema.json' at the top of devops.yaml."})
public final class SchemaCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(DescriptorSchema.text());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
