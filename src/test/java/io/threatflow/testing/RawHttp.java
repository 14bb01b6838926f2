package io.threatflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Writes a request's bytes to the socket exactly as given, for what an HTTP client library refuses to send:
 * a path with {@code ;}, {@code %2F} or {@code %00}, a header with bytes outside ASCII.
 */
public final class RawHttp {

    /** One answer: status, headers (names lower-case), body as UTF-8 text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isProblem() {
            return String.valueOf(header("Content-Type")).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + header("Content-Type") + " "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    private final String host;
    private final int port;
    private final String authorization;

    /** See {@link RawApi#bytes()}. */
    RawHttp(URI root, String authorization) {
        this.host = root.getHost();
        this.port = root.getPort();
        this.authorization = authorization;
    }

    /** As {@code user} with the test password. */
    public static RawHttp as(TestRestTemplate http, String user) {
        return RawApi.as(http, user).bytes();
    }

    public static RawHttp anonymous(TestRestTemplate http) {
        return RawApi.anonymous(http).bytes();
    }

    public Answer get(String rawPath) {
        return send("GET", rawPath, new byte[0], null);
    }

    /**
     * @param extraHeaders header lines as bytes, each ending in CRLF, written as they are
     */
    public Answer send(String method, String rawPath, byte[] extraHeaders, byte[] jsonBody) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + rawPath + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Accept: application/json, application/problem+json\r\nConnection: close\r\n");
        if (authorization != null) {
            write(request, "Authorization: " + authorization + "\r\n");
        }
        request.writeBytes(extraHeaders);
        if (jsonBody != null) {
            write(request, "Content-Type: application/json\r\nContent-Length: " + jsonBody.length + "\r\n\r\n");
            request.writeBytes(jsonBody);
        } else {
            write(request, "\r\n");
        }
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath + " failed", e);
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        byte[] response = in.readAllBytes();
        int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(response, 0, end < 0 ? response.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, end + 4, response.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
