package io.threatflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page of every surface, in place of Spring Boot's: whatever ended in an error outside Spring MVC's own
 * handling (a servlet that threw, a refused request, an unknown path) is answered as a problem, with the status and
 * nothing of the cause. Asked for directly, {@code /error} is a 404, not the 500 with status 999 it was. A person's
 * page that refused them (a webapp they may not open) is answered in words by {@link ErrorPages}.
 */
@Controller
class ErrorAnswers implements ErrorController {

    private final List<ErrorPages> pages;

    ErrorAnswers(List<ErrorPages> pages) {
        this.pages = pages;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(Math.min(uri.toString().length(),
                request.getContextPath().length()));
        int statusCode = status.value();
        Optional<String> page = pages.stream().map(source -> source.page(statusCode, request.getContextPath(), path))
                .flatMap(Optional::stream).findFirst();
        if (page.isPresent()) {
            response.setStatus(statusCode);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(page.get());
            return;
        }
        Problems.write(response, Problems.of(status, status.getReasonPhrase(), status.is5xxServerError()
                ? "The request could not be completed; the cause is in the log"
                : "HTTP " + status.value() + " " + status.getReasonPhrase()));
    }
}
