package io.threatflow.connector.ldap;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory connector, {@code threatflow.connectors.ldap.*}. It exists only when {@code url} is
 * given. The bind password comes from the environment or a file ({@code configtree:}) and is never printed.
 *
 * @param url              {@code ldaps://dc1.corp.example} (port 636) or {@code ldap://ldap.corp.example} (port 389)
 * @param transport        how the connection is protected; by default LDAPS for {@code ldaps://}, StartTLS for
 *                         {@code ldap://}. {@code plain} (no TLS) only when set on purpose, e.g. for tests
 * @param userFilter       {@code {0}} stands for the account name, escaped; the default depends on the dialect
 * @param trustStore       a trust store file for the directory's certificate; the JVM's trust store without it
 */
@ConfigurationProperties("threatflow.connectors.ldap")
@ConditionalOnProperty(name = "threatflow.connectors.ldap.url")
public record LdapProperties(
        String url,
        Transport transport,
        Dialect dialect,
        String bindDn,
        String bindPassword,
        String userBase,
        String userFilter,
        String trustStore,
        String trustStorePassword,
        String trustStoreType,
        Duration connectTimeout,
        Duration responseTimeout,
        Integer maxConnections) {

    public enum Transport { LDAPS, START_TLS, PLAIN }

    public enum Dialect {
        ACTIVE_DIRECTORY("(&(objectClass=user)(sAMAccountName={0}))"),
        OPENLDAP("(uid={0})");

        private final String defaultFilter;

        Dialect(String defaultFilter) {
            this.defaultFilter = defaultFilter;
        }
    }

    public LdapProperties {
        Objects.requireNonNull(url, "threatflow.connectors.ldap.url");
        dialect = dialect == null ? Dialect.ACTIVE_DIRECTORY : dialect;
        transport = transport != null ? transport
                : url.regionMatches(true, 0, "ldaps:", 0, 6) ? Transport.LDAPS : Transport.START_TLS;
        userFilter = userFilter == null || userFilter.isBlank() ? dialect.defaultFilter : userFilter;
        if (!userFilter.contains("{0}")) {
            throw new IllegalArgumentException("threatflow.connectors.ldap.user-filter must contain {0}, the account name");
        }
        userBase = userBase == null ? "" : userBase;
        trustStoreType = trustStoreType == null ? "PKCS12" : trustStoreType;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        maxConnections = maxConnections == null ? 4 : maxConnections;
    }

    /** Without the passwords: a record would print them. */
    @Override
    public String toString() {
        return "LdapProperties[url=%s, transport=%s, dialect=%s, bindDn=%s, userBase=%s, userFilter=%s, trustStore=%s]"
                .formatted(url, transport, dialect, bindDn, userBase, userFilter, trustStore);
    }
}
