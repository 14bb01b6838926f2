package io.threatflow.notification;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail over SMTP through Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}). */
class MailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;
    private final Secrets secrets;

    MailSender(JavaMailSender mail, String from, Secrets secrets) {
        this.mail = mail;
        this.from = from;
        this.secrets = secrets;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(OutboxEntry entry) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(entry.recipient());
        message.setSubject("[ThreatFlow] " + entry.subject());
        message.setText(entry.body() + "\n\nThreat " + entry.threatId() + " (to " + entry.audience() + ")\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            Throwable cause = e.getMostSpecificCause();
            throw new DeliveryException(secrets.redact("e-mail to " + entry.recipient() + " not sent: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage()), false);
        }
    }
}
