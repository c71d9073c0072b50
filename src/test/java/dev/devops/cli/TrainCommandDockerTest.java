package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.devops.engine.EngineClient;
import dev.devops.testsupport.DockerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The training run bin/devops makes its class archive from talks to the engine the way up and down do (start, stop,
 * remove, exec, events, a down) so that those classes are archived: it must change nothing there.
 */
@Isolated("Docker tests run alone: one engine")
@DockerTest
class TrainCommandDockerTest {
    @Test
    void theTrainingRunLeavesTheEngineAsItFoundIt() {
        Path example = Path.of("examples/node-express");
        assertTrue(Files.isRegularFile(example.resolve("docker-compose.yml")), "the example the launcher trains on");
        try (EngineClient client = EngineClient.fromEnvironment()) {
            DockerClient docker = client.docker();
            // the engine is shared with other runs: only what carries the training's names is compared
            List<TreeSet<String>> before = snapshot(docker);
            CliRun run = CliRun.run("__train", example.toString());
            assertEquals(0, run.code(), run.err());
            assertEquals(before, snapshot(docker), "no container, network, volume or image of the training's names was made");
        }
    }

    /** Containers, networks, volumes and image tags whose name has "devops-train" in it. */
    private static List<TreeSet<String>> snapshot(DockerClient docker) {
        TreeSet<String> containers = new TreeSet<>();
        docker.listContainersCmd().withShowAll(true).exec().forEach(c -> containers.add(String.join(",", c.getNames())));
        TreeSet<String> networks = new TreeSet<>();
        docker.listNetworksCmd().exec().forEach(n -> networks.add(n.getName()));
        TreeSet<String> volumes = new TreeSet<>();
        var vs = docker.listVolumesCmd().exec().getVolumes();
        if (vs != null) {
            vs.forEach(v -> volumes.add(v.getName()));
        }
        TreeSet<String> images = new TreeSet<>();
        docker.listImagesCmd().exec().forEach(i -> images.addAll(i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags())));
        List<TreeSet<String>> all = List.of(containers, networks, volumes, images);
        all.forEach(set -> set.removeIf(name -> !name.contains("devops-train")));
        return all;
    }
}
