package io.threatflow.action;

/** Tells people about a case: e-mail, chat, paging. The default adapter writes to the log. */
public interface NotificationPort {

    record Notification(String threatId, String audience, String subject, String body) {
    }

    void send(Notification notification);
}
