package io.threatflow.connector.defender;

import io.threatflow.connector.ConnectorHttp;
import io.threatflow.connector.OAuth2ClientCredentials;
import io.threatflow.connector.RemoteApi;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** The calls of the Defender for Endpoint API the connector makes, and the shapes of its answers. */
final class DefenderApi {

    static final String SYSTEM = "Defender";

    private final RestClient rest;
    private final RemoteApi remote;

    DefenderApi(DefenderProperties settings) {
        var token = new OAuth2ClientCredentials("defender", settings.tokenEndpoint().toString(), settings.clientId(),
                settings.clientSecret(), Set.of(settings.scope()), settings.connectTimeout(), settings.readTimeout());
        this.rest = ConnectorHttp.restClient(settings.connectTimeout(), settings.readTimeout())
                .baseUrl(settings.baseUrl().toString())
                .build();
        this.remote = new RemoteApi(SYSTEM, token, DefenderApi::errorMessage);
    }

    /** The machines whose DNS name is {@code dnsName}, most recently seen first; none when Defender has none. */
    List<Machine> machinesNamed(String dnsName) {
        String filter = "computerDnsName eq " + quoted(dnsName);
        try {
            return remote.call("GET /api/machines?$filter=" + filter, Set.of(404), () -> rest.get()
                    .uri("/api/machines?$filter={filter}", filter)
                    .header(HttpHeaders.AUTHORIZATION, remote.bearer())
                    .retrieve().body(Machines.class)).value().stream()
                    .sorted(Comparator.comparing(Machine::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .reversed())
                    .toList();
        } catch (RemoteApi.Refusal none) {
            // the documented answer when no recent machine matches
            return List.of();
        }
    }

    /** The machine actions of one type on a machine. */
    List<MachineAction> actions(String machineId, String type) {
        String filter = "machineId eq " + quoted(machineId) + " and type eq " + quoted(type);
        return remote.call("GET /api/machineactions?$filter=" + filter, () -> rest.get()
                .uri("/api/machineactions?$filter={filter}", filter)
                .header(HttpHeaders.AUTHORIZATION, remote.bearer())
                .retrieve().body(MachineActions.class)).value();
    }

    /**
     * Requests a machine action, e.g. {@code isolate}, and returns it as created.
     *
     * @throws RemoteApi.Refusal on 400 (an action already in progress, an action the machine does not support)
     *                           or 404 (the machine is gone)
     */
    MachineAction request(String machineId, String action, Map<String, String> body) {
        return remote.call("POST /api/machines/" + machineId + "/" + action, Set.of(400, 404), () -> rest.post()
                .uri("/api/machines/{id}/{action}", machineId, action)
                .header(HttpHeaders.AUTHORIZATION, remote.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().body(MachineAction.class));
    }

    /** An OData string literal: single quotes doubled. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String errorMessage(RestClientResponseException e) {
        try {
            ErrorAnswer answer = e.getResponseBodyAs(ErrorAnswer.class);
            if (answer != null && answer.error() != null) {
                return answer.error().code() + ": " + answer.error().message();
            }
        } catch (RuntimeException notJson) {
            // an answer from a proxy or gateway; its status says enough
        }
        return null;
    }

    record Machines(List<Machine> value) {
        Machines {
            value = value == null ? List.of() : value;
        }
    }

    record Machine(String id, String computerDnsName, Instant lastSeen, String healthStatus) {
    }

    record MachineActions(List<MachineAction> value) {
        MachineActions {
            value = value == null ? List.of() : value;
        }
    }

    /** See https://learn.microsoft.com/defender-endpoint/api/machineaction. */
    record MachineAction(String id, String type, String scope, String requestor, String requestorComment,
                         String status, String machineId, String computerDnsName, Instant creationDateTimeUtc) {

        /** Requested and neither failed, timed out nor cancelled. */
        boolean inEffect() {
            return "Pending".equals(status) || "InProgress".equals(status) || "Succeeded".equals(status);
        }

        boolean running() {
            return "Pending".equals(status) || "InProgress".equals(status);
        }

        Instant created() {
            return creationDateTimeUtc == null ? Instant.MIN : creationDateTimeUtc;
        }
    }

    record ErrorAnswer(Error error) {
    }

    record Error(String code, String message) {
    }
}
