package dev.devops.scaffold;

import java.util.List;

/** The files a render would write, in a stable order, each with the action applying it takes. */
public record Plan(List<PlannedFile> files) {
    public Plan {
        files = List.copyOf(files);
    }

    /** The planned file at {@code relativePath}, or null. */
    public PlannedFile file(String relativePath) {
        for (PlannedFile f : files) {
            if (f.relativePath().equals(relativePath)) {
                return f;
            }
        }
        return null;
    }

    public long count(PlannedFile.Action action) {
        return files.stream().filter(f -> f.action() == action).count();
    }

    /** True when every file already has its wanted content. */
    public boolean upToDate() {
        return files.stream().allMatch(f -> f.action() == PlannedFile.Action.UNCHANGED);
    }
}
