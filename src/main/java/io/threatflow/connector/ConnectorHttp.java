package io.threatflow.connector;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How ThreatFlow talks HTTP to outside systems (connectors, chat notifications): the JDK client with explicit
 * timeouts, its TLS verification untouched, HTTP/1.1 (the JDK client's upgrade attempt on plain http confuses
 * servers that do not speak HTTP/2; over https ALPN would pick the same).
 */
public final class ConnectorHttp {

    private ConnectorHttp() {
    }

    /**
     * A {@link RestClient} builder whose calls give up after the timeouts. Redirects are not followed, so a bearer
     * token is never carried to a host other than the one configured.
     */
    public static RestClient.Builder restClient(Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(requests);
    }
}
