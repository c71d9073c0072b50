package dev.devops.cli;

import picocli.CommandLine.IVersionProvider;

/** devops --version: the tool's version ({@link BuildInfo}) and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"devops " + BuildInfo.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
