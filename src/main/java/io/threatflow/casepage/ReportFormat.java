package io.threatflow.casepage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The formats of the post-incident report, and which one an {@code Accept} header asks for. */
enum ReportFormat {
    HTML(MediaType.TEXT_HTML, "html", "HTML", "html"),
    MARKDOWN(MediaType.TEXT_MARKDOWN, "markdown", "Markdown", "md"),
    PDF(MediaType.APPLICATION_PDF, "pdf", "PDF", "pdf");

    private final MediaType mediaType;
    private final String parameter;
    private final String label;
    private final String extension;

    ReportFormat(MediaType mediaType, String parameter, String label, String extension) {
        this.mediaType = mediaType;
        this.parameter = parameter;
        this.label = label;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String parameter() {
        return parameter;
    }

    String label() {
        return label;
    }

    String extension() {
        return extension;
    }

    /** The names a refusal lists. */
    static String offered() {
        return "text/html, text/markdown or application/pdf";
    }

    /** A format by its name in a link ({@code ?format=pdf}). */
    static Optional<ReportFormat> byParameter(String value) {
        return Arrays.stream(values()).filter(format -> format.parameter.equalsIgnoreCase(value)).findFirst();
    }

    /**
     * The format the header prefers (quality, then specificity; {@code *}{@code /*} or no header means HTML), or
     * empty when it accepts none of them. An {@code Accept} that is no list of media types is refused as such.
     */
    static Optional<ReportFormat> negotiate(String accept) throws InvalidMediaTypeException {
        if (accept == null || accept.isBlank()) {
            return Optional.of(HTML);
        }
        List<MediaType> wanted = MediaType.parseMediaTypes(accept);
        MimeTypeOrdering.sort(wanted);
        for (MediaType type : wanted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            for (ReportFormat format : values()) {
                if (type.includes(format.mediaType)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** Quality first, then the more specific type, as RFC 9110 orders preferences. */
    private static final class MimeTypeOrdering {
        static void sort(List<MediaType> types) {
            types.sort((a, b) -> {
                int quality = Double.compare(b.getQualityValue(), a.getQualityValue());
                if (quality != 0) {
                    return quality;
                }
                return Integer.compare(specificity(b), specificity(a));
            });
        }

        private static int specificity(MediaType type) {
            return type.isWildcardType() ? 0 : type.isWildcardSubtype() ? 1 : 2;
        }
    }
}
