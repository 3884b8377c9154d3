package io.mita.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real SMTP server (GreenMail) for the integration tests: one per test JVM on a free port of
 * 127.0.0.1, started on first use, with {@code spring.mail.host}/{@code spring.mail.port} pointed at it by
 * the {@link ContextCustomizerFactory} registered in META-INF/spring.factories. Tests can stop and start
 * it to simulate an outage; a restart forgets the mail received before, so tests look for their own
 * (unique) recipients.
 */
public final class TestSmtpServer {

    private static GreenMail server;
    private static int port;

    private TestSmtpServer() {}

    public static synchronized int port() {
        if (server == null) {
            port = freePort();
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestSmtpServer::stop, "test-smtp-stop"));
        }
        return port;
    }

    public static synchronized void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    public static synchronized void start() {
        port();
        if (!server.isRunning()) {
            server.start();
        }
    }

    /** The messages received (since the last start) with this recipient. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients)
                            .anyMatch(recipient -> recipient.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points every test context of this module at the test SMTP server (equal customizers: one cached context). */
    public static final class ContextCustomizerFactory
            implements org.springframework.test.context.ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new SmtpProperties();
        }
    }

    private static final class SmtpProperties implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "test-smtp-server", Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SmtpProperties;
        }

        @Override
        public int hashCode() {
            return SmtpProperties.class.hashCode();
        }
    }
}
