package io.threatflow.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Deploys as Camunda Modeler's deploy button does: a multipart form with its fields and the diagram's files. */
public final class ModelerDeploy {

    private static final String BOUNDARY = "----ModelerBoundary7MA4YWxkTrZu0gW";

    private ModelerDeploy() {
    }

    public static RawApi.Answer deploy(RawApi user, Map<String, byte[]> files) {
        return user.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + BOUNDARY, body(files));
    }

    private static byte[] body(Map<String, byte[]> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, "deployment-name", "playbook-change");
        field(body, "deployment-source", "Camunda Modeler");
        field(body, "enable-duplicate-filtering", "true");
        files.forEach((name, content) -> {
            write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/xml\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        });
        write(body, "--" + BOUNDARY + "--\r\n");
        return body.toByteArray();
    }

    private static void field(ByteArrayOutputStream body, String name, String value) {
        write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
