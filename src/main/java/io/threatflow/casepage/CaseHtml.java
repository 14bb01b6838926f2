package io.threatflow.casepage;

import io.threatflow.action.ActionRecord;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.SlaStanding;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatPage;
import io.threatflow.threat.ThreatStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.HtmlUtils;

/**
 * The case page, the Threats list and the HTML post-incident report, as well-formed XHTML (so that the PDF
 * renderer reads the same document). Every value is escaped; codes are shown as words ({@link Words}).
 */
final class CaseHtml {

    /** Where the pages link to: the pages themselves, Tasklist and Cockpit of one engine. */
    record Links(String pages, String tasklist, String cockpit) {

        static Links of(String engine) {
            String e = URLEncoder.encode(engine, StandardCharsets.UTF_8);
            return new Links("/camunda/api/tasklist/plugin/" + CaseFilePlugin.ID + "/" + e,
                    "/camunda/app/tasklist/" + e + "/", "/camunda/app/cockpit/" + e + "/");
        }

        String list() {
            return pages + "/threats";
        }

        String casePage(String threatId) {
            return list() + "/" + enc(threatId);
        }

        String report(String threatId, ReportFormat format) {
            return casePage(threatId) + "/report?format=" + format.parameter();
        }
    }

    static final String STYLE = """
            body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;font-size:13px;color:#222;margin:16px 24px;}
            h1{font-size:20px;margin:4px 0 8px;}h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #ccc;}
            table{border-collapse:collapse;width:100%;margin-bottom:8px;}
            th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;}
            th{background:#f3f3f3;}dl{margin:0;}dt{font-weight:bold;float:left;width:170px;clear:left;}
            dd{margin:0 0 3px 180px;}pre{white-space:pre-wrap;font-size:11px;background:#f7f7f7;padding:4px;margin:2px 0;}
            .tf-nav a{margin-right:14px;}.tf-badge{padding:1px 6px;border-radius:3px;background:#eee;}
            .tf-sev-critical{background:#b00020;color:#fff;}.tf-sev-high{background:#e65100;color:#fff;}
            .tf-sev-medium{background:#f9a825;}.tf-sev-low{background:#c5e1a5;}.tf-late{color:#b00020;font-weight:bold;}
            .tf-muted{color:#666;}.tf-filters label{margin-right:10px;display:inline-block;}
            .tf-filters input,.tf-filters select{margin-left:3px;}.tf-button{display:inline-block;padding:4px 10px;
            border:1px solid #1565c0;border-radius:3px;background:#1565c0;color:#fff;text-decoration:none;margin-right:6px;}
            """;

    private CaseHtml() {
    }

    // ---------- the case page and the report

    /** The case page: the case file with links to its tasks, Cockpit, related cases and the report. */
    static String page(CaseFile file, Links links, boolean cockpit) {
        Threat t = file.threat();
        StringBuilder html = start("Case: " + t.title());
        html.append("<div class=\"tf-nav\"><a href=\"").append(attr(links.list())).append("\">All threats</a>")
                .append("<a href=\"").append(attr(links.tasklist())).append("\">Tasklist</a></div>");
        html.append("<h1 id=\"tf-title\">").append(esc(t.title())).append("</h1>");
        html.append("<p>");
        for (ReportFormat format : ReportFormat.values()) {
            html.append("<a class=\"tf-button tf-download\" href=\"").append(attr(links.report(t.id(), format)))
                    .append("\">Download the report (").append(esc(format.label())).append(")</a>");
        }
        html.append("</p>");
        body(html, file, Optional.of(links), cockpit);
        return end(html);
    }

    /** The post-incident report as a document of its own. */
    static String report(CaseFile file) {
        Threat t = file.threat();
        StringBuilder html = start("Post-incident report: " + t.title());
        html.append("<h1>Post-incident report: ").append(esc(t.title())).append("</h1>");
        html.append("<p class=\"tf-muted\">Threat ").append(esc(t.id())).append(", written ")
                .append(esc(Words.when(file.readAt()))).append("</p>");
        body(html, file, Optional.empty(), false);
        return end(html);
    }

