package io.threatflow.notification;

/** How a notification reaches its recipient. */
public enum Channel {
    EMAIL, SLACK, TEAMS
}
