package io.threatflow.playbook;

import io.threatflow.engine.DeletionConfirmation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Carries an explicit confirmation to delete a deployment with its cases, the header
 * {@value DeletionConfirmation#HEADER}: {@code <deploymentId>[,<deploymentId>…]}, from a DELETE request into the engine,
 * on every HTTP path ({@code /engine-rest}, the webapps' engine API). The engine's guard decides whether it counts:
 * only for an administrator, and only for exactly the deployments named.
 */
@Component
class DeletionConfirmationFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"DELETE".equals(request.getMethod()) || request.getHeader(DeletionConfirmation.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> confirmed = Arrays.stream(request.getHeader(DeletionConfirmation.HEADER).split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        try (DeletionConfirmation.Scope ignored = DeletionConfirmation.confirm(confirmed)) {
            chain.doFilter(request, response);
        }
    }
}