    private static void body(StringBuilder html, CaseFile file, Optional<Links> links, boolean cockpit) {
        Threat t = file.threat();
        html.append("<h2>Summary</h2><dl id=\"tf-summary\">");
        item(html, "Status", Words.status(t.status()) + (t.dryRun() ? " (dry run: nothing was changed)" : ""));
        item(html, "Type", Words.type(t.type()));
        html.append("<dt>Severity</dt><dd>").append(severityBadge(t)).append("</dd>");
        item(html, "Reported severity", t.reportedSeverity() == null ? "not given" : Words.severity(t.reportedSeverity()));
        item(html, "Asset", t.assetName() + file.asset().map(a -> ", " + Words.criticality(a.criticality())
                .toLowerCase(java.util.Locale.ROOT) + " criticality" + (a.owner() == null ? "" : ", owned by " + a.owner()))
                .orElse(""));
        item(html, "CVE", t.cve() == null ? "none" : t.cve());
        item(html, "Known exploited (KEV)", Words.yesNo(t.knownExploited()));
        if (t.port() != null) {
            item(html, "Port", String.valueOf(t.port()));
        }
        item(html, "Reported by", file.reporter() == null ? "unknown" : file.reporter());
        item(html, "Source", t.source() == null ? "not given"
                : t.source() + (t.sourceRef() == null ? "" : ", reference " + t.sourceRef()));
        item(html, "Reported at", Words.when(t.reportedAt()));
        if (t.detectedAt() != null) {
            item(html, "Detected at", Words.when(t.detectedAt()));
        }
        html.append("</dl>");
        if (t.description() != null && !t.description().isBlank()) {
            html.append("<h2>What was reported</h2><p id=\"tf-description\">").append(esc(t.description())).append("</p>");
        }

        html.append("<h2>Severity and why</h2><ul id=\"tf-severity-why\">");
        file.severityWhy().forEach(reason -> html.append("<li>").append(esc(reason)).append("</li>"));
        html.append("</ul>");

        sla(html, file);

        if (links.isPresent()) {
            html.append("<h2>Open tasks</h2>");
            if (file.openTasks().isEmpty()) {
                html.append("<p class=\"tf-muted\">Nothing waits for anyone.</p>");
            } else {
                html.append("<ul id=\"tf-open-tasks\">");
                for (RemediationCases.OpenTask task : file.openTasks()) {
                    html.append("<li><a href=\"").append(attr(links.get().tasklist() + "#/?task=" + enc(task.taskId())))
                            .append("\">").append(esc(task.name() == null ? "Task" : task.name())).append("</a> ")
                            .append(esc(task.assignee() == null ? "(not claimed)" : "(" + task.assignee() + ")"))
                            .append(task.dueAt() == null ? "" : esc(", due " + Words.when(task.dueAt())))
                            .append("</li>");
                }
                html.append("</ul>");
            }
            if (cockpit && !file.cases().isEmpty()) {
                html.append("<p id=\"tf-cockpit\">");
                if (t.status().isClosed()) {
                    html.append(esc("The case is finished; Cockpit shows running cases only."));
                } else {
                    html.append("<a href=\"").append(attr(links.get().cockpit() + "#/process-instance/"
                            + enc(file.cases().get(0)))).append("\">Open the case in Cockpit</a>");
                }
                html.append("</p>");
            }
        }

        decisions(html, file);
        timeline(html, file);
        actions(html, file);

        html.append("<h2>Evidence</h2>");
        if (file.evidence() == null && file.validationEvidence() == null) {
            html.append("<p class=\"tf-muted\">No evidence was collected.</p>");
        }
        if (file.evidence() != null) {
            html.append("<p>Collected for the investigation:</p><pre id=\"tf-evidence\">").append(esc(Words.detail(file.evidence())))
                    .append("</pre>");
        }
        if (file.validationEvidence() != null) {
            html.append("<p>Seen at validation:</p><pre>").append(esc(Words.detail(file.validationEvidence()))).append("</pre>");
        }

        html.append("<h2>Lessons learned</h2><p id=\"tf-lessons\">")
                .append(esc(file.lessonsLearned() == null ? "None recorded yet." : file.lessonsLearned())).append("</p>");

        html.append("<h2>Other threats on ").append(esc(t.assetName())).append("</h2>");
        if (file.related().isEmpty()) {
            html.append("<p class=\"tf-muted\">None.</p>");
        } else {
            html.append("<table id=\"tf-related\"><tr><th>Reported</th><th>Title</th><th>Severity</th><th>Status</th></tr>");
            for (Threat other : file.related()) {
                html.append("<tr><td>").append(esc(Words.when(other.reportedAt()))).append("</td><td>");
                if (links.isPresent()) {
                    html.append("<a href=\"").append(attr(links.get().casePage(other.id()))).append("\">")
                            .append(esc(other.title())).append("</a>");
                } else {
                    html.append(esc(other.title()));
                }
                html.append("</td><td>").append(esc(Words.severity(other.severity()))).append("</td><td>")
                        .append(esc(Words.status(other.status()))).append("</td></tr>");
            }
            html.append("</table>");
        }
    }

