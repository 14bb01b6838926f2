package io.threatflow.access;

import io.threatflow.web.ErrorPages;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What a person sees who opens Cockpit or Admin (or Tasklist) without the right to: a ThreatFlow page that says what
 * happened, which groups may open the app (from {@link GroupAuthorizations}, the rule that refused) and a way back to
 * Tasklist, where Camunda's webapp would leave a bare 403. Only the pages of the webapps under
 * {@code /camunda/app/}; their API and every other surface keep answering with a problem.
 */
@Component
class WebappRefusalPage implements ErrorPages {

    private static final Pattern WEBAPP = Pattern.compile("/camunda/app/(tasklist|cockpit|admin)(?:/.*)?");
    private static final Map<String, String> TITLES = Map.of("tasklist", "Tasklist", "cockpit", "Cockpit",
            "admin", "Admin");
    private static final Map<String, String> PURPOSES = Map.of(
            "tasklist", "works the tasks of threat cases",
            "cockpit", "shows the processes, the threat KPIs and the playbooks",
            "admin", "manages users, groups and authorizations");

    @Override
    public Optional<String> page(int status, String contextPath, String path) {
        Matcher webapp = WEBAPP.matcher(path);
        if ((status != 401 && status != 403) || !webapp.matches()) {
            return Optional.empty();
        }
        String app = webapp.group(1);
        String title = TITLES.get(app);
        String groups = groupsOf(app).stream()
                .map(group -> Groups.ALL.getOrDefault(group, group) + " (" + group + ")")
                .collect(Collectors.joining(", "));
        String tasklist = contextPath + "/camunda/app/tasklist/default/";
        String home = contextPath + "/camunda/app/welcome/default/";
        return Optional.of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>ThreatFlow: %1$s is not open to you</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:sans-serif;max-width:640px;margin:60px auto;padding:0 20px;color:#333;line-height:1.5}
                h1{font-size:24px}.tf-groups{background:#f5f5f5;padding:8px 12px;border-radius:3px}
                a.tf-button{display:inline-block;margin:12px 12px 0 0;padding:6px 14px;border:1px solid #2c6db3;
                border-radius:3px;color:#fff;background:#2c6db3;text-decoration:none}a.tf-quiet{color:#2c6db3;background:#fff}</style>
                </head><body class="tf-refusal">
                <h1>ThreatFlow: %1$s is not open to you</h1>
                <p>You are signed in, but your account may not open %1$s, the part of ThreatFlow that %2$s.</p>
                <p>%1$s is for members of these groups:</p>
                <p class="tf-groups">%3$s</p>
                <p>If your work needs it, ask a ThreatFlow administrator to add you to one of them.</p>
                <p><a class="tf-button tf-to-tasklist" href="%4$s">Go to Tasklist</a>
                <a class="tf-button tf-quiet" href="%5$s">All ThreatFlow applications</a></p>
                </body></html>
                """.formatted(title, PURPOSES.get(app), groups, tasklist, home));
    }

    /** The groups granted the application, administrators last (they hold every right). */
    static Set<String> groupsOf(String app) {
        Set<String> groups = GroupAuthorizations.GRANTS.stream()
                .filter(grant -> grant.resource() == Resources.APPLICATION && app.equals(grant.resourceId()))
                .map(GroupAuthorizations.Grant::group)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        groups.add(Groups.ADMINS);
        return groups;
    }
}
