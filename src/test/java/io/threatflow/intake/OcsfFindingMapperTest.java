package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threatflow.web.Problems.FieldError;
import io.threatflow.intake.OcsfMapping.Mapped;
import io.threatflow.threat.AttackTechnique;
import io.threatflow.intake.OcsfMapping.Rejected;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real OCSF samples from github.com/ocsf/examples (see src/test/resources/ocsf) plus small inline findings. */
class OcsfFindingMapperTest {

    private static final String INSPECTOR = "aws-inspector-vulnerability-finding.json";
    private static final String SECURITY_SCORECARD = "ssc-malware-security-finding.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    private final OcsfFindingMapper mapper = new OcsfFindingMapper(CLOCK);

    // --- the real samples ---

    @Test
    void shouldMapInspectorFindingToVulnerability() {
        ThreatReport report = mapped(sample(INSPECTOR));

        assertThat(report.title()).isEqualTo("CVE-2023-1255 - openssl");
        assertThat(report.type()).isEqualTo(ThreatType.VULNERABILITY);
        assertThat(report.cve()).isEqualTo("CVE-2023-1255");
        assertThat(report.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(report.source()).isEqualTo("Amazon Inspector");
        assertThat(report.sourceRef())
                .isEqualTo("arn:aws:inspector2:us-east-2:111111111111:finding/faa0d54609b94871badcc83ac7c2add5");
        assertThat(report.asset()).isEqualTo("arn:aws:ecr:us-east-2:111111111111:repository/"
                + "browserhostingstack-EXAMPLE-btb1o54yh1jr/"
                + "sha256:e9e2afad74f4e80511a5cff33d3d989b9797a718425f27e549f5b1f862c058a8");
        assertThat(report.detectedAt()).isEqualTo(Instant.ofEpochMilli(1706307554000L))
                .isEqualTo(Instant.parse("2024-01-26T22:19:14Z"));
        assertThat(report.port()).isNull();
    }

    @Test
    void shouldReadCvssEpssAndExploitAvailability_fromInspectorFinding() {
        ThreatReport report = mapped(sample(INSPECTOR));

        assertThat(report.cvssScore()).isEqualTo(5.9);
        assertThat(report.epssScore()).isEqualTo(0.00066);
        assertThat(report.exploitAvailable()).isTrue();
        assertThat(report.internetFacing()).isNull();
    }

    @Test
    void shouldTakeTheHighestScores_andIgnoreScoresOutOfRange() {
        ThreatReport report = mapped(finding(2002, """
                {"vulnerabilities": [
                  {"cve": {"uid": "CVE-2024-0001", "cvss": [{"base_score": 7.5}, {"base_score": 11}],
                           "epss": {"score": "0.2"}}},
                  {"cve": {"uid": "CVE-2024-0002", "cvss": [{"base_score": "9.1"}], "epss": {"score": 1.7}},
                   "is_exploit_available": false}]}"""));

        assertThat(report.cvssScore()).isEqualTo(9.1);
        assertThat(report.epssScore()).isEqualTo(0.2);
        assertThat(report.exploitAvailable()).isFalse();
    }

    @Test
    void shouldReadAttackTechniques_fromFindingInfoAndTheOlderAttacksArray() {
        OcsfMapping mapping = mapper.map(finding(2004, """
                {"finding_info": {"title": "Ransomware", "attacks": [
                   {"technique": {"uid": "T1486", "name": "Data Encrypted for Impact"},
                    "tactic": {"uid": "TA0040", "name": "Impact"}},
                   {"technique": {"uid": "T1021", "name": "Remote Services"},
                    "sub_technique": {"uid": "T1021.001", "name": "Remote Desktop Protocol"},
                    "tactics": [{"uid": "TA0008", "name": "Lateral Movement"}]},
                   {"technique": {"uid": "not-a-technique"}}]},
                 "attacks": [{"technique": {"uid": "t1486"}}, {"technique": {"uid": "T1999", "name": "Something new"}},
                   {"technique": {"uid": "T1078"}}]}"""));

        assertThat(mapping).isInstanceOf(Mapped.class);
        assertThat(((Mapped) mapping).attacks()).containsExactly(
                new AttackTechnique("T1486", "Data Encrypted for Impact", "TA0040", "Impact"),
                new AttackTechnique("T1021.001", "Remote Desktop Protocol", "TA0008", "Lateral Movement"),
                new AttackTechnique("T1999", "Something new", null, null),
                new AttackTechnique("T1078", "Valid Accounts", "TA0001", "Initial Access"));
        assertThat(((Mapped) mapping).toNewThreat(CLOCK).evidence().attackIds())
                .isEqualTo("T1486 TA0040 T1021.001 TA0008 T1999 T1078 TA0001");
    }

    @Test
    void shouldDescribeInspectorFindingWithBothRemediationHints() {
        JsonNode finding = sample(INSPECTOR);

        ThreatReport report = mapped(finding);

        assertThat(report.description()).isEqualTo(finding.at("/finding_info/desc").textValue() + "\n\n"
                + "Remediation:\n"
                + "- Remediation is available. Please refer to the Fixed version in the vulnerability details section"
                + " above.For detailed remediation guidance for each of the affected packages, refer to the"
                + " vulnerabilities section of the detailed finding JSON.\n"
                + "- apk update && apk upgrade openssl");
    }

    @Test
    void shouldHoldFourInfections_inSecurityScorecardSample() {
        assertThat(sample(SECURITY_SCORECARD).size()).isEqualTo(4);
    }

    @ParameterizedTest(name = "item {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 1.183.190.110  | pva.torrent.openinternet_9d153be3-a48e-4498-b476-18c2a847d214   | 1668535199945 | pva.torrent.openinternet (Potentially vulnerable application)
            1 | 59.11.81.231   | pva.torrent.openinternet_e1472f25-0d2d-4b88-aac9-b7bd439218f5   | 1668535199946 | pva.torrent.openinternet (Potentially vulnerable application)
            2 | 190.109.227.80 | pva.torrent.kickasstracker_d605642d-9f8b-46ed-bb19-882ffc34a8f4 | 1668535199947 | pva.torrent.kickasstracker (Potentially vulnerable application)
            3 | 38.7.186.198   | adware.android.imp_7cd5cf7b-4c99-406c-ad46-621487394fba         | 1668535199948 | adware.android.imp (Adware)
            """)
    void shouldMapSecurityScorecardInfectionToMalware(int item, String ip, String malwareUid, long time,
            String malware) {
        JsonNode finding = sample(SECURITY_SCORECARD).get(item);
        String message = finding.get("message").textValue().strip();

        ThreatReport report = mapped(finding);

        assertThat(report.type()).isEqualTo(ThreatType.MALWARE);
        assertThat(report.severity()).isEqualTo(Severity.LOW);
        assertThat(report.asset()).isEqualTo(ip);
        assertThat(report.sourceRef()).isEqualTo(malwareUid);
        assertThat(report.detectedAt()).isEqualTo(Instant.ofEpochMilli(time));
        assertThat(report.title()).isEqualTo(message).contains("infection detected on IP address " + ip);
        assertThat(report.description()).isEqualTo(message + "\n\nMalware: " + malware);
        assertThat(report.source()).isEqualTo("SecurityScorecard Attack Surface Intelligence");
        assertThat(report.cve()).isNull();
        assertThat(report.port()).isNull();
    }

    // --- asset ---

    @Test
    void shouldPreferDeviceHostnameOverIp() {
        ObjectNode finding = finding(2004, "{}");
        finding.set("device", json("{\"hostname\": \"web-01\", \"ip\": \"10.0.0.5\"}"));
        finding.set("resources", json("[{\"uid\": \"10.9.9.9\"}]"));

        assertThat(mapped(finding).asset()).isEqualTo("web-01");
    }

    @Test
    void shouldUseDeviceIp_whenHostnameIsBlank() {
        ObjectNode finding = finding(2004, "{}");
        finding.set("device", json("{\"hostname\": \"  \", \"ip\": \"10.0.0.5\"}"));
        finding.set("resources", json("[{\"uid\": \"10.9.9.9\"}]"));

        assertThat(mapped(finding).asset()).isEqualTo("10.0.0.5");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            [{"hostname": "db-01", "uid": "10.9.9.9", "name": "Database"}]        | db-01
            [{"uid": "10.9.9.9", "name": "Database"}, {"hostname": "db-02"}]      | 10.9.9.9
            [{"name": "Database"}]                                                | Database
            ["db-03", {"uid": 7}, {"uid": "arn:aws:ec2:i-1"}]                     | arn:aws:ec2:i-1
            """)
    void shouldTakeFirstResourceHostnameThenUidThenName(String resources, String asset) {
        ObjectNode finding = finding(2001, "{}");
        finding.remove("device");
        finding.set("resources", json(resources));

        assertThat(mapped(finding).asset()).isEqualTo(asset);
    }

    @Test
    void shouldUseSingularResourceUid_whenNothingElseNamesAnAsset() {
        ObjectNode finding = finding(2002, "{}");
        finding.remove("device");
        finding.set("resource", json("{\"uid\": \"arn:aws:ecr:us-east-2:111111111111:repository/app\"}"));

        assertThat(mapped(finding).asset()).isEqualTo("arn:aws:ecr:us-east-2:111111111111:repository/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"device\": {\"hostname\": \" \", \"ip\": \"\"}, \"resources\": []}",
            "{\"device\": \"web-01\", \"resources\": [{\"uid\": 12}], \"resource\": {\"uid\": null}}",
            "{\"device\": {\"hostname\": 1, \"ip\": []}, \"resources\": {\"uid\": \"10.0.0.1\"}}"})
    void shouldRejectFindingThatNamesNoAsset_namingTheAssetFields(String body) {
        ObjectNode finding = (ObjectNode) json(body);
        finding.put("class_uid", 2001);

        Rejected rejected = rejected(finding);

        assertThat(rejected.detail()).isEqualTo("The finding names no asset");
        assertThat(rejected.errors()).extracting(FieldError::field)
                .containsExactly("device.hostname", "device.ip", "resources[0].uid");
    }

    @Test
    void shouldCutAssetTo255Characters() {
        ObjectNode finding = finding(2001, "{}");
        finding.set("device", json("{\"hostname\": \"" + "h".repeat(300) + "\"}"));

        assertThat(mapped(finding).asset()).isEqualTo("h".repeat(255));
    }

    // --- class_uid and type ---

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"class_uid\": 2005}", "{\"class_uid\": 1001}", "{\"class_uid\": 0}", "{\"class_uid\": -2002}",
            "{\"class_uid\": \"2002\"}", "{\"class_uid\": 2002.0}", "{\"class_uid\": null}", "{}",
            "{\"class_uid\": 99999999999}", "[{\"class_uid\": 2002}]", "\"finding\"", "2002", "null"})
    void shouldRejectAnythingButTheFourFindingClasses_namingClassUid(String body) {
        JsonNode finding = json(body);
        if (finding.isObject()) {
            ((ObjectNode) finding).set("device", json("{\"hostname\": \"web-01\"}"));
        }

        assertThat(rejected(finding).errors()).extracting(FieldError::field).containsExactly("class_uid");
    }

    @Test
    void shouldRejectMissingFinding_namingClassUid() {
        assertThat(rejected(null).errors()).extracting(FieldError::field).containsExactly("class_uid");
    }

    @ParameterizedTest
    @ValueSource(ints = {2001, 2002, 2003, 2004})
    void shouldTypeAnyFindingAsMalware_whenMalwareIsListed(int classUid) {
        ObjectNode finding = finding(classUid, """
                {"malware": [{"name": "emotet", "classifications": ["Trojan", "Botnet"]}],
                 "vulnerabilities": [{"cve": {"uid": "CVE-2024-3400"}}],
                 "finding_info": {"desc": "Beaconing seen"}}""");

        ThreatReport report = mapped(finding);

        assertThat(report.type()).isEqualTo(ThreatType.MALWARE);
        assertThat(report.description()).isEqualTo("Beaconing seen\n\nMalware: emotet (Trojan, Botnet)");
    }

    @Test
    void shouldTypeVulnerabilityFindingAsVulnerability_withoutCve() {
        ThreatReport report = mapped(finding(2002, "{\"finding_info\": {\"title\": \"Weak SSH host key\"}}"));

        assertThat(report.type()).isEqualTo(ThreatType.VULNERABILITY);
        assertThat(report.cve()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {2001, 2003, 2004})
    void shouldTypeOtherFindingsAsVulnerability_whenTheyNameACve(int classUid) {
        ThreatReport report = mapped(finding(classUid, "{\"vulnerabilities\": [{\"cve\": {\"uid\": \"CVE-2024-3400\"}}]}"));

        assertThat(report.type()).isEqualTo(ThreatType.VULNERABILITY);
        assertThat(report.cve()).isEqualTo("CVE-2024-3400");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"finding_info\": {\"title\": \"Windows Server 2012 R2 has reached end of life\"}}",
            "{\"finding_info\": {\"title\": \"Host runs an end-of-life operating system\"}}",
            "{\"finding_info\": {\"title\": \"CentOS 7 is EOL\"}}",
            "{\"finding_info\": {\"title\": \"OS version check\", \"desc\": \"The OS is unsupported by its vendor\"}}",
            "{\"message\": \"Ubuntu 16.04 is no longer supported\"}"})
    void shouldTypeComplianceFindingAsOutdatedOs_whenItNamesAnEndOfLifeOs(String body) {
        assertThat(mapped(finding(2003, body)).type()).isEqualTo(ThreatType.OUTDATED_OS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"finding_info\": {\"title\": \"Password policy too weak\"}}",
            "{\"finding_info\": {\"title\": \"Unsupported TLS cipher suites enabled\"}}",
            "{\"finding_info\": {\"title\": \"Ubuntu 22.04 CIS baseline check failed\"}}",
            "{\"finding_info\": {\"title\": \"Geolocation of logins not restricted\"}}",
            "{}"})
    void shouldTypeComplianceFindingAsOther_unlessItNamesAnEndOfLifeOs(String body) {
        assertThat(mapped(finding(2003, body)).type()).isEqualTo(ThreatType.OTHER);
    }

    @ParameterizedTest
    @ValueSource(ints = {2001, 2004})
    void shouldTypeSecurityAndDetectionFindingsAsOther_withoutMalwareOrCve(int classUid) {
        ObjectNode finding = finding(classUid, "{\"finding_info\": {\"title\": \"Windows 7 is end of life\"}}");

        assertThat(mapped(finding).type()).isEqualTo(ThreatType.OTHER);
    }

    // --- severity ---

    @ParameterizedTest(name = "severity_id {0} -> {1}")
    @CsvSource(nullValues = "null", textBlock = """
            1,  LOW
            2,  LOW
            3,  MEDIUM
            4,  HIGH
            5,  CRITICAL
            6,  CRITICAL
            0,  null
            99, null
            7,  null
            -1, null
            """)
    void shouldMapSeverityId(int severityId, Severity severity) {
        ObjectNode finding = finding(2001, "{}");
        finding.put("severity_id", severityId);

        assertThat(mapped(finding).severity()).isEqualTo(severity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"severity_id\": null}", "{\"severity_id\": \"3\"}", "{\"severity_id\": 3.5}",
            "{\"severity_id\": {}}", "{\"severity\": \"High\"}"})
    void shouldLeaveSeverityOpen_whenSeverityIdIsMissingOrNotAnInteger(String body) {
        assertThat(mapped(finding(2001, body)).severity()).isNull();
    }

    // --- CVE, title, description ---

    @Test
    void shouldTakeFirstValidCve_andListTheOthersInDescription() {
        ThreatReport report = mapped(finding(2002, """
                {"finding_info": {"desc": "Several flaws in one package"},
                 "vulnerabilities": [
                   {"cve": {"uid": "not-a-cve"}},
                   {"cve": {"uid": " cve-2024-3400 "}},
                   {"cve": "CVE-2020-0001"},
                   {"cve": {"uid": "CVE-2023-1255"}},
                   {"cve": {"uid": "CVE-2024-3400"}},
                   {"cve": {"uid": "CVE-2021-44228"}}]}"""));

        assertThat(report.cve()).isEqualTo("CVE-2024-3400");
        assertThat(report.description())
                .isEqualTo("Several flaws in one package\n\nAlso: CVE-2023-1255, CVE-2021-44228");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"finding_info": {"title": " Open RDP "}, "message": "m", "class_name": "c"} | Open RDP
            {"finding_info": {"title": " "}, "message": "Port 3389 open", "class_name": "c"} | Port 3389 open
            {"message": 42, "class_name": "Detection Finding"}                           | Detection Finding
            {"class_name": ""}                                                           | Compliance Finding
            """)
    void shouldTitleFromFindingInfoThenMessageThenClassName(String body, String title) {
        assertThat(mapped(finding(2003, body)).title()).isEqualTo(title);
    }

    @Test
    void shouldCutLongTitleTo200Characters() {
        String title = "T".repeat(250);

        assertThat(mapped(finding(2001, "{\"finding_info\": {\"title\": \"" + title + "\"}}")).title())
                .isEqualTo("T".repeat(200));
    }

    @Test
    void shouldNotSplitACharacter_whenCuttingTitle() {
        String title = "x" + "\uD83D\uDE00".repeat(150);

        String mapped = mapped(finding(2001, "{\"finding_info\": {\"title\": \"" + title + "\"}}")).title();

        assertThat(mapped).hasSize(199).isEqualTo(title.substring(0, 199));
    }

    @Test
    void shouldKeepRemediation_whenCuttingLongDescription() {
        ObjectNode finding = finding(2002, """
                {"vulnerabilities": [{"remediation": {"desc": "Upgrade to 3.0.9"}}]}""");
        finding.putObject("finding_info").put("desc", "d".repeat(5000));

        String description = mapped(finding).description();

        assertThat(description).hasSize(4000).startsWith("ddd").endsWith("d\n\nRemediation: Upgrade to 3.0.9");
    }

    @Test
    void shouldDescribeFromMessage_whenFindingInfoHasNoDesc() {
        assertThat(mapped(finding(2004, "{\"message\": \"Mimikatz seen\"}")).description()).isEqualTo("Mimikatz seen");
    }

    // --- time, port, source ---

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            {"time": 1706307554000, "time_dt": "2020-01-01T00:00:00Z"}                  | 2024-01-26T22:19:14Z
            {"time_dt": "2024-01-26T17:19:14.000-05:00"}                                | 2024-01-26T22:19:14Z
            {"time": "yesterday", "time_dt": "2024-01-26T17:19:14.000-05:00"}          | 2024-01-26T22:19:14Z
            {"finding_info": {"first_seen_time": 1682092744000}}                        | 2023-04-21T15:59:04Z
            {"finding_info": {"first_seen_time_dt": "2023-04-21T11:59:04.000-04:00"}}   | 2023-04-21T15:59:04Z
            {"time_dt": "21/04/2023"}                                                   | null
            {"time_dt": "2023-04-21T11:59:04"}                                          | null
            {"time": 1.5E12}                                                            | null
            {}                                                                          | null
            """)
    void shouldTakeDetectionTimeFromTimeThenFirstSeen(String body, Instant detectedAt) {
        assertThat(mapped(finding(2001, body)).detectedAt()).isEqualTo(detectedAt);
    }

    /** Before: Long.MIN_VALUE was stored as a year 292 million years ago, a year 999999999 as a negative one. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"time": -9223372036854775808}                                       | time
            {"time": 9223372036854775807}                                        | time
            {"time": 12345678901234567890123}                                    | time
            {"time": -1}                                                         | time
            {"time": 1795867200001}                                              | time
            {"time_dt": "+999999999-12-31T23:59:59Z"}                            | time_dt
            {"time": "yesterday", "time_dt": "1969-12-31T23:59:59Z"}             | time_dt
            {"finding_info": {"first_seen_time": 4102444800000}}                 | finding_info.first_seen_time
            {"finding_info": {"first_seen_time_dt": "2100-01-01T00:00:00+01:00"}} | finding_info.first_seen_time_dt
            """)
    void shouldRejectFinding_namingTheTime_whenItIsBefore1970OrMoreThanADayAhead(String body, String field) {
        Rejected rejected = rejected(finding(2004, body));

        assertThat(rejected.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(rejected.errors().get(0).message()).contains("1970-01-01T00:00:00Z", "2026-11-28T12:00:00Z");
    }

    @Test
    void shouldAcceptTimesUpToOneDayAhead() {
        assertThat(mapped(finding(2004, "{\"time\": 1795867200000}")).detectedAt())
                .isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(mapped(finding(2004, "{\"time\": 0}")).detectedAt()).isEqualTo(Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            {"dst_endpoint": {"port": 443}, "evidences": [{"dst_endpoint": {"port": 22}}]}   | 443
            {"evidences": [{"dst_endpoint": {"port": 0}}, {"dst_endpoint": {"port": 3389}}]} | 3389
            {"dst_endpoint": {"port": 65536}}                                                 | null
            {"dst_endpoint": {"port": "443"}}                                                 | null
            {}                                                                                | null
            """)
    void shouldTakePortFromDestinationEndpoint(String body, Integer port) {
        assertThat(mapped(finding(2004, body)).port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            {"metadata": {"uid": "m-1", "product": {"vendor_name": "Wiz", "name": "Wiz Cloud"}}} | Wiz Cloud  | m-1
            {"metadata": {"product": {"vendor_name": "CrowdStrike", "name": "Falcon"}}}         | CrowdStrike Falcon | null
            {"metadata": {"product": {"name": "Falcon"}}}                                       | Falcon     | null
            {"metadata": "Falcon"}                                                              | ocsf       | null
            {"finding_info": {"uid": "f-1"}, "malware": [{"uid": "mw-1"}], "metadata": {"uid": "m-1"}} | ocsf | f-1
            {"malware": [{"name": "x"}, {"uid": "mw-2"}], "metadata": {"uid": "m-1"}}          | ocsf       | mw-2
            """)
    void shouldNameSourceAndSourceRef(String body, String source, String sourceRef) {
        ThreatReport report = mapped(finding(2004, body));

        assertThat(report.source()).isEqualTo(source);
        assertThat(report.sourceRef()).isEqualTo(sourceRef);
    }

    @Test
    void shouldCutSourceTo100AndSourceRefTo255Characters() {
        ThreatReport report = mapped(finding(2001, "{\"metadata\": {\"uid\": \"" + "u".repeat(300)
                + "\", \"product\": {\"vendor_name\": \"" + "v".repeat(80) + "\", \"name\": \"" + "n".repeat(80)
                + "\"}}}"));

        assertThat(report.source()).isEqualTo("v".repeat(80) + " " + "n".repeat(19));
        assertThat(report.sourceRef()).isEqualTo("u".repeat(255));
    }

    // --- robustness ---

    @Test
    void shouldTreatWrongNodeTypesAsMissing() {
        ThreatReport report = mapped(finding(2001, """
                {"malware": "x", "time": {}, "time_dt": 5, "severity_id": "high", "finding_info": "x",
                 "message": ["m"], "class_name": 2001, "vulnerabilities": {"cve": {"uid": "CVE-2024-3400"}},
                 "metadata": [], "dst_endpoint": {"port": "443"}, "evidences": "x", "resources": "x"}"""));

        assertThat(report).isEqualTo(new ThreatReport("Security Finding", ThreatType.OTHER, "web-01", null, null,
                null, null, "ocsf", null, null, null, null, null, false, null, null));
    }

    /** Every node of the real samples replaced in turn by each value of the wrong kind. */
    @Test
    void shouldNeverThrow_whenAnyNodeOfTheSamplesHasAnotherType() {
        List<JsonNode> samples = new ArrayList<>();
        samples.add(sample(INSPECTOR));
        sample(SECURITY_SCORECARD).forEach(samples::add);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> garbage = List.of(nodes.textNode("x"), nodes.textNode(" "), nodes.objectNode(),
                nodes.arrayNode(), nodes.nullNode(), nodes.numberNode(-1), nodes.numberNode(Long.MAX_VALUE),
                nodes.numberNode(new BigInteger("1".repeat(40))), nodes.numberNode(Double.NaN),
                nodes.numberNode(1e308), nodes.booleanNode(true), nodes.textNode("\uD83D\uDE00".repeat(3000)),
                nodes.textNode("\u0001\u2003"), json("[\"x\", 1, null, {}]"));
        int mappings = 0;

        for (JsonNode sample : samples) {
            for (JsonPointer pointer : pointers(sample)) {
                for (JsonNode value : garbage) {
                    JsonNode finding = replaced(sample, pointer, value);
                    assertThatCode(() -> {
                        if (mapper.map(finding) instanceof Mapped mapped) {
                            assertThat(VALIDATOR.validate(mapped.report())).isEmpty();
                        }
                    }).as("%s = %s", pointer, value).doesNotThrowAnyException();
                    mappings++;
                }
            }
        }
        assertThat(mappings).isGreaterThan(1000);
    }

    // --- helpers ---

    private ThreatReport mapped(JsonNode finding) {
        OcsfMapping mapping = mapper.map(finding);
        assertThat(mapping).isInstanceOf(Mapped.class);
        ThreatReport report = ((Mapped) mapping).report();
        assertThat(VALIDATOR.validate(report)).as("bean validation of %s", report).isEmpty();
        return report;
    }

    private Rejected rejected(JsonNode finding) {
        OcsfMapping mapping = mapper.map(finding);
        assertThat(mapping).isInstanceOf(Rejected.class);
        return (Rejected) mapping;
    }

    /** A finding of the class on device web-01, with the given fields added. */
    private static ObjectNode finding(int classUid, String fields) {
        ObjectNode finding = JSON.createObjectNode();
        finding.put("class_uid", classUid);
        finding.set("device", json("{\"hostname\": \"web-01\"}"));
        finding.setAll((ObjectNode) json(fields));
        return finding;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sample(String name) {
        try (InputStream in = OcsfFindingMapperTest.class.getResourceAsStream("/ocsf/" + name)) {
            assertThat(in).as("test resource ocsf/%s", name).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonPointer> pointers(JsonNode root) {
        List<JsonPointer> pointers = new ArrayList<>();
        collect(root, JsonPointer.empty(), pointers);
        return pointers;
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> pointers) {
        pointers.add(at);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), at.appendProperty(field.getKey()), pointers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), pointers);
            }
        }
    }

    private static JsonNode replaced(JsonNode sample, JsonPointer pointer, JsonNode value) {
        if (pointer.matches()) {
            return value;
        }
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy.at(pointer.head());
        if (parent instanceof ObjectNode object) {
            object.set(pointer.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), value);
        }
        return copy;
    }
}
