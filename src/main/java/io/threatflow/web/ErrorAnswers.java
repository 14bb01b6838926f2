package io.threatflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page of every surface, in place of Spring Boot's: whatever ended in an error outside Spring MVC's own
 * handling (a servlet that threw, a refused request, an unknown path) is answered as a problem, with the status and
 * nothing of the cause. Asked for directly, {@code /error} is a 404, not the 500 with status 999 it was.
 */
@Controller
class ErrorAnswers implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Problems.write(response, Problems.of(status, status.getReasonPhrase(), status.is5xxServerError()
                ? "The request could not be completed; the cause is in the log"
                : "HTTP " + status.value() + " " + status.getReasonPhrase()));
    }
}
