package io.threatflow.action;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Default notification channel: the application log. Replace with mail or chat by another bean. */
@Component
class LogNotificationAdapter implements NotificationPort {

    private static final Logger log = LoggerFactory.getLogger("threatflow.notifications");

    @Override
    public void send(Notification notification) {
        log.info("[to {}] {} (threat {}): {}", notification.audience(), notification.subject(),
                notification.threatId(), notification.body());
    }
}
