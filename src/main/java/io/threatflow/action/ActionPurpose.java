package io.threatflow.action;

public enum ActionPurpose {
    ERADICATION, CONTAINMENT, MITIGATION, LIFT_CONTAINMENT, NOTIFICATION, VALIDATION
}
