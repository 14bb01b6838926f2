package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The risky services table exposed-service in processes/threat-severity.dmn, hit policy FIRST: every rule, every port. */
class ExposedServiceDecisionTest {

    private static final DecisionTableUnderTest EXPOSED_SERVICE =
            DecisionTableUnderTest.load("threat-severity", "exposed-service");

    @ParameterizedTest(name = "port {0}, internet-facing {1} -> {3} ({4}) by {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # port | internet | first matching rule | floor | service
             3389 | true  | Rule_ExposedService01 | HIGH     | remote desktop (RDP)
              445 | true  | Rule_ExposedService02 | HIGH     | file sharing (SMB)
              139 | true  | Rule_ExposedService02 | HIGH     | file sharing (SMB)
               23 | true  | Rule_ExposedService03 | HIGH     | Telnet
             5900 | true  | Rule_ExposedService04 | HIGH     | remote screen (VNC)
             5901 | true  | Rule_ExposedService04 | HIGH     | remote screen (VNC)
             2375 | true  | Rule_ExposedService05 | CRITICAL | a container or cluster API (Docker, Kubernetes, etcd)
             2376 | true  | Rule_ExposedService05 | CRITICAL | a container or cluster API (Docker, Kubernetes, etcd)
             6443 | true  | Rule_ExposedService05 | CRITICAL | a container or cluster API (Docker, Kubernetes, etcd)
            10250 | true  | Rule_ExposedService05 | CRITICAL | a container or cluster API (Docker, Kubernetes, etcd)
             2379 | true  | Rule_ExposedService05 | CRITICAL | a container or cluster API (Docker, Kubernetes, etcd)
              502 | true  | Rule_ExposedService06 | CRITICAL | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
              102 | true  | Rule_ExposedService06 | CRITICAL | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
            20000 | true  | Rule_ExposedService06 | CRITICAL | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
            44818 | true  | Rule_ExposedService06 | CRITICAL | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
            47808 | true  | Rule_ExposedService06 | CRITICAL | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
             1433 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             1521 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             3306 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             5432 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
            27017 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             6379 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             9200 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
            11211 | true  | Rule_ExposedService07 | HIGH     | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
               21 | true  | Rule_ExposedService08 | MEDIUM   | FTP
              161 | true  | Rule_ExposedService09 | MEDIUM   | SNMP
             3389 | false | Rule_ExposedService10 | MEDIUM   | remote desktop (RDP)
              445 | false | Rule_ExposedService11 | MEDIUM   | file sharing (SMB)
              139 | false | Rule_ExposedService11 | MEDIUM   | file sharing (SMB)
               23 | false | Rule_ExposedService12 | MEDIUM   | Telnet
             5900 | false | Rule_ExposedService13 | MEDIUM   | remote screen (VNC)
             5901 | false | Rule_ExposedService13 | MEDIUM   | remote screen (VNC)
             2375 | false | Rule_ExposedService14 | MEDIUM   | a container or cluster API (Docker, Kubernetes, etcd)
             2376 | false | Rule_ExposedService14 | MEDIUM   | a container or cluster API (Docker, Kubernetes, etcd)
             6443 | false | Rule_ExposedService14 | MEDIUM   | a container or cluster API (Docker, Kubernetes, etcd)
            10250 | false | Rule_ExposedService14 | MEDIUM   | a container or cluster API (Docker, Kubernetes, etcd)
             2379 | false | Rule_ExposedService14 | MEDIUM   | a container or cluster API (Docker, Kubernetes, etcd)
              502 | false | Rule_ExposedService15 | MEDIUM   | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
              102 | false | Rule_ExposedService15 | MEDIUM   | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
            20000 | false | Rule_ExposedService15 | MEDIUM   | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
            44818 | false | Rule_ExposedService15 | MEDIUM   | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
            47808 | false | Rule_ExposedService15 | MEDIUM   | an industrial control protocol (Modbus, S7, DNP3, EtherNet/IP, BACnet)
             1433 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             1521 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             3306 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             5432 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
            27017 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             6379 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
             9200 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
            11211 | false | Rule_ExposedService16 | LOW      | a database or cache (SQL Server, Oracle, MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, Memcached)
               21 | false | Rule_ExposedService17 | LOW      | FTP
              161 | false | Rule_ExposedService18 | LOW      | SNMP
             8443 | true  | Rule_ExposedService19 | LOW      | null
             5902 | false | Rule_ExposedService19 | LOW      | null
             null | true  | Rule_ExposedService19 | LOW      | null
            """)
    void shouldNameTheServiceAndItsFloor(Integer port, boolean internetFacing, String rule, String floor,
                                         String service) {
        Evaluation evaluation = EXPOSED_SERVICE.evaluate(Variables.createVariables().putValue("port", port)
                .putValue("internetFacing", internetFacing));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().<String>getEntry("serviceFloor")).isEqualTo(floor);
        assertThat(evaluation.result().getSingleResult().<String>getEntry("riskyService")).isEqualTo(service);
    }
}
