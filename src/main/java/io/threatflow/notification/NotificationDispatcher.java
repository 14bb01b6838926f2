package io.threatflow.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers due outbox entries, on every node, every {@code threatflow.notifications.delivery.poll-interval}.
 * A failed attempt is tried again after an exponential backoff until {@code max-attempts}, then the entry is
 * FAILED; a refusal that cannot pass on a retry (a webhook that is gone) is FAILED at once. Each outcome counts
 * in {@value #DELIVERIES}. Nothing here reaches a case: the case went on when its transaction committed.
 */
class NotificationDispatcher implements SmartLifecycle {

    static final String DELIVERIES = "threatflow.notifications.deliveries";
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationOutbox outbox;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotificationProperties.Delivery delivery;
    private final Secrets secrets;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService scheduler;

    NotificationDispatcher(NotificationOutbox outbox, List<ChannelSender> senders,
                           NotificationProperties.Delivery delivery, Secrets secrets, MeterRegistry meters,
                           Clock clock) {
        this.outbox = outbox;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.delivery = delivery;
        this.secrets = secrets;
        this.meters = meters;
        this.clock = clock;
    }

    /** One poll: claims and delivers what is due now. @return the number of entries this node attempted */
    int deliverDue() {
        int attempted = 0;
        Instant now = clock.instant();
        for (long id : outbox.due(now, delivery.batchSize())) {
            Optional<OutboxEntry> claimed = outbox.claim(id, node, now, now.plus(delivery.claimTimeout()));
            if (claimed.isPresent()) {
                deliver(claimed.get());
                attempted++;
            }
        }
        return attempted;
    }

    private void deliver(OutboxEntry entry) {
        ChannelSender sender = senders.get(entry.channel());
        try {
            if (sender == null) {
                throw new DeliveryException("no " + entry.channel() + " channel is configured", true);
            }
            sender.deliver(entry);
            outbox.sent(entry.id(), node, clock.instant());
            count(entry.channel(), "sent");
        } catch (DeliveryException failure) {
            failed(entry, failure.getMessage(), failure.permanent());
        } catch (RuntimeException unexpected) {
            // a library's message may quote a request: only its type leaves this method
            failed(entry, entry.channel() + " delivery failed: " + unexpected.getClass().getSimpleName(), false);
        }
    }

    private void failed(OutboxEntry entry, String reason, boolean permanent) {
        String error = secrets.redact(reason);
        Instant now = clock.instant();
        if (permanent || entry.attempts() >= delivery.maxAttempts()) {
            outbox.failed(entry.id(), node, error, now);
            count(entry.channel(), "failed");
            log.warn("notification {} ({} to {}, threat {}) FAILED after {} attempt(s): {}", entry.id(),
                    entry.channel(), entry.recipient(), entry.threatId(), entry.attempts(), error);
        } else {
            Instant next = now.plus(delivery.backoffAfter(entry.attempts()));
            outbox.retryAt(entry.id(), node, error, next);
            count(entry.channel(), "retried");
            log.info("notification {} ({} to {}, threat {}) attempt {} of {} failed, next at {}: {}", entry.id(),
                    entry.channel(), entry.recipient(), entry.threatId(), entry.attempts(), delivery.maxAttempts(),
                    next, error);
        }
    }

    private void count(Channel channel, String outcome) {
        Counter.builder(DELIVERIES).description("Notification delivery attempts, by channel and outcome")
                .tag("channel", channel.name()).tag("outcome", outcome).register(meters).increment();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long every = delivery.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next poll tries again, the schedule must not die
            log.warn("notification delivery poll failed: {}", secrets.redact(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(delivery.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
