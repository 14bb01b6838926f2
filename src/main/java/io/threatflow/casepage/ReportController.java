package io.threatflow.casepage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.web.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/threats/{threatId}/report}: the post-incident report, in the format the {@code Accept} header
 * asks for (HTML, Markdown or PDF), or that {@code ?format=pdf|html|markdown} names for a link, which cannot set a
 * header; anything else is a 406 problem, an unknown {@code format} a 400 naming it. Readable by whoever may read the register.
 */
@RestController
@Tag(name = "Threats", description = "Report threats and follow their cases")
class ReportController {

    private final CaseReports reports;

    ReportController(CaseReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The post-incident report of a threat",
            description = "What was reported and by whom, the severity and why, the service levels, the decisions "
                    + "and who took them, the timeline, the actions with their requests and answers, the evidence "
                    + "and the lessons learned. Accept text/html (the default), text/markdown or application/pdf; or "
                    + "?format=html, markdown or pdf, which wins over the Accept header.")
    @GetMapping(path = "/api/threats/{threatId}/report")
    ResponseEntity<?> report(@PathVariable String threatId,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                             @RequestParam(name = "format", required = false) String formatName) {
        reports.requireReader();
        Optional<ReportFormat> format;
        if (formatName != null) {
            format = ReportFormat.byParameter(formatName.strip());
            if (format.isEmpty()) {
                return problem(Problems.invalidField(Problems.INVALID_REQUEST, "format",
                        "must be html, markdown or pdf"));
            }
        } else {
            try {
                format = ReportFormat.negotiate(accept);
            } catch (InvalidMediaTypeException e) {
                return problem(Problems.invalidField(Problems.INVALID_REQUEST, "Accept",
                        "must be a list of media types such as " + ReportFormat.offered()));
            }
        }
        if (format.isEmpty()) {
            return problem(Problems.of(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "The report is written as " + ReportFormat.offered() + ", not as '" + accept + "'"));
        }
        byte[] body = reports.report(threatId, format.get());
        return ResponseEntity.ok()
                .contentType(withCharset(format.get()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(CaseReports.fileName(threatId, format.get())).build().toString())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(body);
    }

    static MediaType withCharset(ReportFormat format) {
        return format == ReportFormat.PDF ? format.mediaType()
                : new MediaType(format.mediaType(), StandardCharsets.UTF_8);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
