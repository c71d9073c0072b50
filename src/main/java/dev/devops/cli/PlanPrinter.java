package dev.devops.cli;

import dev.devops.core.VariableNames;
import dev.devops.scaffold.Plan;
import dev.devops.scaffold.PlannedFile;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.UnifiedDiff;
import java.io.PrintStream;
import java.util.List;

/** Prints plans and their outcomes for init and render: one line per file, then a summary. */
final class PlanPrinter {
    static final String SKIP_EDITED = "edited since devops wrote it; your edits, as a diff from the render, below;"
            + " move them into devops.yaml, or --force to overwrite them";
    static final String SKIP_USER = "your own file, not written by devops; --force to replace it, --dry-run to see the diff";

    private PlanPrinter() {
    }

    /** --dry-run: what would happen to each file, with the diff of every file that would change. */
    static void dryRun(Plan plan, boolean force, PrintStream out) {
        int changes = 0;
        for (PlannedFile f : plan.files()) {
            String verb = switch (f.action()) {
                case CREATE -> "would create ";
                case UPDATE -> "would update ";
                case UNCHANGED -> "unchanged    ";
                case CONFLICT -> force ? "would overwrite " : "would skip   ";
            };
            String detail = switch (f.action()) {
                case UPDATE -> " (" + f.reason() + ")";
                case CONFLICT -> force ? " (--force)" : " (" + f.reason() + ", diff below; --force to overwrite)";
                default -> "";
            };
            out.println(verb + f.relativePath() + detail);
            if (f.action() != PlannedFile.Action.UNCHANGED) {
                changes++;
                out.print(UnifiedDiff.redact(f.diff(), VariableNames::isSecret));
            }
        }
        out.println(changes == 0 ? "nothing to do: " + plan.files().size() + " files up to date"
                : "dry run: nothing written (" + summary(plan, force) + ")");
    }

    static String summary(Plan plan, boolean force) {
        StringBuilder sb = new StringBuilder();
        part(sb, plan.count(PlannedFile.Action.CREATE), "to create");
        part(sb, plan.count(PlannedFile.Action.UPDATE), "to update");
        part(sb, plan.count(PlannedFile.Action.CONFLICT), force ? "to overwrite" : "to skip");
        part(sb, plan.count(PlannedFile.Action.UNCHANGED), "unchanged");
        return sb.toString();
    }

    /** Prints what applying did; returns the number of skipped files. */
    static int applied(List<Scaffolder.Applied> applied, PrintStream out) {
        int created = 0;
        int updated = 0;
        int overwritten = 0;
        int unchanged = 0;
        int skipped = 0;
        for (Scaffolder.Applied a : applied) {
            PlannedFile f = a.file();
            switch (a.outcome()) {
                case CREATED -> {
                    created++;
                    out.println("create    " + f.relativePath());
                }
                case UPDATED -> {
                    updated++;
                    out.println("update    " + f.relativePath() + " (" + f.reason() + ")");
                }
                case OVERWRITTEN -> {
                    overwritten++;
                    out.println("overwrite " + f.relativePath() + " (--force)");
                }
                case UNCHANGED -> {
                    unchanged++;
                    out.println("unchanged " + f.relativePath());
                }
                case SKIPPED -> {
                    skipped++;
                    if (f.userFile()) {
                        out.println("skip      " + f.relativePath() + " (" + SKIP_USER + ")");
                    } else {
                        out.println("skip      " + f.relativePath() + " (" + (Scaffolder.EDITED.equals(f.reason()) ? SKIP_EDITED
                                : f.reason() + "; the difference from the render, below; --force to overwrite") + ")");
                        out.print(UnifiedDiff.redact(f.diff(), VariableNames::isSecret));
                    }
                }
            }
        }
        if (created + updated + overwritten == 0 && skipped == 0) {
            out.println("nothing to do: " + unchanged + " files up to date");
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        part(sb, created, "created");
        part(sb, updated, "updated");
        part(sb, overwritten, "overwritten");
        part(sb, unchanged, "unchanged");
        part(sb, skipped, "skipped");
        if (skipped > 0) {
            sb.append(": ").append(skipped == 1 ? "1 file was" : skipped + " files were")
                    .append(" not written by devops or edited since; review with --dry-run, then rerun with --force");
        }
        out.println(sb);
        return skipped;
    }

    private static void part(StringBuilder sb, long n, String what) {
        if (n == 0) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(n).append(' ').append(what);
    }
}
