package io.threatflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over TLS (directly, or behind a proxy that says so in {@code X-Forwarded-Proto}), every cookie is {@code Secure}.
 * Tomcat marks its session cookie so by itself; the Camunda webapps' {@code XSRF-TOKEN} cookie is marked only when
 * configured to be, which would break it over plain HTTP. Over plain HTTP nothing changes.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 2)
class SecureCookies extends OncePerRequestFilter {

    private static final String SET_COOKIE = "Set-Cookie";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureOnly(response) : response);
    }

    private static final class SecureOnly extends HttpServletResponseWrapper {

        SecureOnly(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            if (value == null || !SET_COOKIE.equalsIgnoreCase(name)) {
                return value;
            }
            boolean marked = java.util.Arrays.stream(value.split(";"))
                    .anyMatch(attribute -> attribute.strip().toLowerCase(Locale.ROOT).equals("secure"));
            return marked ? value : value + "; Secure";
        }
    }
}
