package io.threatflow.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.connector.ldap.LdapProperties.Dialect;
import io.threatflow.connector.ldap.LdapProperties.Transport;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.NetworkState;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against UnboundID's in-memory directory server: a real LDAP server in this JVM, on loopback. */
class LdapConnectorTest {

    static final String BASE = "dc=corp,dc=example";
    static final String BIND_DN = "cn=threatflow,ou=services," + BASE;
    static final String BIND_PASSWORD = "bind-secret-9f3c";
    static final String KEY_STORE_PASSWORD = "changeit-test";
    static final ActionKey KEY = new ActionKey("t-1", io.threatflow.action.ActionPurpose.CONTAINMENT,
            ActionType.DISABLE_ACCOUNT, "case-1", "mitigation-1/automatic-level-1");

    @TempDir
    Path tempDir;
    InMemoryDirectoryServer server;
    LdapConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (server != null) {
            server.shutDown(true);
        }
    }

    /** Pointed at a port where no directory listens: describing must not need one. */
    @Test
    void describesTheSearchAndTheChange_forADryRun_withoutContactingTheDirectoryOrShowingThePassword() throws Exception {
        int nothingListens;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        connector = new LdapConnector(new LdapProperties("ldap://127.0.0.1:" + nothingListens, Transport.PLAIN,
                Dialect.ACTIVE_DIRECTORY, BIND_DN, BIND_PASSWORD, BASE, null, null, null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1));

        String disable = connector.describe(KEY, asset("laptop-0042", "CORP\\j.doe"), null, null);

        assertThat(disable).contains("bound as " + BIND_DN + " with password *****")
                .contains("search " + BASE + " (subtree) for (&(objectClass=user)(sAMAccountName=j.doe))")
                .contains("set the ACCOUNTDISABLE bit (0x2) of userAccountControl")
                .doesNotContain(BIND_PASSWORD);
        ActionKey enable = new ActionKey("t-1", io.threatflow.action.ActionPurpose.LIFT_CONTAINMENT,
                ActionType.ENABLE_ACCOUNT, "case-1", "lift-1");
        assertThat(connector.describe(enable, asset("laptop-0042", "j.doe"), null, null))
                .contains("clear the ACCOUNTDISABLE bit");
        ActionKey reset = new ActionKey("t-1", io.threatflow.action.ActionPurpose.ERADICATION,
                ActionType.RESET_CREDENTIALS, "case-1", "round-1/attempt-1");
        assertThatThrownBy(() -> connector.describe(reset, asset("laptop-0042", "j.doe"), null, null))
                .as("refused as for real").isInstanceOf(ActionRejectedException.class)
                .hasMessageContaining("does not reset passwords");
    }

    @Nested
    class ActiveDirectory {

        static final String USER = "cn=Jane Doe,ou=users," + BASE;

        @Test
        void disablesTheAccountBySettingAccountDisable() throws Exception {
            start(plain(), "dn: " + USER, "objectClass: user", "sAMAccountName: j.doe", "userAccountControl: 512");
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);

            String detail = connector.disableAccount(KEY, asset("laptop-0042", "j.doe"));

            assertThat(detail).isEqualTo("account j.doe (" + USER + ") disabled in Active Directory");
            assertThat(userAccountControl()).isEqualTo(514);
        }

        @Test
        void reportsAnAccountAlreadyDisabledAsDone() throws Exception {
            start(plain(), "dn: " + USER, "objectClass: user", "sAMAccountName: j.doe", "userAccountControl: 512");
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);
            connector.disableAccount(KEY, asset("laptop-0042", "j.doe"));

            String again = connector.disableAccount(KEY, asset("laptop-0042", "j.doe"));

            assertThat(again).contains("was already disabled");
            assertThat(userAccountControl()).isEqualTo(514);
        }

        @Test
        void enablesTheAccountByClearingOnlyAccountDisable() throws Exception {
            // 0x10202: NORMAL_ACCOUNT, DONT_EXPIRE_PASSWORD and ACCOUNTDISABLE; only the last goes
            start(plain(), "dn: " + USER, "objectClass: user", "sAMAccountName: j.doe", "userAccountControl: 66050");
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);

            assertThat(connector.enableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("enabled again");
            assertThat(userAccountControl()).isEqualTo(66048);
            assertThat(connector.enableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("was already enabled");
        }

        @Test
        void takesTheReportedNameAsTheAccountOfAnAssetWithoutOwner() throws Exception {
            start(plain(), "dn: " + USER, "objectClass: user", "sAMAccountName: j.doe", "userAccountControl: 512");
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);

            connector.disableAccount(KEY, asset("CORP\\j.doe", null));

            assertThat(userAccountControl()).isEqualTo(514);
        }

        @Test
        void refusesAnUnknownAccountAndEscapesTheNameInTheFilter() throws Exception {
            start(plain(), "dn: " + USER, "objectClass: user", "sAMAccountName: j.doe", "userAccountControl: 512");
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);

            assertThatThrownBy(() -> connector.disableAccount(KEY, asset("laptop-0042", "nobody")))
                    .isInstanceOf(ActionRejectedException.class)
                    .hasMessageContaining("no account nobody in the directory");
            // unescaped, "*" would match j.doe and disable the wrong account
            assertThatThrownBy(() -> connector.disableAccount(KEY, asset("laptop-0042", "*")))
                    .isInstanceOf(ActionRejectedException.class);
            assertThat(userAccountControl()).isEqualTo(512);
        }

        @Test
        void refusesToResetPasswords() throws Exception {
            start(plain());
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);

            assertThatThrownBy(() -> connector.resetCredentials(KEY, asset("laptop-0042", "j.doe")))
                    .isInstanceOf(ActionRejectedException.class)
                    .hasMessageContaining("does not reset passwords");
        }

        int userAccountControl() throws Exception {
            return server.getEntry(USER).getAttributeValueAsInteger("userAccountControl");
        }
    }

    @Nested
    class OpenLdap {

        static final String USER = "uid=j.doe,ou=people," + BASE;

        @Test
        void locksPermanentlyAndUnlocks() throws Exception {
            start(plain(), "dn: " + USER, "objectClass: inetOrgPerson", "uid: j.doe", "cn: Jane Doe", "sn: Doe");
            connector = connector(Dialect.OPENLDAP, Transport.PLAIN, null);

            assertThat(connector.disableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("locked in the directory");
            assertThat(lockedTime()).isEqualTo("000001010000Z");
            assertThat(connector.disableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("was already locked");

            assertThat(connector.enableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("unlocked");
            assertThat(lockedTime()).isNull();
            assertThat(connector.enableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("was not locked");
        }

        @Test
        void refusesAnUnknownAccount() throws Exception {
            start(plain(), "dn: " + USER, "objectClass: inetOrgPerson", "uid: j.doe", "cn: Jane Doe", "sn: Doe");
            connector = connector(Dialect.OPENLDAP, Transport.PLAIN, null);

            assertThatThrownBy(() -> connector.enableAccount(KEY, asset("laptop-0042", "m.mustermann")))
                    .isInstanceOf(ActionRejectedException.class);
        }

        String lockedTime() throws Exception {
            return server.getEntry(USER).getAttributeValue("pwdAccountLockedTime");
        }
    }

    @Nested
    class Failures {

        @Test
        void aDirectoryThatIsDownIsATechnicalFailure() throws Exception {
            start(plain());
            connector = connector(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null);
            server.shutDown(true);

            assertThatThrownBy(() -> connector.disableAccount(KEY, asset("laptop-0042", "j.doe")))
                    .isInstanceOf(LdapFailureException.class)
                    .hasMessageContaining("search for account j.doe failed");
        }

        @Test
        void aFailedBindIsATechnicalFailureThatDoesNotShowThePassword() throws Exception {
            start(plain());
            var settings = settings(Dialect.ACTIVE_DIRECTORY, Transport.PLAIN, null, "wrong-" + BIND_PASSWORD);
            connector = new LdapConnector(settings);

            assertThatThrownBy(() -> connector.disableAccount(KEY, asset("laptop-0042", "j.doe")))
                    .isInstanceOf(LdapFailureException.class)
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(BIND_PASSWORD));
            assertThat(settings.toString()).doesNotContain(BIND_PASSWORD).doesNotContain("trust-secret");
        }

        @Test
        void actsOverLdapsWithTheConfiguredTrustStore() throws Exception {
            File keyStore = localhostCertificate();
            SSLUtil serverTls = serverTls(keyStore);
            start(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                            serverTls.createSSLServerSocketFactory(), null),
                    "dn: cn=Jane Doe,ou=users," + BASE, "objectClass: user", "sAMAccountName: j.doe",
                    "userAccountControl: 512");
            connector = new LdapConnector(new LdapProperties("ldaps://localhost:" + server.getListenPort(), null,
                    Dialect.ACTIVE_DIRECTORY, BIND_DN, BIND_PASSWORD, BASE, null,
                    keyStore.getPath(), KEY_STORE_PASSWORD, "PKCS12", null, null, null));

            assertThat(connector.disableAccount(KEY, asset("laptop-0042", "j.doe"))).contains("disabled");
        }

        @Test
        void refusesADirectoryWhoseCertificateIsNotTrusted() throws Exception {
            File keyStore = localhostCertificate();
            SSLUtil serverTls = serverTls(keyStore);
            start(InMemoryListenerConfig.createLDAPConfig("ldap+starttls", InetAddress.getLoopbackAddress(), 0,
                    serverTls.createSSLSocketFactory()));
            // ldap:// without a transport means StartTLS, checked against the JVM's trust store
            connector = new LdapConnector(new LdapProperties("ldap://localhost:" + server.getListenPort(), null,
                    Dialect.ACTIVE_DIRECTORY, BIND_DN, BIND_PASSWORD, BASE, null, null, null, null, null, null, null));

            assertThatThrownBy(() -> connector.disableAccount(KEY, asset("laptop-0042", "j.doe")))
                    .isInstanceOf(LdapFailureException.class)
                    .satisfies(e -> assertThat(stackTrace(e)).containsIgnoringCase("certificate"));
        }
    }

    void start(InMemoryListenerConfig listener, String... entryLines) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        // no schema: the directory accepts AD's userAccountControl and ppolicy's pwdAccountLockedTime as given
        config.setSchema(null);
        config.setListenerConfigs(listener);
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: corp");
        for (String unit : new String[] {"users", "people"}) {
            server.add("dn: ou=" + unit + "," + BASE, "objectClass: organizationalUnit", "ou: " + unit);
        }
        if (entryLines.length > 0) {
            server.add(new Entry(entryLines));
        }
        server.startListening();
    }

    /** A self-signed certificate for localhost, as a directory server of the test's own would have. */
    File localhostCertificate() throws Exception {
        File keyStore = tempDir.resolve("directory.p12").toFile();
        ResultCode generated = ManageCertificates.main(null, OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), "generate-self-signed-certificate", "--keystore", keyStore.getPath(),
                "--keystore-password", KEY_STORE_PASSWORD, "--keystore-type", "PKCS12", "--alias", "directory",
                "--subject-dn", "CN=localhost", "--subject-alternative-name-dns", "localhost");
        assertThat(generated).isEqualTo(ResultCode.SUCCESS);
        return keyStore;
    }

    static SSLUtil serverTls(File keyStore) throws Exception {
        return new SSLUtil(new KeyStoreKeyManager(keyStore, KEY_STORE_PASSWORD.toCharArray(), "PKCS12", null),
                (javax.net.ssl.TrustManager) null);
    }

    static InMemoryListenerConfig plain() throws Exception {
        return InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null);
    }

    LdapConnector connector(Dialect dialect, Transport transport, String filter) {
        return new LdapConnector(settings(dialect, transport, filter, BIND_PASSWORD));
    }

    LdapProperties settings(Dialect dialect, Transport transport, String filter, String password) {
        return new LdapProperties("ldap://127.0.0.1:" + server.getListenPort(), transport, dialect, BIND_DN,
                password, BASE, filter, null, "trust-secret", null, Duration.ofSeconds(2), Duration.ofSeconds(2), 2);
    }

    static Asset asset(String hostname, String owner) {
        return new Asset("a-1", hostname, "10.0.8.42", "Windows", "11", true, NetworkState.CONNECTED,
                Criticality.LOW, owner, true, false, true, false, Set.of(), Set.of(), Set.of(), false, Set.of());
    }

    static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
