package io.threatflow.casepage;

import io.threatflow.action.ActionRecord;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.threat.Threat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The post-incident report in Markdown: the same sections as the HTML report, every value escaped. */
final class CaseMarkdown {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|#])");

    private CaseMarkdown() {
    }

    static String report(CaseFile file) {
        Threat t = file.threat();
        StringBuilder md = new StringBuilder(4096);
        md.append("# Post-incident report: ").append(esc(t.title())).append("\n\n");
        md.append("Threat ").append(esc(t.id())).append(", written ").append(Words.when(file.readAt())).append("\n\n");

        md.append("## Summary\n\n");
        line(md, "Status", Words.status(t.status()) + (t.dryRun() ? " (dry run: nothing was changed)" : ""));
        line(md, "Type", Words.type(t.type()));
        line(md, "Severity", Words.severity(t.severity()));
        line(md, "Reported severity", t.reportedSeverity() == null ? "not given" : Words.severity(t.reportedSeverity()));
        line(md, "Asset", t.assetName() + file.asset().map(a -> ", " + Words.criticality(a.criticality())
                .toLowerCase(Locale.ROOT) + " criticality").orElse(""));
        line(md, "CVE", t.cve() == null ? "none" : t.cve());
        line(md, "Known exploited (KEV)", Words.yesNo(t.knownExploited()));
        line(md, "Reported by", file.reporter() == null ? "unknown" : file.reporter());
        line(md, "Source", t.source() == null ? "not given" : t.source());
        line(md, "Reported at", Words.when(t.reportedAt()));
        md.append('\n');
        if (t.description() != null && !t.description().isBlank()) {
            md.append("## What was reported\n\n").append(esc(t.description())).append("\n\n");
        }

        md.append("## Severity and why\n\n");
        file.severityWhy().forEach(reason -> md.append("- ").append(esc(reason)).append('\n'));
        md.append('\n');

        md.append("## Service levels\n\n").append(file.elapsed()).append("\n\n");
        if (file.slaRows().isEmpty()) {
            md.append("No service levels were set for this case.\n\n");
        } else {
            md.append("| Service level | Due | Reached | Standing |\n|---|---|---|---|\n");
            file.slaRows().forEach(row -> md.append("| ").append(Words.sla(row.sla())).append(" | ")
                    .append(Words.when(row.due())).append(" | ")
                    .append(row.reached() == null ? "not yet" : Words.when(row.reached())).append(" | ")
                    .append(row.standing()).append(" |\n"));
            md.append('\n');
        }

        md.append("## Decisions\n\n");
        if (file.decisions().isEmpty()) {
            md.append("No one has decided anything yet.\n\n");
        } else {
            md.append("| When | Decision | By | Answer | Comment |\n|---|---|---|---|---|\n");
            file.decisions().forEach(d -> md.append("| ").append(Words.when(d.at())).append(" | ").append(cell(d.what()))
                    .append(" | ").append(cell(d.by() == null ? "unknown" : d.by())).append(" | ").append(cell(d.answer()))
                    .append(" | ").append(cell(d.comment())).append(" |\n"));
            md.append('\n');
        }

        md.append("## Timeline\n\n| When | Step | What | Who | Detail |\n|---|---|---|---|---|\n");
        for (ThreatTimeline.Entry entry : file.timeline()) {
            String detail = Words.detail(entry.detail());
            int request = detail.indexOf("; the request that would have been sent:");
            md.append("| ").append(Words.when(entry.at())).append(" | ").append(cell(Words.step(entry.step())))
                    .append(" | ").append(cell(Words.detail(entry.name()))).append(" | ").append(cell(entry.actor()))
                    .append(" | ").append(cell(request < 0 ? detail : detail.substring(0, request))).append(" |\n");
        }
        md.append('\n');

        md.append("## Actions\n\n");
        if (file.actions().isEmpty()) {
            md.append("No action was taken.\n\n");
        } else {
            for (ActionRecord a : file.actions()) {
                md.append("- ").append(Words.when(a.performedAt())).append(": ")
                        .append(esc(Words.action(a.action(), a.purpose()))).append(" on ").append(esc(a.target()))
                        .append(", attempt ").append(a.attempt()).append(": ")
                        .append(esc(Words.actionStatus(a.status()) + (a.detail() == null ? "" : ": " + Words.detail(a.detail()))))
                        .append('\n');
                if (a.request() != null) {
                    md.append("\n  ```\n").append(a.request().replace("```", "'''").indent(2)).append("  ```\n");
                }
            }
            md.append('\n');
        }

        md.append("## Evidence\n\n");
        if (file.evidence() == null && file.validationEvidence() == null) {
            md.append("No evidence was collected.\n\n");
        }
        if (file.evidence() != null) {
            md.append("Collected for the investigation:\n\n```\n").append(Words.detail(file.evidence()).replace("```", "'''"))
                    .append("\n```\n\n");
        }
        if (file.validationEvidence() != null) {
            md.append("Seen at validation:\n\n```\n").append(Words.detail(file.validationEvidence()).replace("```", "'''"))
                    .append("\n```\n\n");
        }

        md.append("## Lessons learned\n\n")
                .append(file.lessonsLearned() == null ? "None recorded yet." : esc(file.lessonsLearned())).append('\n');
        return md.toString();
    }

    private static void line(StringBuilder md, String label, String value) {
        md.append("- **").append(label).append(":** ").append(esc(value)).append('\n');
    }

    private static String cell(String text) {
        return text == null ? "" : esc(text).replace("\r", "").replace("\n", "<br>");
    }

    static String esc(String text) {
        return text == null ? "" : SPECIAL.matcher(text).replaceAll("\\\\$1");
    }
}
