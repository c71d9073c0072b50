package dev.devops.detect;

import dev.devops.descriptor.Descriptor;
import java.util.List;

/**
 * What detection found.
 *
 * @param descriptor the draft descriptor
 * @param evidence   one human line per decision, naming the file it came from
 *                   ("node 20 from .nvmrc", "postgres from package.json dependency 'pg'")
 */
public record Detection(Descriptor descriptor, List<String> evidence) {
    public Detection {
        evidence = List.copyOf(evidence);
    }
}
