package io.threatflow.validation;

import static io.threatflow.testing.TestAssets.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.inventory.Asset;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The TCP probe against listeners of this test on loopback, and the fences that keep it there. */
class ServiceProbeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static ServiceProbe probe(String... allowed) {
        return new ServiceProbe(new ProbeSettings(List.of(allowed), Duration.ofMillis(300), 2, Duration.ofMillis(10)));
    }

    private static Asset at(String ip) {
        return asset().hostname("jump-07.branch.example").ipAddress(ip).build();
    }

    @Test
    void shouldSeeAListeningServiceOpen_andAClosedPortClosed() throws Exception {
        int closedPort;
        try (ServerSocket exposed = new ServerSocket(0, 50, LOOPBACK)) {
            assertThat(probe("127.0.0.0/8").probe(at("127.0.0.1"), exposed.getLocalPort()))
                    .satisfies(seen -> assertThat(seen.verdict()).isEqualTo(ServiceProbe.Verdict.OPEN))
                    .satisfies(seen -> assertThat(seen.detail()).contains("127.0.0.1:" + exposed.getLocalPort())
                            .contains("connection accepted on attempt 1"));
            closedPort = exposed.getLocalPort();
        }
        ServiceProbe.Observation closed = probe("127.0.0.1/32").probe(at("127.0.0.1"), closedPort);
        assertThat(closed.verdict()).isEqualTo(ServiceProbe.Verdict.CLOSED);
        assertThat(closed.detail()).contains("connection refused");
    }

    @Test
    void shouldCallAPortThatNeverAnswersUnreachable_afterItsAttempts() throws Exception {
        // a listener that accepts nothing, with its backlog full: the kernel drops further connection requests
        try (ServerSocket full = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(new InetSocketAddress(LOOPBACK, full.getLocalPort()), 200);
                        queued.add(socket);
                    } catch (java.io.IOException dropped) {
                        socket.close();
                        break;
                    }
                }
                ServiceProbe.Observation seen = probe("127.0.0.0/8").probe(at("127.0.0.1"), full.getLocalPort());
                assertThat(seen.verdict()).isEqualTo(ServiceProbe.Verdict.UNREACHABLE);
                assertThat(seen.detail()).contains("2 attempts").contains("no answer within 300 ms");
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void shouldNotProbe_withNoAllowedNetworks_orOutsideThem_orWithoutAnAddress() throws Exception {
        try (ServerSocket exposed = new ServerSocket(0, 50, LOOPBACK)) {
            int port = exposed.getLocalPort();
            assertThat(probe().enabled()).isFalse();
            assertThat(probe().probe(at("127.0.0.1"), port).verdict()).isEqualTo(ServiceProbe.Verdict.NOT_PROBED);
            ServiceProbe.Observation outside = probe("10.0.0.0/8").probe(at("127.0.0.1"), port);
            assertThat(outside.verdict()).isEqualTo(ServiceProbe.Verdict.NOT_PROBED);
            assertThat(outside.detail()).contains("outside the allowed networks");
            assertThat(probe("127.0.0.0/8").probe(asset().hostname(null).ipAddress(null).build(), port).verdict())
                    .isEqualTo(ServiceProbe.Verdict.NOT_PROBED);
        }
    }

    @Test
    void shouldResolveAHostNameOnce_andCheckTheAddressBeforeConnecting() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        try (ServerSocket exposed = new ServerSocket(0, 50, LOOPBACK)) {
            ServiceProbe toLoopback = new ServiceProbe(new ProbeSettings(List.of("127.0.0.0/8"), Duration.ofMillis(300),
                    2, Duration.ofMillis(10)), hostname -> {
                        lookups.incrementAndGet();
                        return LOOPBACK;
                    });
            Asset byName = asset().hostname("svc.lab.example").ipAddress(null).build();
            assertThat(toLoopback.probe(byName, exposed.getLocalPort()).verdict()).isEqualTo(ServiceProbe.Verdict.OPEN);
            assertThat(lookups).hasValue(1);

            // a name that resolves outside the allowed networks is never connected to
            ServiceProbe elsewhere = new ServiceProbe(new ProbeSettings(List.of("127.0.0.0/8"), Duration.ofMillis(300),
                    2, Duration.ofMillis(10)), hostname -> InetAddress.getByAddress(hostname, new byte[] {(byte) 192, 0, 2, 1}));
            ServiceProbe.Observation refused = elsewhere.probe(byName, exposed.getLocalPort());
            assertThat(refused.verdict()).isEqualTo(ServiceProbe.Verdict.NOT_PROBED);
            assertThat(refused.detail()).contains("192.0.2.1").contains("outside the allowed networks");

            ServiceProbe unknown = new ServiceProbe(new ProbeSettings(List.of("127.0.0.0/8"), null, 0, null), hostname -> {
                throw new java.net.UnknownHostException(hostname);
            });
            assertThat(unknown.probe(byName, exposed.getLocalPort()).detail()).contains("does not resolve");
        }
    }

    @Test
    void shouldRefuseAllowedNetworksThatAreNoNetworks() {
        assertThatThrownBy(() -> probe("intranet.example/8")).hasMessageContaining("allowed-networks");
        assertThatThrownBy(() -> probe("127.0.0.1/40")).hasMessageContaining("allowed-networks");
    }
}
