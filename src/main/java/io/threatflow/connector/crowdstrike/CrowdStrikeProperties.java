package io.threatflow.connector.crowdstrike;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CrowdStrike Falcon connector, {@code threatflow.connectors.crowdstrike.*}. The connector exists
 * when {@code client-id} is set. Give the secret through the environment
 * ({@code THREATFLOW_CONNECTORS_CROWDSTRIKE_CLIENT_SECRET}) or a file ({@code configtree:}).
 *
 * @param baseUrl  the API of the Falcon cloud, e.g. {@code https://api.eu-1.crowdstrike.com}
 * @param tokenUrl the token endpoint; by default {@code /oauth2/token} of the base URL
 */
@ConfigurationProperties("threatflow.connectors.crowdstrike")
public record CrowdStrikeProperties(
        @DefaultValue("https://api.crowdstrike.com") URI baseUrl,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    URI tokenEndpoint() {
        return tokenUrl != null ? tokenUrl : URI.create(baseUrl.toString().replaceAll("/+$", "") + "/oauth2/token");
    }

    @Override
    public String toString() {
        return "CrowdStrikeProperties[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "*****") + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
