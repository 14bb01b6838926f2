package io.threatflow.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * An access token of one connector by the OAuth2 client credentials grant, kept until a minute before it expires.
 * Built on Spring Security's OAuth2 client with a registration made in code, so that the application's own login
 * ({@code spring.security.oauth2.client.*}) stays untouched. The client secret goes in the form body
 * ({@code client_secret_post}), as Microsoft Entra ID and CrowdStrike both accept.
 */
public final class OAuth2ClientCredentials {

    private static final String PRINCIPAL = "threatflow";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final String connector;
    private final String clientSecret;
    private final OAuth2AuthorizedClientService tokens;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    public OAuth2ClientCredentials(String connector, String tokenUrl, String clientId, String clientSecret,
                                   Collection<String> scopes, Duration connectTimeout, Duration readTimeout) {
        this(connector, tokenUrl, clientId, clientSecret, scopes, connectTimeout, readTimeout, Clock.systemUTC());
    }

    OAuth2ClientCredentials(String connector, String tokenUrl, String clientId, String clientSecret,
                            Collection<String> scopes, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.connector = connector;
        this.clientSecret = clientSecret;
        ClientRegistration registration = ClientRegistration.withRegistrationId(connector)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenUri(tokenUrl)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope(scopes)
                .build();
        RestClient tokenEndpoint = ConnectorHttp.restClient(connectTimeout, readTimeout)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        var grant = new RestClientClientCredentialsTokenResponseClient();
        grant.setRestClient(tokenEndpoint);
        var provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(grant);
        provider.setClockSkew(RENEW_BEFORE_EXPIRY);
        provider.setClock(clock);
        var registrations = new InMemoryClientRegistrationRepository(registration);
        this.tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        this.manager.setAuthorizedClientProvider(provider);
    }

    /** The current token, fetched anew when there is none or it expires within a minute. */
    public String accessToken() {
        try {
            var client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(connector)
                    .principal(PRINCIPAL).build());
            if (client == null) {
                throw new ConnectorFailureException("the token endpoint of " + connector + " issued no token");
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            OAuth2Error error = e.getError();
            String reason = error.getErrorCode()
                    + (error.getDescription() == null ? "" : ": " + error.getDescription());
            throw new ConnectorFailureException("the token endpoint of " + connector
                    + " issued no token (" + masked(reason) + ")");
        }
    }

    /** Drops the token, for instance after the API answered 401, so that the next call fetches a new one. */
    public void forget() {
        tokens.removeAuthorizedClient(connector, PRINCIPAL);
    }

    /** The token endpoint's words as they are, except the secret, should an endpoint ever echo the request. */
    private String masked(String text) {
        return clientSecret == null || clientSecret.isEmpty() ? text : text.replace(clientSecret, "*****");
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials[" + connector + "]";
    }
}
