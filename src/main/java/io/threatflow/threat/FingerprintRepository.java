package io.threatflow.threat;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FingerprintRepository {

    private final JdbcClient jdbc;

    FingerprintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> findThreat(List<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select threat_id from threat_fingerprint where fingerprint in (:fingerprints)")
                .param("fingerprints", fingerprints).query(String.class).list().stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another open threat holds one of them */
    void insert(String threatId, List<String> fingerprints) {
        fingerprints.forEach(fingerprint -> jdbc.sql(
                        "insert into threat_fingerprint (fingerprint, threat_id) values (:fingerprint, :threatId)")
                .param("fingerprint", fingerprint).param("threatId", threatId).update());
    }

    void deleteFor(String threatId) {
        jdbc.sql("delete from threat_fingerprint where threat_id = :threatId").param("threatId", threatId).update();
    }
}
