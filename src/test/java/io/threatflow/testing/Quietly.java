package io.threatflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.test.system.CapturedOutput;

/** Makes a request and checks that no request thread logged at ERROR meanwhile: refusing a caller is not an error. */
public final class Quietly {

    private Quietly() {
    }

    public static <T> T answered(CapturedOutput output, Supplier<T> request) {
        int before = output.getOut().length();
        T answer = request.get();
        List<String> errors = output.getOut().substring(before).lines()
                .filter(line -> line.contains(" ERROR ") && line.contains("-exec-")).toList();
        assertThat(errors).as("ERROR lines logged while answering").isEmpty();
        return answer;
    }
}
