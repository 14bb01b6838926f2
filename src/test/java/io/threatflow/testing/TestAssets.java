package io.threatflow.testing;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.NetworkState;
import java.util.Set;

/** Assets for tests: a managed, connected, supported host unless told otherwise. */
public final class TestAssets {

    private String hostname = TestThreats.ASSET_NAME;
    private String ipAddress = "10.0.3.30";
    private boolean osSupported = true;
    private NetworkState networkState = NetworkState.CONNECTED;
    private String owner = "hr-it";
    private boolean managed = true;
    private Criticality criticality = Criticality.MEDIUM;
    private boolean accountDisabled;
    private boolean credentialsCompromised;
    private boolean monitoringElevated;
    private Set<Integer> openPorts = Set.of();
    private Set<Integer> blockedPorts = Set.of();
    private Set<String> findings = Set.of();
    private boolean internetFacing;

    private TestAssets() {
    }

    public static TestAssets asset() {
        return new TestAssets();
    }

    public TestAssets hostname(String hostname) {
        this.hostname = hostname;
        return this;
    }

    public TestAssets ipAddress(String ipAddress) {
        this.ipAddress = ipAddress;
        return this;
    }

    public TestAssets osSupported(boolean osSupported) {
        this.osSupported = osSupported;
        return this;
    }

    public TestAssets networkState(NetworkState networkState) {
        this.networkState = networkState;
        return this;
    }

    public TestAssets owner(String owner) {
        this.owner = owner;
        return this;
    }

    public TestAssets criticality(Criticality criticality) {
        this.criticality = criticality;
        return this;
    }

    public TestAssets unmanaged() {
        this.managed = false;
        return this;
    }

    public TestAssets accountDisabled(boolean accountDisabled) {
        this.accountDisabled = accountDisabled;
        return this;
    }

    public TestAssets credentialsCompromised(boolean credentialsCompromised) {
        this.credentialsCompromised = credentialsCompromised;
        return this;
    }

    public TestAssets monitoringElevated(boolean monitoringElevated) {
        this.monitoringElevated = monitoringElevated;
        return this;
    }

    public TestAssets openPorts(Integer... ports) {
        this.openPorts = Set.of(ports);
        return this;
    }

    public TestAssets blockedPorts(Integer... ports) {
        this.blockedPorts = Set.of(ports);
        return this;
    }

    public TestAssets findings(String... findings) {
        this.findings = Set.of(findings);
        return this;
    }

    public TestAssets internetFacing(boolean internetFacing) {
        this.internetFacing = internetFacing;
        return this;
    }

    /** The asset with no id, so the inventory gives it one of its own (build() gives every asset the same). */
    public Asset buildNew() {
        Asset a = build();
        return new Asset(null, a.hostname(), a.ipAddress(), a.osName(), a.osVersion(), a.osSupported(),
                a.networkState(), a.criticality(), a.owner(), a.managed(), a.accountDisabled(),
                a.credentialsCompromised(), a.monitoringElevated(), a.openPorts(), a.blockedPorts(), a.findings(),
                a.internetFacing(), a.tags());
    }

    public Asset build() {
        return new Asset(TestThreats.ASSET_ID, hostname, ipAddress, "Windows Server", "2012 R2", osSupported,
                networkState, criticality, owner, managed, accountDisabled, credentialsCompromised,
                monitoringElevated, openPorts, blockedPorts, findings, internetFacing, Set.of());
    }
}
