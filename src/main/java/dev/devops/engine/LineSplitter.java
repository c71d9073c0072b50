package dev.devops.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Splits a byte stream into lines for one container stream. */
final class LineSplitter {
    private final String service;
    private final String container;
    private final boolean stderr;
    private final LogSink sink;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    LineSplitter(String service, String container, boolean stderr, LogSink sink) {
        this.service = service;
        this.container = container;
        this.stderr = stderr;
        this.sink = sink;
    }

    synchronized void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                emit();
            } else {
                buf.write(b);
            }
        }
    }

    private void emit() {
        String s = buf.toString(StandardCharsets.UTF_8);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        buf.reset();
        sink.line(service, container, stderr, s);
    }

    synchronized void flush() {
        if (buf.size() > 0) {
            emit();
        }
    }
}
