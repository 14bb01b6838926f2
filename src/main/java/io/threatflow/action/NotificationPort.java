package io.threatflow.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Tells people about a case: e-mail, chat, paging. The default adapter writes to the log. */
public interface NotificationPort {

    /**
     * Who is told: the owner of the asset (a role, filled by the asset's {@code owner}) and Camunda groups
     * ({@code managers}, {@code analysts}). Configuration routes each of them to channels by name.
     *
     * @param assetOwner the asset's owner, or null when the notification is not for the owner
     * @param groups     Camunda group ids
     */
    record Audience(String assetOwner, List<String> groups) {

        public Audience {
            groups = List.copyOf(groups);
        }

        public static Audience groups(String... groups) {
            return new Audience(null, List.of(groups));
        }

        public static Audience ownerAnd(String assetOwner, String... groups) {
            return new Audience(assetOwner, List.of(groups));
        }

        /** As people read it in the log and the action log: {@code hr-it, managers}. */
        public String label() {
            List<String> names = new ArrayList<>();
            if (assetOwner != null) {
                names.add(assetOwner);
            }
            names.addAll(groups);
            return String.join(", ", names);
        }
    }

    record Notification(String threatId, Audience audience, String subject, String body) {
        public Notification {
            Objects.requireNonNull(audience, "audience");
        }
    }

    /**
     * Hands the notification over for delivery. Called inside the case's transaction; delivery problems never
     * come back to the caller (they are retried and shown in the threat's timeline).
     */
    void send(Notification notification);
}
