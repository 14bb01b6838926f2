package io.threatflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.threatflow.web.Problems.FieldError;
import io.threatflow.intake.OcsfMapping.Mapped;
import io.threatflow.intake.OcsfMapping.Rejected;
import io.threatflow.threat.AttackCatalogue;
import io.threatflow.threat.AttackTechnique;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import io.threatflow.web.TimeBounds;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * Maps one OCSF 1.x finding (Security 2001, Vulnerability 2002, Compliance 2003, Detection 2004) to a
 * {@link ThreatReport}. Findings come from other tools, so any node may be absent or of the wrong type: such a
 * node counts as missing and nothing here throws. A report it returns passes {@link ThreatReport}'s
 * constraints.
 */
@Component
class OcsfFindingMapper {

    /** OCSF finding {@code status_id} 4: the source no longer sees what it reported. */
    static final int STATUS_RESOLVED = 4;

    private static final int TITLE_MAX = NewThreat.MAX_TITLE;
    private static final int ASSET_MAX = NewThreat.MAX_ASSET_NAME;
    private static final int DESCRIPTION_MAX = NewThreat.MAX_DESCRIPTION;
    private static final int SOURCE_MAX = NewThreat.MAX_SOURCE;
    private static final int SOURCE_REF_MAX = NewThreat.MAX_SOURCE_REF;

    private static final Map<Integer, String> FINDING_CLASSES = Map.of(
            2001, "Security Finding",
            2002, "Vulnerability Finding",
            2003, "Compliance Finding",
            2004, "Detection Finding");
    private static final int VULNERABILITY_FINDING = 2002;
    private static final int COMPLIANCE_FINDING = 2003;

