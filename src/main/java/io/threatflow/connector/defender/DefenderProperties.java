package io.threatflow.connector.defender;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Microsoft Defender for Endpoint connector, {@code threatflow.connectors.defender.*}. The
 * connector exists when {@code client-id} is set. Give the secret through the environment
 * ({@code THREATFLOW_CONNECTORS_DEFENDER_CLIENT_SECRET}) or a file ({@code configtree:}), never in the repository.
 *
 * @param baseUrl       the API, or a regional one such as {@code https://eu.api.security.microsoft.com}
 * @param tokenUrl      the token endpoint; by default Entra ID's v2.0 endpoint of {@code tenantId}
 * @param scope         the scope asked for with the client credentials
 * @param isolationType {@code Full} or {@code Selective} (Outlook, Teams and Skype keep working)
 * @param scanType      the antivirus scan run to remove malware: {@code Quick} or {@code Full}
 */
@ConfigurationProperties("threatflow.connectors.defender")
public record DefenderProperties(
        @DefaultValue("https://api.securitycenter.microsoft.com") URI baseUrl,
        URI tokenUrl,
        String tenantId,
        String clientId,
        String clientSecret,
        @DefaultValue("https://api.securitycenter.microsoft.com/.default") String scope,
        @DefaultValue("Full") IsolationType isolationType,
        @DefaultValue("Quick") ScanType scanType,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    public enum IsolationType { Full, Selective }

    public enum ScanType { Quick, Full }

    /** The token endpoint: the one configured, or Entra ID's for the tenant. */
    URI tokenEndpoint() {
        if (tokenUrl != null) {
            return tokenUrl;
        }
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalStateException(
                    "threatflow.connectors.defender.tenant-id (or token-url) is required with client-id");
        }
        return URI.create("https://login.microsoftonline.com/" + tenantId.strip() + "/oauth2/v2.0/token");
    }

    @Override
    public String toString() {
        return "DefenderProperties[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", tenantId=" + tenantId
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "*****")
                + ", scope=" + scope + ", isolationType=" + isolationType + ", scanType=" + scanType
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
