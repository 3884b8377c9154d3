package io.mita.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.mita.notification.config.NotificationProperties;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static final MailMessage MAIL = new MailMessage(
            "ann@example.com",
            "Reset your MITA password",
            "Hello Ann, open http://x/reset?token=abc",
            "<p>Hello Ann, <a href=\"http://x/reset?token=abc\">open</a></p>");

    @Test
    void sendsOneMailWithATextAndAnHtmlAlternativeFromTheConfiguredSender() throws Exception {
        mailer(smtp.getSmtp().getPort()).send(MAIL).block(Duration.ofSeconds(20));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("no-reply@mita.local"));
        assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress("ann@example.com"));
        assertThat(mail.getSubject()).isEqualTo("Reset your MITA password");
        List<String> types = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        collectTextParts(mail, types, bodies);
        assertThat(types)
                .anyMatch(type -> type.startsWith("text/plain"))
                .anyMatch(type -> type.startsWith("text/html"));
        assertThat(bodies).contains(MAIL.text(), MAIL.html());
    }

    @Test
    void aServerThatIsNotThereIsATransientFailureWhoseReasonHoldsNoAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> mailer(closedPort).send(MAIL).block(Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(MailDeliveryException.class, failure -> {
                    assertThat(failure.permanent()).isFalse();
                    assertThat(failure.getMessage())
                            .contains("ConnectException")
                            .doesNotContain("ann@example.com");
                    assertThat(failure).hasNoCause();
                });
    }

    @Test
    void anAddressThatIsNotAnAddressIsAPermanentFailure() {
        MailMessage broken = new MailMessage("ann@example.com\r\nBcc: eve@example.com", "s", "t", "<p>h</p>");

        assertThatThrownBy(() -> mailer(smtp.getSmtp().getPort()).send(broken).block(Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(MailDeliveryException.class, failure -> {
                    assertThat(failure.permanent()).isTrue();
                    assertThat(failure.getMessage())
                            .doesNotContain("ann@example.com")
                            .doesNotContain("eve@example.com");
                });
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRecipientTheServerRejectsIsAPermanentFailureEvenWhenTheServerRepeatsTheAddress() throws Exception {
        try (RejectingSmtpServer server = new RejectingSmtpServer()) {
            assertThatThrownBy(() -> mailer(server.port()).send(MAIL).block(Duration.ofSeconds(20)))
                    .isInstanceOfSatisfying(MailDeliveryException.class, failure -> {
                        assertThat(failure.permanent()).isTrue();
                        assertThat(failure.getMessage()).doesNotContain("ann@example.com");
                    });
        }
    }

    /** A server that accepts the connection and never says a word: the send fails (as an outage), it does not hang. */
    @Test
    void aMailServerThatAcceptsAndNeverAnswersFailsTheSendAsTransient() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            try {
                assertThatThrownBy(
                                () -> mailer(silent.getLocalPort()).send(MAIL).block(Duration.ofSeconds(60)))
                        .isInstanceOfSatisfying(MailDeliveryException.class, failure -> {
                            assertThat(failure.permanent()).isFalse();
                            assertThat(failure.getMessage()).doesNotContain("ann@example.com");
                        });
                assertThat(held).isNotEmpty();
            } finally {
                silent.close();
                acceptor.join(5000);
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static SmtpMailer mailer(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(properties);
        return new SmtpMailer(
                sender,
                new NotificationProperties(
                        "no-reply@mita.local",
                        "http://x/reset",
                        "unused",
                        "http://x/app",
                        "http://x/unsubscribe",
                        "unused"));
    }

    private static void collectTextParts(Part part, List<String> types, List<String> bodies) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectTextParts(child, types, bodies);
            }
        } else if (content instanceof String text) {
            types.add(part.getContentType());
            bodies.add(text);
        }
    }

    /** A minimal SMTP server that answers 550 to every RCPT TO, echoing the address as real servers do. */
    static final class RejectingSmtpServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "rejecting-smtp");

        RejectingSmtpServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            try (Socket client = socket.accept();
                    var in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 rejecting.test ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    switch (command) {
                        case "RCPT" ->
                            reply(
                                    out,
                                    "550 5.1.1 "
                                            + line.substring(line.indexOf(':') + 1)
                                                    .trim() + ": Recipient address rejected");
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok");
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static void reply(PrintWriter out, String line) {
            out.print(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
