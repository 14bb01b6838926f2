package io.threatflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * the webapps (Cockpit for managers and modelers, Tasklist for analysts), or none at all, and the CSRF token the
 * webapps want on every change. What Tasklist sends goes to the engine API under {@link #ENGINE_API}.
 */
public final class WebappSession {

    /** The engine REST API as the webapps call it, e.g. {@code ENGINE_API + "/task/{id}/submit-form"}. */
    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    private WebappSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public static WebappSession anonymous(int port) {
        return new WebappSession(port);
    }

    /** Logs the user in to the webapp, with the CSRF token the webapp's page hands out. */
    public static WebappSession login(int port, String user, String app) {
        WebappSession session = new WebappSession(port);
        RawApi.Answer login = session.attemptLogin(user, ApiClient.PASSWORD, app);
        assertThat(login.status()).as("login of %s to %s: %s", user, app, login.body()).isEqualTo(200);
        return session;
    }

    /** A login as the webapp's login page sends it, whatever comes of it. */
    public RawApi.Answer attemptLogin(String user, String password, String app) {
        HttpRequest.Builder page = HttpRequest.newBuilder(url("/camunda/app/" + app + "/default/")).GET();
        send(page);
        RawApi.Answer login = send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        if (login.status() == 200) {
            // the session of the login wants a CSRF token of its own, which the page hands out again
            send(page);
        }
        return login;
    }

    /** GET on the plugin API: {@code path} after {@code /camunda/api/cockpit/plugin/threats/}. */
    public RawApi.Answer plugin(String path) {
        return send(HttpRequest.newBuilder(url("/camunda/api/cockpit/plugin/threats/" + path))
                .header("Accept", "application/json").GET());
    }

    /** GET of any path of the webapps with the session, e.g. a page of a Tasklist plugin. */
    public RawApi.Answer get(String path, String accept) {
        return send(HttpRequest.newBuilder(url(path)).header("Accept", accept).GET());
    }

    /** A JSON body as the webapps send it, e.g. Tasklist's submit of a task form. */
    public RawApi.Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RawApi.JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A DELETE as the webapps send it, e.g. Cockpit's deletion of a deployment. */
    public RawApi.Answer delete(String path) {
        return send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").DELETE());
    }

    private URI url(String path) {
        return URI.create(baseUrl + path);
    }

    private RawApi.Answer send(HttpRequest.Builder request) {
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
            return new RawApi.Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
