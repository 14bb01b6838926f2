package io.threatflow.casefile;

import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.Severity;
import io.threatflow.threat.SlaStanding;
import io.threatflow.threat.ThreatFilter;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import io.threatflow.web.InvalidFieldException;
import io.threatflow.web.Problems;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The filters of a search of the register, checked alike for {@code GET /api/threats} and the Threats page: each
 * text is bounded, a CVE must be a CVE id, an assignee is looked up in the open tasks. A refused value is a 400
 * problem that names its field.
 */
@Component
public class ThreatSearch {

    /** The filters as a request gives them; null means "any". */
    public record Criteria(ThreatStatus status, Severity severity, ThreatType type, String asset, Instant reportedSince,
                           String cve, String q, SlaStanding sla, String assignee) {
    }

    static final int MAX_TEXT = 200;
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,7}", Pattern.CASE_INSENSITIVE);

    private final RemediationCases cases;

    ThreatSearch(RemediationCases cases) {
        this.cases = cases;
    }

    public ThreatFilter filter(Criteria criteria) {
        String asset = text("asset", criteria.asset());
        String cve = text("cve", criteria.cve());
        if (cve != null && !CVE.matcher(cve).matches()) {
            throw refused("cve", "must be a CVE id such as CVE-2021-44228");
        }
        String q = text("q", criteria.q());
        String assignee = text("assignee", criteria.assignee());
        Set<String> ids = assignee == null ? null : cases.threatsAssignedTo(assignee);
        return new ThreatFilter(criteria.status(), criteria.severity(), criteria.type(), asset,
                criteria.reportedSince(), cve, q, criteria.sla(), ids);
    }

    /** A filter value of a page's query, in any case, or null when absent or blank. */
    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw refused(field, "must be at most " + MAX_TEXT + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw refused(field, "must not contain control characters");
        }
        return stripped;
    }

    private static InvalidFieldException refused(String field, String message) {
        return new InvalidFieldException(Problems.INVALID_REQUEST, field, message);
    }
}
