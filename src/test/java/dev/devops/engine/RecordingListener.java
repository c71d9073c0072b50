package dev.devops.engine;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event and build line, for assertions. */
final class RecordingListener implements EngineListener {
    final List<ServiceEvent> events = new ArrayList<>();
    final List<String> build = new ArrayList<>();
    Plan plan;

    @Override
    public synchronized void event(ServiceEvent e) {
        events.add(e);
    }

    @Override
    public synchronized void buildOutput(String service, String line) {
        build.add(service + ": " + line);
    }

    @Override
    public synchronized void planned(Plan p) {
        plan = p;
    }

    synchronized boolean has(String service, ServiceState state) {
        return events.stream().anyMatch(e -> e.service().equals(service) && e.state() == state);
    }

    synchronized void clear() {
        events.clear();
        build.clear();
        plan = null;
    }
}
