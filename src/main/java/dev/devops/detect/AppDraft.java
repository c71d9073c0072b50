package dev.devops.detect;

import dev.devops.descriptor.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a stack detector found for one app directory, before names, services and env are settled. */
final class AppDraft {
    final String dir;
    final Language language;
    /** The app's name when it is not its directory's (one app per runnable module of a build); null otherwise. */
    String name;
    String version;
    String buildTool;
    String framework;
    Integer port;
    /** The version and port are the stack's defaults (no manifest or code stated them): other evidence may replace them. */
    boolean versionDefault;
    boolean portDefault;
    List<String> build = List.of();
    List<String> start = List.of();
    String healthcheck;
    /** Static sites: the build output directory nginx serves, relative to the app; null for the framework default. */
    String output;
    /** service type → the evidence line that found it */
    final Map<String, String> services = new LinkedHashMap<>();
    /** The app's other processes (workers, schedulers): name → command. */
    final Map<String, List<String>> processes = new LinkedHashMap<>();
    final List<String> evidence = new ArrayList<>();
    /** Java: the directory of the module this app runs, when it is one of several of one build; null otherwise. */
    String moduleDir;
    /** Java: the runnable modules (relative to dir) of a multi-module build with more than one; empty otherwise. */
    List<String> modules = List.of();
    /**
     * Java: the Spring profiles the production build activates (the Maven profile the build uses sets
     * {@code spring.profiles.active}, which resource filtering writes into application.yml), or null.
     */
    String springBuildProfiles;
    /** Java: the Spring profile meant for production whose datasource chose the app's database, or null. */
    String springProductionProfile;
    /** Files and directories (relative to the app) its program opens at run time ({@link RuntimeNeeds}). */
    List<String> files = List.of();
    /** The migrations the repository carries for this app, or null ({@link RuntimeNeeds#migrate}). */
    RuntimeNeeds.Migrations migrations;
    /** Node: the workspaces root the app is a package of, or null. */
    String workspaceRoot;
    /** The repository's own Dockerfile that builds this workspace app from the root (its production image), or null. */
    String ownDockerfile;
    /** Files (repo-relative) whose env reads and port/health literals belong to this app. */
    List<String> sources = List.of();

    AppDraft(String dir, Language language) {
        this.dir = dir;
        this.language = language;
        this.buildTool = language.buildTools().get(0);
    }

    void evidence(String line) {
        evidence.add(line);
    }

    void service(String type, String why) {
        if (!services.containsKey(type)) {
            services.put(type, why);
        }
    }
}
