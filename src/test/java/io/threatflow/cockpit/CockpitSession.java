package io.threatflow.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A Camunda webapp session over plain HTTP, as the browser holds it: the session cookie of a login to one of
 * the webapps (Cockpit for managers and modelers, Tasklist for analysts), or none at all.
 */
final class CockpitSession {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private CockpitSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    static CockpitSession anonymous(int port) {
        return new CockpitSession(port);
    }

    /** Logs the user in to the webapp, with the CSRF token the webapp's page hands out. */
    static CockpitSession login(int port, String user, String app) {
        CockpitSession session = new CockpitSession(port);
        HttpResponse<String> page = session.send(HttpRequest.newBuilder(session.url("/camunda/app/" + app + "/default/")).GET());
        String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(
                        session.url("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(ApiClient.PASSWORD, StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).as("login of %s to %s: %s", user, app, login.body()).isEqualTo(200);
        return session;
    }

    /** GET on the plugin API: {@code path} after {@code /camunda/api/cockpit/plugin/threats/}. */
    RawApi.Answer plugin(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/camunda/api/cockpit/plugin/threats/" + path))
                .header("Accept", "application/json").GET());
        return new RawApi.Answer(response.statusCode(), response.headers(), response.body());
    }

    private URI url(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
