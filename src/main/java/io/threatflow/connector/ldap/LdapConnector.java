package io.threatflow.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.threatflow.action.AccountControlPort;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.action.Connector;
import io.threatflow.connector.ldap.LdapProperties.Transport;
import io.threatflow.inventory.Asset;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Disables and enables directory accounts: Active Directory through the {@code ACCOUNTDISABLE} bit of
 * {@code userAccountControl}, OpenLDAP through the ppolicy overlay's {@code pwdAccountLockedTime}. Both are
 * idempotent on the directory itself (an account already disabled stays so and is reported as done), so the
 * action key needs no handing over. It does not reset passwords (see {@link #resetCredentials}).
 */
@Component
@ConditionalOnProperty(name = "threatflow.connectors.ldap.url")
class LdapConnector implements Connector, AccountControlPort, AutoCloseable {

    static final String USER_ACCOUNT_CONTROL = "userAccountControl";
    static final int ACCOUNTDISABLE = 0x2;
    static final String PWD_ACCOUNT_LOCKED_TIME = "pwdAccountLockedTime";
    /** The ppolicy overlay's value for a lock that never expires and only an administrator lifts. */
    static final String PERMANENT_LOCK = "000001010000Z";

    /** The directory's answers that mean "not this account, not by us": retrying would not change them. */
    private static final Set<ResultCode> REFUSALS = Set.of(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.CONSTRAINT_VIOLATION);

    private final LdapProperties settings;
    private final LDAPConnectionPool pool;

    LdapConnector(LdapProperties settings) {
        this.settings = settings;
        this.pool = pool(settings);
    }

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public String disableAccount(ActionKey key, Asset asset) {
        return setDisabled(asset, true);
    }

    @Override
    public String enableAccount(ActionKey key, Asset asset) {
        return setDisabled(asset, false);
    }

    private String setDisabled(Asset asset, boolean disabled) {
        String account = accountOf(asset);
        SearchResultEntry user = findUser(account);
        String who = "account " + account + " (" + user.getDN() + ")";
        return switch (settings.dialect()) {
            case ACTIVE_DIRECTORY -> {
                int control = userAccountControl(user);
                int wanted = disabled ? control | ACCOUNTDISABLE : control & ~ACCOUNTDISABLE;
                if (wanted == control) {
                    yield who + " was already " + (disabled ? "disabled" : "enabled") + " in Active Directory";
                }
                modify(user, new Modification(ModificationType.REPLACE, USER_ACCOUNT_CONTROL, Integer.toString(wanted)));
                yield who + (disabled ? " disabled" : " enabled again") + " in Active Directory";
            }
            case OPENLDAP -> {
                if (user.hasAttribute(PWD_ACCOUNT_LOCKED_TIME) == disabled) {
                    yield who + (disabled ? " was already locked" : " was not locked") + " in the directory";
                }
                modify(user, disabled
                        ? new Modification(ModificationType.REPLACE, PWD_ACCOUNT_LOCKED_TIME, PERMANENT_LOCK)
                        : new Modification(ModificationType.DELETE, PWD_ACCOUNT_LOCKED_TIME));
                yield who + (disabled ? " locked in the directory (pwdAccountLockedTime)" : " unlocked in the directory");
            }
        };
    }

    /**
     * Refused on purpose: a new password has to reach its owner by a channel ThreatFlow does not have, and
     * forcing a change at next logon ({@code pwdReset}, {@code pwdLastSet=0}) would let whoever holds the
     * stolen password choose the new one.
     */
    @Override
    public String resetCredentials(ActionKey key, Asset asset) {
        throw resetRefused(asset);
    }

    /** The search and the change in words; the bind password is masked. A reset is refused as for real. */
    @Override
    public String describe(ActionKey key, Asset asset, Integer port, String finding) {
        if (key.action() == ActionType.RESET_CREDENTIALS) {
            throw resetRefused(asset);
        }
        boolean disable = switch (key.action()) {
            case DISABLE_ACCOUNT -> true;
            case ENABLE_ACCOUNT -> false;
            default -> throw new IllegalArgumentException("the directory connector does not " + key.action().label());
        };
        String change = switch (settings.dialect()) {
            case ACTIVE_DIRECTORY -> (disable ? "set" : "clear") + " the ACCOUNTDISABLE bit (0x2) of "
                    + USER_ACCOUNT_CONTROL + ", every other bit kept";
            case OPENLDAP -> disable ? "replace " + PWD_ACCOUNT_LOCKED_TIME + " with " + PERMANENT_LOCK
                    : "delete " + PWD_ACCOUNT_LOCKED_TIME;
        };
        return "ldap: on " + settings.url() + " (" + settings.transport() + "), bound as " + settings.bindDn()
                + " with password *****, search " + (settings.userBase().isEmpty() ? "the root" : settings.userBase())
                + " (subtree) for " + settings.userFilter().replace("{0}", Filter.encodeValue(accountOf(asset)))
                + "; unless the one entry found is " + (disable ? "disabled" : "enabled") + " already, modify it: "
                + change;
    }

    private static ActionRejectedException resetRefused(Asset asset) {
        return new ActionRejectedException("the directory connector does not reset passwords: the account of "
                + accountOf(asset) + " needs a reset by the help desk (disable the account to contain it)");
    }

    /**
     * The directory account an action on the asset means: the asset's owner as the inventory records it (the
     * account of an asset's owner, as {@code AccountControlPort} says), or, for an asset the inventory does not
     * hold, the name the report gave, which for a compromised account is the account. A Windows
     * {@code DOMAIN\} prefix is dropped, since the filter matches the bare account name.
     */
    static String accountOf(Asset asset) {
        String name = asset.owner() != null && !asset.owner().isBlank() ? asset.owner() : asset.hostname();
        if (name == null || name.isBlank()) {
            throw new ActionRejectedException("the asset names no account to act on");
        }
        name = name.strip();
        return name.substring(name.lastIndexOf('\\') + 1);
    }

    private SearchResultEntry findUser(String account) {
        Filter filter;
        try {
            filter = Filter.create(settings.userFilter().replace("{0}", Filter.encodeValue(account)));
        } catch (LDAPException e) {
            throw new IllegalStateException("threatflow.connectors.ldap.user-filter is not a valid LDAP filter: "
                    + e.getResultCode(), e);
        }
        SearchResult result;
        try {
            result = pool.search(settings.userBase(), SearchScope.SUB, filter,
                    USER_ACCOUNT_CONTROL, PWD_ACCOUNT_LOCKED_TIME);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new ActionRejectedException("no account " + account + " in the directory: the search base "
                        + settings.userBase() + " does not exist");
            }
            throw failure("search for account " + account, e);
        }
        return switch (result.getEntryCount()) {
            case 0 -> throw new ActionRejectedException("no account " + account + " in the directory under "
                    + settings.userBase());
            case 1 -> result.getSearchEntries().get(0);
            default -> throw new ActionRejectedException(result.getEntryCount() + " directory entries match account "
                    + account + "; ThreatFlow acts only on one");
        };
    }

    private static int userAccountControl(SearchResultEntry user) {
        Integer control = user.getAttributeValueAsInteger(USER_ACCOUNT_CONTROL);
        if (control == null) {
            throw new ActionRejectedException(user.getDN() + " has no userAccountControl: not an Active Directory account");
        }
        return control;
    }

    private void modify(SearchResultEntry user, Modification modification) {
        try {
            pool.modify(user.getDN(), modification);
        } catch (LDAPException e) {
            if (REFUSALS.contains(e.getResultCode())) {
                throw new ActionRejectedException("the directory refused to change " + user.getDN() + ": "
                        + e.getResultCode() + diagnostic(e));
            }
            throw failure("change of " + user.getDN(), e);
        }
    }

    /**
     * A technical failure, so the job retries: the directory is down or slow, or the bind failed. The message
     * names the result code and the server's diagnostic, never the bind request that holds the password.
     */
    private LdapFailureException failure(String what, LDAPException e) {
        return new LdapFailureException("directory " + settings.url() + ": " + what + " failed with "
                + e.getResultCode() + diagnostic(e), e);
    }

    private static String diagnostic(LDAPException e) {
        String message = e.getDiagnosticMessage();
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * A pool that connects on first use, so that a directory that is down at start delays actions, not the
     * application; each new connection is protected (LDAPS or StartTLS, the host name checked against the
     * certificate) before it binds.
     */
    private static LDAPConnectionPool pool(LdapProperties settings) {
        try {
            LDAPURL url = new LDAPURL(settings.url());
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
            options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            SSLUtil tls = tls(settings);
            SingleServerSet server = settings.transport() == Transport.LDAPS
                    ? new SingleServerSet(url.getHost(), url.getPort(), tls.createSSLSocketFactory(), options)
                    : new SingleServerSet(url.getHost(), url.getPort(), options);
            StartTLSPostConnectProcessor startTls = settings.transport() == Transport.START_TLS
                    ? new StartTLSPostConnectProcessor(tls.createSSLSocketFactory()) : null;
            LDAPConnectionPool pool = new LDAPConnectionPool(server,
                    new SimpleBindRequest(settings.bindDn(), settings.bindPassword()),
                    0, settings.maxConnections(), startTls, false);
            pool.setConnectionPoolName("threatflow-ldap");
            pool.setMaxWaitTimeMillis(settings.connectTimeout().toMillis());
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return pool;
        } catch (LDAPException e) {
            throw new IllegalStateException("threatflow.connectors.ldap: cannot use " + settings.url() + ": "
                    + e.getResultCode() + diagnostic(e), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("threatflow.connectors.ldap: cannot set up TLS with trust store "
                    + settings.trustStore(), e);
        }
    }

    private static SSLUtil tls(LdapProperties settings) {
        if (settings.trustStore() == null || settings.trustStore().isBlank()) {
            return new SSLUtil(JVMDefaultTrustManager.getInstance());
        }
        char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
        return new SSLUtil(new TrustStoreTrustManager(settings.trustStore(), password, settings.trustStoreType(), true));
    }
}