    private static final Pattern CVE = Pattern.compile(NewThreat.CVE_FORMAT);
    private static final Pattern END_OF_LIFE = Pattern.compile(
            "\\b(end[- ]of[- ](life|support)|EOL|unsupported|no longer supported|out of support)\\b",
            Pattern.CASE_INSENSITIVE);
    // "Unsupported" alone also describes ciphers and protocols; only an operating system makes it OUTDATED_OS.
    private static final Pattern OPERATING_SYSTEM = Pattern.compile(
            "\\b(operating system|OS|kernel|windows|linux|ubuntu|debian|centos|red hat|rhel|fedora|alpine|suse|"
                    + "sles|rocky|almalinux|macos|mac os|os x|ios|android|freebsd|openbsd|solaris|aix)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Clock clock;

    OcsfFindingMapper(Clock clock) {
        this.clock = clock;
    }

    public OcsfMapping map(JsonNode finding) {
        if (finding == null || !finding.isObject()) {
            return new Rejected("The finding is not a JSON object",
                    List.of(new FieldError("class_uid", "is missing")));
        }
        Integer classUid = integer(finding.path("class_uid"));
        if (classUid == null || !FINDING_CLASSES.containsKey(classUid)) {
            return new Rejected("The finding is not an OCSF Security, Vulnerability, Compliance or Detection Finding",
                    List.of(new FieldError("class_uid", (classUid == null ? "is missing; " : "is " + classUid + "; ")
                            + "must be 2001, 2002, 2003 or 2004")));
        }
        String asset = asset(finding);
        if (asset == null) {
            return new Rejected("The finding names no asset", List.of(
                    new FieldError("device.hostname", "is missing"),
                    new FieldError("device.ip", "is missing"),
                    new FieldError("resources[0].uid", "is missing")));
        }

        List<FieldError> overlong = overlongCves(finding);
        if (!overlong.isEmpty()) {
            return new Rejected("The finding names a CVE id longer than any the register can hold", overlong);
        }

        DetectedAt detectedAt = detectedAt(finding);
        if (detectedAt.refusal() != null) {
            return new Rejected("The finding's time is not one ThreatFlow accepts", List.of(detectedAt.refusal()));
        }

        JsonNode info = finding.path("finding_info");
        String title = firstNonNull(text(info.path("title")), text(finding.path("message")),
                text(finding.path("class_name")), FINDING_CLASSES.get(classUid));
        List<JsonNode> malware = objects(finding.path("malware"));
        List<String> cves = cves(finding);
        String cve = cves.isEmpty() ? null : cves.get(0);

        return new Mapped(new ThreatReport(
                cut(title, TITLE_MAX),
                type(classUid, malware, cve != null, title, finding),
                cut(asset, ASSET_MAX),
                description(finding, malware, cves),
                severity(finding.path("severity_id")),
                cve,
                port(finding),
                source(finding.path("metadata").path("product")),
                cut(sourceRef(finding, malware), SOURCE_REF_MAX),
                detectedAt.time(),
                null,
                cvssScore(finding),
                epssScore(finding),
                exploitAvailable(finding),
                null,
                null), Integer.valueOf(STATUS_RESOLVED).equals(integer(finding.path("status_id"))), attacks(finding));
    }

    /** The highest CVSS base score of the finding's CVEs; a score outside 0 to 10 is no score. */
    private static Double cvssScore(JsonNode finding) {
        return objects(finding.path("vulnerabilities")).stream()
                .flatMap(vulnerability -> objects(vulnerability.path("cve").path("cvss")).stream())
                .map(cvss -> number(cvss.path("base_score")))
                .filter(score -> score != null && score >= 0 && score <= 10)
                .max(Double::compare).orElse(null);
    }

    /** The highest EPSS score of the finding's CVEs (OCSF sends it as a string); outside 0 to 1 is none. */
    private static Double epssScore(JsonNode finding) {
        return objects(finding.path("vulnerabilities")).stream()
                .map(vulnerability -> number(vulnerability.path("cve").path("epss").path("score")))
                .filter(score -> score != null && score >= 0 && score <= 1)
                .max(Double::compare).orElse(null);
    }

    private static Boolean exploitAvailable(JsonNode finding) {
        return objects(finding.path("vulnerabilities")).stream()
                .anyMatch(vulnerability -> vulnerability.path("is_exploit_available").asBoolean(false));
    }

    /**
     * The ATT&CK techniques of {@code finding_info.attacks[]} and (OCSF 1.0) {@code attacks[]}: the sub-technique
     * where there is one, with the names and tactic the finding gives; ids that are no technique id are left out.
     */
    private static List<AttackTechnique> attacks(JsonNode finding) {
        Map<String, AttackTechnique> attacks = new java.util.LinkedHashMap<>();
        Stream.concat(objects(finding.path("finding_info").path("attacks")).stream(),
                        objects(finding.path("attacks")).stream())
                .forEach(attack -> {
                    JsonNode technique = attack.path("sub_technique").isObject() ? attack.path("sub_technique")
                            : attack.path("technique");
                    String uid = text(technique.path("uid"));
                    if (AttackTechnique.isTechniqueId(uid) && attacks.size() < AttackTechnique.MAX_PER_THREAT) {
                        JsonNode tactic = attack.path("tactic").isObject() ? attack.path("tactic")
                                : objects(attack.path("tactics")).stream().findFirst().orElse(attack.path("tactic"));
                        AttackTechnique described = AttackCatalogue.describe(uid,
                                cut(text(technique.path("name")), AttackTechnique.MAX_NAME),
                                text(tactic.path("uid")), cut(text(tactic.path("name")), AttackTechnique.MAX_TACTIC_NAME));
                        attacks.putIfAbsent(described.techniqueId(), described);
                    }
                });
        return List.copyOf(attacks.values());
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String asset(JsonNode finding) {
        JsonNode device = finding.path("device");
        return firstNonNull(text(device.path("hostname")), text(device.path("ip")),
                objects(finding.path("resources")).stream().map(OcsfFindingMapper::resourceName)
                        .filter(Objects::nonNull).findFirst().orElse(null),
                resourceName(finding.path("resource")));
    }

    /** A resource's uid is an IP address in some feeds (SecurityScorecard), an ARN in others (Inspector). */
    private static String resourceName(JsonNode resource) {
        return firstNonNull(text(resource.path("hostname")), text(resource.path("uid")), text(resource.path("name")));
    }

    private static ThreatType type(int classUid, List<JsonNode> malware, boolean hasCve, String title,
            JsonNode finding) {
        if (!malware.isEmpty()) {
            return ThreatType.MALWARE;
        }
        if (classUid == VULNERABILITY_FINDING || hasCve) {
            return ThreatType.VULNERABILITY;
        }
        if (classUid == COMPLIANCE_FINDING) {
            String text = Stream.of(title, text(finding.path("finding_info").path("desc")),
                    text(finding.path("message"))).filter(Objects::nonNull).collect(Collectors.joining("\n"));
            if (END_OF_LIFE.matcher(text).find() && OPERATING_SYSTEM.matcher(text).find()) {
                return ThreatType.OUTDATED_OS;
            }
        }
        return ThreatType.OTHER;
    }

    private static Severity severity(JsonNode severityId) {
        Integer id = integer(severityId);
        if (id == null) {
            return null;
        }
        return switch (id) {
            case 1, 2 -> Severity.LOW;
            case 3 -> Severity.MEDIUM;
            case 4 -> Severity.HIGH;
            case 5, 6 -> Severity.CRITICAL;
            default -> null; // 0 Unknown, 99 Other and anything outside the enum say nothing about severity
        };
    }

    /** Valid CVE ids in the order the finding lists them, upper case, without repeats. */
    private static List<String> cves(JsonNode finding) {
        Set<String> cves = new LinkedHashSet<>();
        for (JsonNode vulnerability : objects(finding.path("vulnerabilities"))) {
            String uid = text(vulnerability.path("cve").path("uid"));
            if (uid != null) {
                String normalised = uid.toUpperCase(Locale.ROOT);
                if (CVE.matcher(normalised).matches()) {
                    cves.add(normalised);
                }
            }
        }
        return List.copyOf(cves);
    }

    /** A CVE id is kept whole or not at all: one longer than the register's column is refused, not cut. */
    private static List<FieldError> overlongCves(JsonNode finding) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode vulnerabilities = finding.path("vulnerabilities");
        for (int i = 0; vulnerabilities.isArray() && i < vulnerabilities.size(); i++) {
            String uid = text(vulnerabilities.get(i).path("cve").path("uid"));
            if (uid != null && uid.length() > NewThreat.MAX_CVE && CVE.matcher(uid.toUpperCase(Locale.ROOT)).matches()) {
                errors.add(new FieldError("vulnerabilities[" + i + "].cve.uid",
                        "is longer than " + NewThreat.MAX_CVE + " characters"));
            }
        }
        return errors;
    }

    /** The finding's own text first; what follows it (other CVEs, malware, remediation) is kept whole. */
    private static String description(JsonNode finding, List<JsonNode> malware, List<String> cves) {
        String text = firstNonNull(text(finding.path("finding_info").path("desc")), text(finding.path("message")));
        List<String> additions = new ArrayList<>();
        if (cves.size() > 1) {
            additions.add("Also: " + String.join(", ", cves.subList(1, cves.size())));
        }
        String malwareNames = malware.stream().map(OcsfFindingMapper::malwareName).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        if (!malwareNames.isEmpty()) {
            additions.add("Malware: " + malwareNames);
        }
        List<String> remediations = remediations(finding);
        if (remediations.size() == 1) {
            additions.add("Remediation: " + remediations.get(0));
        } else if (remediations.size() > 1) {
            additions.add("Remediation:\n- " + String.join("\n- ", remediations));
        }
        String tail = String.join("\n\n", additions);
        if (text == null) {
            return tail.isEmpty() ? null : cut(tail, DESCRIPTION_MAX);
        }
        if (tail.isEmpty()) {
            return cut(text, DESCRIPTION_MAX);
        }
        int room = DESCRIPTION_MAX - tail.length() - 2;
        return room > 0 ? cut(text, room) + "\n\n" + tail : cut(tail, DESCRIPTION_MAX);
    }

    private static String malwareName(JsonNode malware) {
        String name = firstNonNull(text(malware.path("name")), text(malware.path("uid")));
        if (name == null) {
            return null;
        }
        String classifications = elements(malware.path("classifications")).map(OcsfFindingMapper::text)
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return classifications.isEmpty() ? name : name + " (" + classifications + ")";
    }

    private static List<String> remediations(JsonNode finding) {
        Set<String> hints = new LinkedHashSet<>();
        for (JsonNode vulnerability : objects(finding.path("vulnerabilities"))) {
            addIfPresent(hints, text(vulnerability.path("remediation").path("desc")));
            for (JsonNode affected : objects(vulnerability.path("affected_packages"))) {
                addIfPresent(hints, text(affected.path("remediation").path("desc")));
            }
        }
        return List.copyOf(hints);
    }

    private static Integer port(JsonNode finding) {
        return Stream.concat(Stream.of(finding.path("dst_endpoint")),
                        objects(finding.path("evidences")).stream().map(evidence -> evidence.path("dst_endpoint")))
                .map(endpoint -> integer(endpoint.path("port")))
                .filter(port -> port != null && port >= 1 && port <= 65535)
                .findFirst().orElse(null);
    }

    /** "Amazon Inspector"; a product name that already starts with the vendor's is not repeated. */
    private static String source(JsonNode product) {
        String vendor = text(product.path("vendor_name"));
        String name = text(product.path("name"));
        String source;
        if (vendor == null || name == null) {
            source = firstNonNull(name, vendor, "ocsf");
        } else if (name.toLowerCase(Locale.ROOT).startsWith(vendor.toLowerCase(Locale.ROOT))) {
            source = name;
        } else {
            source = vendor + " " + name;
        }
        return cut(source, SOURCE_MAX);
    }

    private static String sourceRef(JsonNode finding, List<JsonNode> malware) {
        return firstNonNull(text(finding.path("finding_info").path("uid")),
                malware.stream().map(m -> text(m.path("uid"))).filter(Objects::nonNull).findFirst().orElse(null),
                text(finding.path("metadata").path("uid")));
    }

    /** The detection time, or why the finding is refused for it; {@code time} null when it gives none. */
    private record DetectedAt(Instant time, FieldError refusal) {
    }

    /**
     * The first of the finding's times that is there, read as its field defines it. One out of range (epoch
     * milliseconds as seconds, {@code Long.MIN_VALUE}, a number beyond a long) refuses the finding: taking the next
     * one instead would hide the sender's mistake.
     */
    private DetectedAt detectedAt(JsonNode finding) {
        JsonNode info = finding.path("finding_info");
        Map<String, JsonNode> candidates = new java.util.LinkedHashMap<>();
        candidates.put("time", finding.path("time"));
        candidates.put("time_dt", finding.path("time_dt"));
        candidates.put("finding_info.first_seen_time", info.path("first_seen_time"));
        candidates.put("finding_info.first_seen_time_dt", info.path("first_seen_time_dt"));
        for (Map.Entry<String, JsonNode> candidate : candidates.entrySet()) {
            JsonNode node = candidate.getValue();
            String field = candidate.getKey();
            Instant time = field.endsWith("_dt") ? offsetDateTime(node) : epochMillis(node);
            if (time != null) {
                return TimeBounds.refusal(time, clock)
                        .map(refusal -> new DetectedAt(null, new FieldError(field, refusal)))
                        .orElseGet(() -> new DetectedAt(time, null));
            }
        }
        return new DetectedAt(null, null);
    }

    /** A number beyond a long is as far out of range as the earliest or latest instant. */
    private static Instant epochMillis(JsonNode node) {
        if (!node.isIntegralNumber()) {
            return null;
        }
        if (!node.canConvertToLong()) {
            return node.bigIntegerValue().signum() < 0 ? Instant.MIN : Instant.MAX;
        }
        return Instant.ofEpochMilli(node.longValue());
    }

    private static Instant offsetDateTime(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    /**
     * A string node's text without surrounding blanks, or null. Both Java's whitespace and the control
     * characters {@link String#trim()} drops are blanks here, so the result also satisfies {@code @NotBlank}.
     */
    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.textValue();
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static List<JsonNode> objects(JsonNode array) {
        return elements(array).filter(JsonNode::isObject).toList();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false) : Stream.empty();
    }

    /** Cuts at {@code max} chars, one earlier where the cut would split a surrogate pair. */
    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