    private static void sla(StringBuilder html, CaseFile file) {
        html.append("<h2>Service levels</h2><p id=\"tf-elapsed\">").append(esc(file.elapsed())).append("</p>");
        if (file.slaRows().isEmpty()) {
            html.append("<p class=\"tf-muted\">No service levels were set for this case.</p>");
            return;
        }
        html.append("<table id=\"tf-sla\"><tr><th>Service level</th><th>Due</th><th>Reached</th><th>Standing</th></tr>");
        for (CaseFile.SlaRow row : file.slaRows()) {
            html.append("<tr><td>").append(esc(Words.sla(row.sla()))).append("</td><td>").append(esc(Words.when(row.due())))
                    .append("</td><td>").append(esc(row.reached() == null ? "not yet" : Words.when(row.reached())))
                    .append("</td><td").append(row.breached() ? " class=\"tf-late\"" : "").append(">")
                    .append(esc(row.standing())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void decisions(StringBuilder html, CaseFile file) {
        html.append("<h2>Decisions</h2>");
        if (file.decisions().isEmpty()) {
            html.append("<p class=\"tf-muted\">No one has decided anything yet.</p>");
            return;
        }
        html.append("<table id=\"tf-decisions\"><tr><th>When</th><th>Decision</th><th>By</th><th>Answer</th><th>Comment</th></tr>");
        for (CaseFile.Decision d : file.decisions()) {
            html.append("<tr><td>").append(esc(Words.when(d.at()))).append("</td><td>").append(esc(d.what()))
                    .append("</td><td>").append(esc(d.by() == null ? "unknown" : d.by())).append("</td><td>")
                    .append(esc(d.answer())).append("</td><td>").append(esc(d.comment() == null ? "" : d.comment()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void timeline(StringBuilder html, CaseFile file) {
        html.append("<h2>Timeline</h2><table id=\"tf-timeline\"><tr><th>When</th><th>Step</th><th>What</th><th>Who</th><th>Detail</th></tr>");
        // each decision goes with the last run of its task that started before it was taken
        java.util.Map<CaseFile.Decision, ThreatTimeline.Entry> decidedIn = new java.util.HashMap<>();
        for (CaseFile.Decision d : file.decisions()) {
            file.timeline().stream().filter(e -> d.task().equals(e.element()) && d.at() != null && !d.at().isBefore(e.at()))
                    .reduce((earlier, later) -> later).ifPresent(e -> decidedIn.put(d, e));
        }
        for (ThreatTimeline.Entry entry : file.timeline()) {
            html.append("<tr><td>").append(esc(Words.when(entry.at()))).append("</td><td>")
                    .append(esc(Words.step(entry.step()))).append("</td><td>").append(esc(Words.detail(entry.name())))
                    .append("</td><td>").append(esc(entry.actor() == null ? "" : entry.actor())).append("</td><td>");
            // the request of a dry run is evidence of its own: shown with the actions, not twice
            String detail = Words.detail(entry.detail());
            int request = detail.indexOf("; the request that would have been sent:");
            html.append(esc(request < 0 ? detail : detail.substring(0, request)));
            file.decisions().stream().filter(d -> decidedIn.get(d) == entry).findFirst().ifPresent(d -> html.append("<br/><strong>")
                    .append(esc(d.answer())).append("</strong>")
                    .append(d.comment() == null ? "" : ": " + esc(d.comment())));
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void actions(StringBuilder html, CaseFile file) {
        html.append("<h2>Actions</h2>");
        if (file.actions().isEmpty()) {
            html.append("<p class=\"tf-muted\">No action was taken.</p>");
            return;
        }
        html.append("<table id=\"tf-actions\"><tr><th>When</th><th>Action</th><th>Target</th><th>Attempt</th><th>Answer</th><th>Request</th></tr>");
        for (ActionRecord a : file.actions()) {
            html.append("<tr><td>").append(esc(Words.when(a.performedAt()))).append("</td><td>")
                    .append(esc(Words.action(a.action(), a.purpose()))).append("</td><td>").append(esc(a.target()))
                    .append("</td><td>").append(a.attempt()).append("</td><td>")
                    .append(esc(Words.actionStatus(a.status()) + (a.detail() == null ? "" : ": " + Words.detail(a.detail()))))
                    .append("</td><td>");
            if (a.request() != null) {
                html.append("<pre>").append(esc(a.request())).append("</pre>");
            } else {
                html.append(esc("sent to the connector; its answer is on the left"));
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    // ---------- the list

    /** The Threats list: filters as a plain GET form, a table of one page, and paging links. */
    static String list(ThreatPage page, Map<String, String> query, Links links) {
        StringBuilder html = start("Threats");
        html.append("<div class=\"tf-nav\"><a href=\"").append(attr(links.tasklist())).append("\">Tasklist</a></div>");
        html.append("<h1>Threats</h1>");
        html.append("<form class=\"tf-filters\" id=\"tf-filters\" method=\"get\" action=\"").append(attr(links.list()))
                .append("\">");
        text(html, "q", "Title", query);
        select(html, "status", "Status", query, java.util.Arrays.stream(ThreatStatus.values())
                .map(s -> Map.entry(s.name().toLowerCase(java.util.Locale.ROOT), Words.status(s))).toList());
        select(html, "severity", "Severity", query, java.util.Arrays.stream(io.threatflow.threat.Severity.values())
                .map(s -> Map.entry(s.name().toLowerCase(java.util.Locale.ROOT), Words.severity(s))).toList());
        text(html, "asset", "Asset", query);
        text(html, "cve", "CVE", query);
        select(html, "sla", "Service levels", query, java.util.Arrays.stream(SlaStanding.values())
                .map(s -> Map.entry(s.name().toLowerCase(java.util.Locale.ROOT), Words.standing(s))).toList());
        text(html, "assignee", "Assignee", query);
        html.append("<button type=\"submit\" id=\"tf-apply\">Filter</button> <a href=\"").append(attr(links.list()))
                .append("\">Clear</a></form>");
        html.append("<p id=\"tf-count\">").append(page.total()).append(page.total() == 1 ? " threat" : " threats")
                .append("</p>");
        html.append("<table id=\"tf-threats\"><tr><th>Reported</th><th>Title</th><th>Type</th><th>Severity</th>")
                .append("<th>KEV</th><th>Asset</th><th>CVE</th><th>Status</th></tr>");
        for (Threat t : page.items()) {
            html.append("<tr><td>").append(esc(Words.when(t.reportedAt()))).append("</td><td><a class=\"tf-case-link\" href=\"")
                    .append(attr(links.casePage(t.id()))).append("\">").append(esc(t.title())).append("</a></td><td>")
                    .append(esc(Words.type(t.type()))).append("</td><td>").append(severityBadge(t)).append("</td><td>")
                    .append(t.knownExploited() ? "KEV" : "").append("</td><td>").append(esc(t.assetName()))
                    .append("</td><td>").append(esc(t.cve() == null ? "" : t.cve())).append("</td><td>")
                    .append(esc(Words.status(t.status()))).append("</td></tr>");
        }
        html.append("</table><p class=\"tf-paging\">");
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        if (page.page() > 0) {
            html.append("<a id=\"tf-previous\" href=\"").append(attr(pageLink(links, query, page.page() - 1)))
                    .append("\">Previous</a> ");
        }
        html.append("Page ").append(page.page() + 1).append(" of ").append(pages);
        if (page.page() + 1 < pages) {
            html.append(" <a id=\"tf-next\" href=\"").append(attr(pageLink(links, query, page.page() + 1)))
                    .append("\">Next</a>");
        }
        html.append("</p>");
        return end(html);
    }

    /** A page that says in words what went wrong. */
    static String problem(String title, String detail, Links links) {
        StringBuilder html = start(title);
        html.append("<div class=\"tf-nav\"><a href=\"").append(attr(links.list())).append("\">All threats</a>")
                .append("<a href=\"").append(attr(links.tasklist())).append("\">Tasklist</a></div>");
        html.append("<h1>").append(esc(title)).append("</h1><p id=\"tf-problem\">").append(esc(detail)).append("</p>");
        return end(html);
    }

    private static String pageLink(Links links, Map<String, String> query, int page) {
        StringBuilder url = new StringBuilder(links.list()).append("?page=").append(page);
        query.forEach((name, value) -> {
            if (!"page".equals(name) && value != null && !value.isBlank()) {
                url.append('&').append(enc(name)).append('=').append(enc(value));
            }
        });
        return url.toString();
    }

    private static void text(StringBuilder html, String name, String label, Map<String, String> query) {
        html.append("<label>").append(esc(label)).append("<input type=\"text\" name=\"").append(name)
                .append("\" id=\"tf-filter-").append(name).append("\" value=\"")
                .append(attr(query.getOrDefault(name, ""))).append("\"/></label>");
    }

    private static void select(StringBuilder html, String name, String label, Map<String, String> query,
                               List<Map.Entry<String, String>> options) {
        String chosen = query.getOrDefault(name, "");
        html.append("<label>").append(esc(label)).append("<select name=\"").append(name).append("\" id=\"tf-filter-")
                .append(name).append("\"><option value=\"\">any</option>");
        for (Map.Entry<String, String> option : options) {
            html.append("<option value=\"").append(attr(option.getKey())).append('"')
                    .append(option.getKey().equalsIgnoreCase(chosen) ? " selected=\"selected\"" : "").append('>')
                    .append(esc(option.getValue())).append("</option>");
        }
        html.append("</select></label>");
    }

    // ---------- small helpers

    private static String severityBadge(Threat t) {
        String css = t.severity() == null ? "" : " tf-sev-" + t.severity().name().toLowerCase(java.util.Locale.ROOT);
        return "<span class=\"tf-badge" + css + "\">" + esc(Words.severity(t.severity())) + "</span>";
    }

    private static void item(StringBuilder html, String label, String value) {
        html.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private static StringBuilder start(String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">")
                .append("<head><meta charset=\"UTF-8\"/><title>").append(esc(title)).append(" - ThreatFlow</title><style>")
                .append(STYLE).append("</style></head><body>");
    }

    private static String end(StringBuilder html) {
        return html.append("</body></html>").toString();
    }

    static String esc(String text) {
        // characters XML does not allow would break the PDF's parse of this document
        return text == null ? "" : HtmlUtils.htmlEscape(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""),
                "UTF-8");
    }

    private static String attr(String text) {
        return esc(text);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
