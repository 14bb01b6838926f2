package io.threatflow.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form of Tasklist, Cockpit and Admin under the same {@link LoginThrottle} as HTTP Basic: a throttled
 * user is answered 429 before Camunda checks the password, and Camunda's answer counts as a failure (401) or a
 * success (200, or 403 for a webapp the user may not use).
 */
@Component
class WebappLoginThrottle extends OncePerRequestFilter {

    /** Camunda's login resource, as the servlet container decoded and normalised the path */
    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    WebappLoginThrottle(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        if (user == null || user.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.wait(user);
        if (wait.isPresent()) {
            ProblemResponses.throttled(json, request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(user, LoginThrottle.Door.WEBAPP);
        } else if (response.getStatus() == HttpStatus.OK.value() || response.getStatus() == HttpStatus.FORBIDDEN.value()) {
            throttle.succeeded(user);
        }
    }
}
