package io.threatflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.InvalidMediaTypeException;

class ReportFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "*/*|HTML",
            "text/html|HTML",
            "text/*|HTML",
            "text/markdown|MARKDOWN",
            "application/pdf|PDF",
            "application/*|PDF",
            "application/json, text/markdown|MARKDOWN",
            "text/html;q=0.1, application/pdf;q=0.9|PDF",
            "*/*;q=0.1, text/markdown|MARKDOWN"})
    void shouldPickWhatTheClientPrefers(String accept, ReportFormat expected) {
        assertThat(ReportFormat.negotiate(accept)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "image/png, text/csv", "text/html;q=0", "application/xml;q=1"})
    void shouldFindNone_whenTheClientTakesNoneOfThem(String accept) {
        assertThat(ReportFormat.negotiate(accept)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "  "})
    void shouldWriteHtml_whenTheClientSaysNothing(String accept) {
        assertThat(ReportFormat.negotiate(accept)).contains(ReportFormat.HTML);
        assertThat(ReportFormat.negotiate(null)).contains(ReportFormat.HTML);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not a media type", "text/", "/html"})
    void shouldRefuseAHeaderThatIsNoListOfMediaTypes(String accept) {
        assertThatThrownBy(() -> ReportFormat.negotiate(accept)).isInstanceOf(InvalidMediaTypeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"html,HTML", "MARKDOWN,MARKDOWN", "pdf,PDF"})
    void shouldFindTheFormatOfALink(String parameter, ReportFormat expected) {
        assertThat(ReportFormat.byParameter(parameter)).contains(expected);
        assertThat(ReportFormat.byParameter("docx")).isEqualTo(Optional.empty());
    }
}
