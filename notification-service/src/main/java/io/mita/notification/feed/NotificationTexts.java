package io.mita.notification.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of notifications and e-mails in the user's language, from {@code notifications/messages*.properties}
 * (English is the default, German the second locale). An unsupported locale falls back to English.
 */
@Component
public class NotificationTexts {

    /** The locales with their own messages file. */
    public static final Set<String> SUPPORTED = Set.of("en", "de");

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public NotificationTexts() {
        messages.setBasename("notifications/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
    }

    /** Title and body of a notification, each cut to what the table holds. */
    public Text render(NotificationRequest request, String locale) {
        Object[] args = request.args().toArray();
        Locale language = locale(locale);
        String title = messages.getMessage(request.kind().name() + ".title", args, language);
        String body = messages.getMessage(request.bodyKey(), args, language);
        return new Text(cut(title, MAX_TITLE), cut(body, MAX_BODY));
    }

    /** One message of the e-mail frame ({@code mail.*}, {@code kind.*}). */
    public String message(String key, List<String> args, String locale) {
        return messages.getMessage(key, args.toArray(), locale(locale));
    }

    public static Locale locale(String tag) {
        return tag != null && SUPPORTED.contains(tag) ? Locale.forLanguageTag(tag) : Locale.ENGLISH;
    }

    private static String cut(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    public record Text(String title, String body) {}
}
