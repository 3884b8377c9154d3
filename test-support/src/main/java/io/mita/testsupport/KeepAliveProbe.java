package io.mita.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends the same GET over one HTTP/1.1 keep-alive connection again and again, each request written the
 * moment the previous answer has been read, as a load balancer or a scraper does. Counts the answers; a
 * request left unanswered for {@code timeoutMillis} ends the run. Reactor Netty 1.3.6 stopped answering
 * such a connection after a few hundred health checks (reactor-netty#4361).
 */
public final class KeepAliveProbe {

    /** "\r\n\r\n" as the last four bytes read. */
    private static final int END_OF_HEADERS = 0x0D0A0D0A;

    private KeepAliveProbe() {}

    /** How many of {@code requests} answered with status 200 before the first other answer or stall. */
    public static int answeredInARow(int port, String path, int requests, int timeoutMillis) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int answered = 0; answered < requests; answered++) {
                out.write(request);
                out.flush();
                try {
                    if (readResponse(in) != 200) {
                        return answered;
                    }
                } catch (SocketTimeoutException stalled) {
                    return answered;
                }
            }
            return requests;
        }
    }

    /** Reads one response with a Content-Length body; answers its status, or -1 if the server closed. */
    private static int readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != END_OF_HEADERS) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        int length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        if (in.readNBytes(length).length < length) {
            return -1;
        }
        return Integer.parseInt(lines[0].split(" ")[1]);
    }
}
