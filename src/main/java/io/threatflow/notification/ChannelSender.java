package io.threatflow.notification;

/** Delivers outbox entries of one channel. */
interface ChannelSender {

    Channel channel();

    /** @throws DeliveryException when the recipient was not reached, with a message free of secrets */
    void deliver(OutboxEntry entry);
}
