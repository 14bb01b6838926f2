package io.threatflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request, before Spring Security and Jersey parse its path: Spring Security's strict
 * firewall rules (no {@code ;}, encoded {@code /} or {@code %}, {@code ..}, control characters in the path; header
 * names and values of visible characters), applied up front to the whole request. A refused request is a 400 problem
 * that names the part, logged at DEBUG: scanners send such requests all day, and they used to end as a 500 with a
 * stack trace at ERROR (a {@code ;} in the path fails in Spring's path parsing before the firewall is reached) or
 * deep inside a controller (a header is checked only when read). An {@code Accept} header that is no list of media
 * types is refused too: Spring would answer an error to it with no body at all. Every answer gets
 * {@code Referrer-Policy}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class RequestGuard extends OncePerRequestFilter {

    /**
     * {@code same-origin}: nothing of a URL (threat ids, hostnames in the webapps' routes) leaves for another site.
     * Not {@code no-referrer}: browsers then send {@code Origin: null} with a same-site POST, which the Camunda
     * webapps' CSRF filter refuses.
     */
    static final String REFERRER_POLICY = "same-origin";

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        String part = "path";
        try {
            FirewalledRequest checked = firewall.getFirewalledRequest(request);
            part = "header names";
            for (String header : Collections.list(checked.getHeaderNames())) {
                part = header;
                Collections.list(checked.getHeaders(header));
            }
        } catch (RequestRejectedException e) {
            refuse(request, response, part, "path".equals(part)
                    ? "holds characters or sequences that are not allowed (;, an encoded / or %, .., a control character)"
                    : "holds characters that are not allowed (control characters)", e);
            return;
        }
        try {
            MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            // else Spring cannot choose a type for the answer, and an error would be answered without a body
            refuse(request, response, HttpHeaders.ACCEPT, "is not a list of media types", e);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String part, String problem,
                               RuntimeException reason) throws IOException {
        log.debug("Refused a request to {}: {}", request.getRequestURI(), reason.getMessage());
        Problems.write(response, Problems.invalidField("Request refused", part, problem));
    }
}
