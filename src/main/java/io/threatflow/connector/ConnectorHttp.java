package io.threatflow.connector;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** How connectors talk HTTP: the JDK client with explicit timeouts, its TLS verification untouched. */
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
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(requests);
    }
}
