package io.threatflow.casepage;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The post-incident report as PDF: the HTML report, laid out by openhtmltopdf. Nothing is loaded from elsewhere. */
final class CasePdf {

    private CasePdf() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // no base URI and no resolver for outside resources: the report has none, and must not fetch any
            builder.withHtmlContent(xhtml, null);
            builder.useUriResolver((base, uri) -> null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be written as PDF", e);
        }
    }
}
