package io.threatflow.validation;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.AssetNames;
import io.threatflow.inventory.Networks;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Looks for itself whether a service is still exposed: a TCP connection to the asset's address and port. It
 * connects only into {@code threatflow.validation.probe.allowed-networks}; the host name is resolved once and the
 * address checked against that list before any connection, so that neither a report nor DNS can turn the probe
 * against another host.
 */
@Component
public class ServiceProbe {

    /** What the probe saw, or why it did not look. */
    public enum Verdict {
        /** a connection was accepted: the service is exposed */
        OPEN,
        /** the connection was refused: nothing listens */
        CLOSED,
        /** no attempt was answered: filtered, or the host is down; the service is not reachable from here */
        UNREACHABLE,
        /** no probe: not allowed, or no address to probe */
        NOT_PROBED
    }

    /** @param detail what was done and seen, for the action log */
    public record Observation(Verdict verdict, String detail) {
    }

    private final ProbeSettings settings;
    private final List<IpAddressMatcher> allowed;
    private final Resolver resolver;

    /** Host name to address, one lookup; a seam for tests. */
    interface Resolver {
        InetAddress resolve(String hostname) throws UnknownHostException;
    }

    @Autowired
    ServiceProbe(ProbeSettings settings) {
        this(settings, InetAddress::getByName);
    }

    ServiceProbe(ProbeSettings settings, Resolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.allowed = settings.allowedNetworks().stream()
                .map(cidr -> Networks.cidr("threatflow.validation.probe.allowed-networks", cidr)).toList();
    }

    public boolean enabled() {
        return !allowed.isEmpty();
    }

    public Observation probe(Asset asset, int port) {
        if (!enabled()) {
            return new Observation(Verdict.NOT_PROBED, "no probe: threatflow.validation.probe.allowed-networks is empty");
        }
        InetAddress address;
        try {
            address = address(asset);
        } catch (UnknownHostException e) {
            return new Observation(Verdict.NOT_PROBED, "no probe: " + asset.hostname() + " does not resolve");
        }
        if (address == null) {
            return new Observation(Verdict.NOT_PROBED, "no probe: " + asset.hostname() + " has no address");
        }
        String target = address.getHostAddress() + ":" + port;
        if (allowed.stream().noneMatch(network -> network.matches(address.getHostAddress()))) {
            return new Observation(Verdict.NOT_PROBED, "no probe: " + target + " is outside the allowed networks");
        }
        String lastFailure = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) settings.connectTimeout().toMillis());
                return new Observation(Verdict.OPEN, "TCP probe of " + target + ": connection accepted on attempt "
                        + attempt + ", the service is exposed");
            } catch (ConnectException refused) {
                return new Observation(Verdict.CLOSED, "TCP probe of " + target + ": connection refused on attempt "
                        + attempt + ", nothing listens");
            } catch (SocketTimeoutException timeout) {
                lastFailure = "no answer within " + settings.connectTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName();
            }
            pause(attempt);
        }
        return new Observation(Verdict.UNREACHABLE, "TCP probe of " + target + ": " + settings.attempts()
                + " attempts, " + lastFailure + "; the service is not reachable");
    }

    /** The asset's address: its IP literal, else its host name resolved once. */
    private InetAddress address(Asset asset) throws UnknownHostException {
        Optional<String> ip = AssetNames.ipAddress(asset.ipAddress());
        if (ip.isPresent()) {
            return InetAddress.getByName(ip.get());
        }
        return asset.hostname() == null ? null : resolver.resolve(asset.hostname());
    }

    private void pause(int attempt) {
        if (attempt == settings.attempts()) {
            return;
        }
        try {
            Thread.sleep(settings.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
