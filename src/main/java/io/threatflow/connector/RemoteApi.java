package io.threatflow.connector;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls to one vendor API behind an OAuth2 token, with the failures sorted as the action ports require: the
 * answers a call names as refusals come back as {@link Refusal} for the connector to judge (a refusal, or a state
 * already reached); every other error status, a timeout or an unreachable host is a
 * {@link ConnectorFailureException}. A 401 drops the token, so that the retry fetches a fresh one.
 *
 * @param system        the vendor's name in messages, e.g. {@code Defender}
 * @param remoteMessage the vendor's own words in an error answer, read from its error body
 */
public record RemoteApi(String system, OAuth2ClientCredentials token,
                        Function<RestClientResponseException, String> remoteMessage) {

    public <T> T call(String call, Set<Integer> refusals, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            if (refusals.contains(status)) {
                throw new Refusal(status, remoteMessage.apply(e));
            }
            if (status == 401) {
                token.forget();
            }
            throw ConnectorFailureException.answered(system, call, e, remoteMessage.apply(e));
        } catch (ResourceAccessException e) {
            throw ConnectorFailureException.unreachable(system, call, e);
        }
    }

    public <T> T call(String call, Supplier<T> request) {
        return call(call, Set.of(), request);
    }

    /** {@code Authorization} header value for the next call. */
    public String bearer() {
        return "Bearer " + token.accessToken();
    }

    /** An answer the caller named as a possible refusal: the status and the vendor's words. */
    public static final class Refusal extends RuntimeException {

        private final int status;

        Refusal(int status, String remoteMessage) {
            super(remoteMessage == null || remoteMessage.isBlank() ? "HTTP " + status : remoteMessage, null, false,
                    false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
