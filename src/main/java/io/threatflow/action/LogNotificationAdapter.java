package io.threatflow.action;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Default notification channel: the application log. With routes configured under
 * {@code threatflow.notifications.routes} the outbox adapter of {@code notification/} takes over as the primary
 * bean (and logs the same line).
 */
@Component
class LogNotificationAdapter implements NotificationPort {

    private static final Logger log = LoggerFactory.getLogger("threatflow.notifications");

    @Override
    public void send(Notification notification) {
        log.info("[to {}] {} (threat {}): {}", notification.audience().label(), notification.subject(),
                notification.threatId(), notification.body());
    }
}
