package io.threatflow.threat;

import io.threatflow.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ThreatRepository {

    /**
     * A service level missed: a breach recorded, or a due time that passed before its moment (triage, containment,
     * closing) came, or that has passed with the moment still to come. A case without due times has breached none
     * (each test says so, rather than leaving SQL's unknown to a NOT).
     */
    private static final String BREACHED = """
            (exists (select 1 from sla_breach b where b.threat_id = threat.id)
              or (triage_due_at is not null and triage_due_at < coalesce(triaged_at, closed_at, :now))
              or (contain_due_at is not null and contain_due_at < coalesce(contained_at, eradicated_at, closed_at, :now))
              or (resolve_due_at is not null and resolve_due_at < coalesce(closed_at, :now)))""";

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    ThreatRepository(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Threat threat) {
        jdbc.sql("""
                insert into threat (id, title, description, type, severity, reported_severity, known_exploited,
                  asset_id, asset_name, cve, port, source, source_ref, status, reported_at, detected_at, dry_run)
                values (:id, :title, :description, :type, :severity, :reportedSeverity, :knownExploited,
                  :assetId, :assetName, :cve, :port, :source, :sourceRef, :status, :reportedAt, :detectedAt, :dryRun)
                """)
                .param("id", threat.id())
                .param("title", threat.title())
                .param("description", threat.description())
                .param("type", threat.type().name())
                .param("severity", name(threat.severity()))
                .param("reportedSeverity", name(threat.reportedSeverity()))
                .param("knownExploited", threat.knownExploited())
                .param("assetId", threat.assetId())
                .param("assetName", threat.assetName())
                .param("cve", threat.cve())
                .param("port", threat.port())
                .param("source", threat.source())
                .param("sourceRef", threat.sourceRef())
                .param("status", threat.status().name())
                .param("reportedAt", utc(threat.reportedAt()))
                .param("detectedAt", utc(threat.detectedAt()))
                .param("dryRun", threat.dryRun())
                .update();
    }

    void insertEvidence(String threatId, ThreatEvidence evidence) {
        jdbc.sql("""
                update threat set cvss_score = :cvss, epss_score = :epss, exploit_available = :exploit,
                  internet_facing = :internet where id = :id
                """)
                .param("cvss", evidence.cvssScore()).param("epss", evidence.epssScore())
                .param("exploit", evidence.exploitAvailable()).param("internet", evidence.internetFacing())
                .param("id", threatId).update();
        int position = 0;
        for (AttackTechnique attack : evidence.attacks()) {
            jdbc.sql("""
                    insert into threat_attack (threat_id, position, technique_id, technique_name, tactic_id, tactic_name)
                    values (:threatId, :position, :techniqueId, :techniqueName, :tacticId, :tacticName)
                    """)
                    .param("threatId", threatId).param("position", position++)
                    .param("techniqueId", attack.techniqueId()).param("techniqueName", attack.techniqueName())
                    .param("tacticId", attack.tacticId()).param("tacticName", attack.tacticName())
                    .update();
        }
    }

    Optional<ThreatEvidence> findEvidence(String threatId) {
        List<AttackTechnique> attacks = jdbc.sql("""
                select technique_id, technique_name, tactic_id, tactic_name from threat_attack
                  where threat_id = :id order by position
                """)
                .param("id", threatId)
                .query((rs, n) -> new AttackTechnique(rs.getString("technique_id"), rs.getString("technique_name"),
                        rs.getString("tactic_id"), rs.getString("tactic_name")))
                .list();
        return jdbc.sql("select cvss_score, epss_score, exploit_available, internet_facing from threat where id = :id")
                .param("id", threatId)
                .query((rs, n) -> new ThreatEvidence(decimal(rs, "cvss_score"), decimal(rs, "epss_score"),
                        rs.getBoolean("exploit_available"), rs.getBoolean("internet_facing"), attacks))
                .optional();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    public Optional<Threat> findById(String id) {
        return jdbc.sql("select * from threat where id = :id").param("id", id).query(this::row).optional();
    }

    /** Threats on the asset that are not closed, other than the one given. */
    public List<Threat> findOpenOnAsset(String assetId, String exceptThreatId) {
        return jdbc.sql("""
                select * from threat where asset_id = :assetId and id <> :except
                  and status in ('OPEN', 'CONTAINED') order by reported_at
                """)
                .param("assetId", assetId).param("except", exceptThreatId)
                .query(this::row).list();
    }

    /** One page of threats, newest report first, matching every filter that is set. */
    public ThreatPage search(ThreatFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.severity() != null) {
            where.append(" and severity = :severity");
            params.put("severity", filter.severity().name());
        }
        if (filter.type() != null) {
            where.append(" and type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.asset() != null) {
            where.append(" and lower(asset_name) = :asset");
            params.put("asset", Text.strip(filter.asset()).toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.reportedSince() != null) {
            where.append(" and reported_at >= :since");
            params.put("since", utc(filter.reportedSince()));
        }
        if (filter.cve() != null) {
            where.append(" and upper(cve) = :cve");
            params.put("cve", Text.strip(filter.cve()).toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.titleContains() != null) {
            // a LIKE pattern of the words as typed: % and _ in them are literal
            where.append(" and lower(title) like :title escape '!'");
            params.put("title", "%" + Text.strip(filter.titleContains()).toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.sla() != null) {
            where.append(switch (filter.sla()) {
                case BREACHED -> " and " + BREACHED;
                case ON_TRACK -> " and closed_at is null and not " + BREACHED;
                case MET -> " and closed_at is not null and not " + BREACHED;
            });
            params.put("now", utc(java.time.Instant.now(clock)));
        }
        if (filter.ids() != null) {
            if (filter.ids().isEmpty()) {
                return new ThreatPage(List.of(), page, size, 0);
            }
            where.append(" and id in (:ids)");
            params.put("ids", filter.ids());
        }
        long total = jdbc.sql("select count(*) from threat" + where).params(params).query(Long.class).single();
        List<Threat> items = jdbc.sql("select * from threat" + where
                        + " order by reported_at desc, id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(this::row).list();
        return new ThreatPage(items, page, size, total);
    }

    void updateStatus(String id, ThreatStatus status) {
        jdbc.sql("update threat set status = :status where id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    void updateSeverity(String id, Severity severity) {
        jdbc.sql("update threat set severity = :severity where id = :id")
                .param("severity", severity.name()).param("id", id).update();
    }

    void updateKnownExploited(String id, boolean knownExploited) {
        jdbc.sql("update threat set known_exploited = :known where id = :id")
                .param("known", knownExploited).param("id", id).update();
    }

    void updateProcessInstance(String id, String processInstanceId) {
        jdbc.sql("update threat set process_instance_id = :pi where id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    void markPhase(String id, Phase phase, Instant at) {
        // the column comes from the Phase enum, never from input
        jdbc.sql("update threat set " + phase.column + " = :at where id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private Threat row(ResultSet rs, int rowNum) throws SQLException {
        Map<Phase, Instant> phases = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            Instant at = instant(rs, phase.column);
            if (at != null) {
                phases.put(phase, at);
            }
        }
        String severity = rs.getString("severity");
        String reported = rs.getString("reported_severity");
        return new Threat(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                ThreatType.valueOf(rs.getString("type")), severity == null ? null : Severity.valueOf(severity),
                reported == null ? null : Severity.valueOf(reported), rs.getBoolean("known_exploited"),
                rs.getString("asset_id"), rs.getString("asset_name"), rs.getString("cve"),
                (Integer) rs.getObject("port", Integer.class), rs.getString("source"), rs.getString("source_ref"),
                ThreatStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
                instant(rs, "reported_at"), instant(rs, "detected_at"), phases, rs.getBoolean("dry_run"));
    }
}
