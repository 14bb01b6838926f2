package io.threatflow.connector.crowdstrike;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.threatflow.connector.ConnectorHttp;
import io.threatflow.connector.OAuth2ClientCredentials;
import io.threatflow.connector.RemoteApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** The calls of the Falcon Hosts API the connector makes, and the shapes of its answers. */
final class CrowdStrikeApi {

    static final String SYSTEM = "CrowdStrike";

    private final RestClient rest;
    private final RemoteApi remote;

    CrowdStrikeApi(CrowdStrikeProperties settings) {
        var token = new OAuth2ClientCredentials("crowdstrike", settings.tokenEndpoint().toString(),
                settings.clientId(), settings.clientSecret(), Set.of(), settings.connectTimeout(),
                settings.readTimeout());
        this.rest = ConnectorHttp.restClient(settings.connectTimeout(), settings.readTimeout())
                .baseUrl(settings.baseUrl().toString())
                .build();
        this.remote = new RemoteApi(SYSTEM, token, CrowdStrikeApi::errorMessage);
    }

    /** The device ids (AIDs) of the hosts named {@code hostname}, the most recently seen first. */
    List<String> devicesNamed(String hostname) {
        String filter = "hostname:'" + hostname + "'";
        return remote.call("GET /devices/queries/devices/v1?filter=" + filter, () -> rest.get()
                .uri("/devices/queries/devices/v1?filter={filter}&sort=last_seen.desc&limit=10", filter)
                .header(HttpHeaders.AUTHORIZATION, remote.bearer())
                .retrieve().body(Ids.class)).resources();
    }

    /** The device as Falcon knows it now; empty when it is gone. */
    Optional<Device> device(String id) {
        return remote.call("GET /devices/entities/devices/v2?ids=" + id, () -> rest.get()
                        .uri("/devices/entities/devices/v2?ids={id}", id)
                        .header(HttpHeaders.AUTHORIZATION, remote.bearer())
                        .retrieve().body(Devices.class)).resources().stream().findFirst();
    }

    /**
     * Performs a device action, {@code contain} or {@code lift_containment}.
     *
     * @throws RemoteApi.Refusal on 400, 404, 409 or 422: the action does not apply to the device as it is
     */
    void act(String id, String actionName) {
        remote.call("POST /devices/entities/devices-actions/v2?action_name=" + actionName, Set.of(400, 404, 409, 422),
                () -> rest.post()
                        .uri("/devices/entities/devices-actions/v2?action_name={action}", actionName)
                        .header(HttpHeaders.AUTHORIZATION, remote.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("ids", List.of(id)))
                        .retrieve().toBodilessEntity());
    }

    private static String errorMessage(RestClientResponseException e) {
        try {
            Errors answer = e.getResponseBodyAs(Errors.class);
            if (answer != null && !answer.errors().isEmpty()) {
                return answer.errors().stream().map(Error::message).collect(Collectors.joining("; "));
            }
        } catch (RuntimeException notJson) {
            // an answer from a proxy or gateway; its status says enough
        }
        return null;
    }

    record Ids(List<String> resources) {
        Ids {
            resources = resources == null ? List.of() : resources;
        }
    }

    record Devices(List<Device> resources) {
        Devices {
            resources = resources == null ? List.of() : resources;
        }
    }

    /** {@code status}: normal, containment_pending, contained or lift_containment_pending. */
    record Device(@JsonProperty("device_id") String deviceId, String hostname, String status) {
    }

    record Errors(List<Error> errors) {
        Errors {
            errors = errors == null ? List.of() : errors;
        }
    }

    record Error(Integer code, String message) {
    }
}
