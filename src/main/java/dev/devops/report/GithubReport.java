package dev.devops.report;

import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import java.io.IOException;

/** GitHub Actions workflow commands: {@code ::error file=a.js,line=3,col=5,title=SEC0101 …::message}. */
public final class GithubReport implements ReportWriter {
    @Override
    public void write(Report r, Appendable out) throws IOException {
        for (Finding f : r.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.append("::").append(level).append(" file=").append(property(f.path()));
            if (f.line() > 0) {
                out.append(",line=").append(String.valueOf(f.line()));
                if (f.column() > 0) {
                    out.append(",col=").append(String.valueOf(f.column()));
                }
            }
            out.append(",title=").append(property(f.rule().id() + " " + f.rule().title())).append("::");
            String msg = f.message() + (f.redacted() != null ? ": " + f.redacted() : "")
                    + (f.hint() != null ? "\n" + f.hint() : "");
            out.append(data(msg)).append('\n');
        }
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
