package io.mita.notification.preference;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mita.common.security.CurrentUser;
import io.mita.notification.feed.NotificationKind;
import io.mita.notification.feed.NotificationTexts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET|PUT /api/notifications/preferences} and the unsubscribe link of every e-mail. */
@RestController
@RequestMapping("/api/notifications")
class PreferenceController {

    private final PreferenceService service;

    PreferenceController(PreferenceService service) {
        this.service = service;
    }

    @GetMapping("/preferences")
    Mono<PreferencesResponse> get(CurrentUser user) {
        return service.get(user.userId()).map(PreferencesResponse::of);
    }

    /** Replaces the caller's preferences; members left out take their defaults. */
    @PutMapping("/preferences")
    Mono<PreferencesResponse> replace(CurrentUser user, @Valid @RequestBody PreferencesRequest request) {
        return Mono.fromCallable(() -> request.toPreferences(user))
                .flatMap(service::replace)
                .map(PreferencesResponse::of);
    }

    /** Works without a token (a public path): the signed token says whose e-mail of which kind to stop. */
    @GetMapping("/unsubscribe")
    Mono<UnsubscribedResponse> unsubscribe(@RequestParam(required = false) String token) {
        return service.unsubscribe(token).map(kind -> new UnsubscribedResponse(kind, "EMAIL"));
    }

    record UnsubscribedResponse(NotificationKind kind, String channel) {}

    record QuietHoursBody(@NotNull LocalTime start, @NotNull LocalTime end) {}

    record PreferencesRequest(
            @Email @Size(max = 320) String email,
            @Size(max = 16) String locale,
            @Size(max = 64) String timeZone,
            @Valid QuietHoursBody quietHours,
            Map<Channel, Set<NotificationKind>> channels) {

        NotificationPreferences toPreferences(CurrentUser user) {
            NotificationPreferences defaults = NotificationPreferences.defaults(user.userId());
            String language = locale == null ? defaults.locale() : locale;
            if (!NotificationTexts.SUPPORTED.contains(language)) {
                throw new InvalidPreferencesException(
                        "locale must be one of " + new TreeSet<>(NotificationTexts.SUPPORTED));
            }
            ZoneId zone;
            try {
                zone = timeZone == null ? defaults.timeZone() : ZoneId.of(timeZone);
            } catch (DateTimeException unknown) {
                throw new InvalidPreferencesException("timeZone must be an IANA time zone such as Europe/Berlin");
            }
            Map<Channel, Set<NotificationKind>> chosen = new EnumMap<>(defaults.channels());
            if (channels != null) {
                channels.forEach((channel, kinds) -> chosen.put(channel, kinds == null ? Set.of() : kinds));
            }
            return new NotificationPreferences(
                    user.userId(),
                    email == null || email.isBlank() ? null : email.strip(),
                    language,
                    zone,
                    quietHours == null ? null : new QuietHours(quietHours.start(), quietHours.end()),
                    chosen);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreferencesResponse(
            String email,
            String locale,
            String timeZone,
            QuietHoursBody quietHours,
            Map<Channel, Set<NotificationKind>> channels) {

        static PreferencesResponse of(NotificationPreferences preferences) {
            Map<Channel, Set<NotificationKind>> sorted = new EnumMap<>(Channel.class);
            preferences.channels().forEach((channel, kinds) -> sorted.put(channel, new TreeSet<>(kinds)));
            return new PreferencesResponse(
                    preferences.email(),
                    preferences.locale(),
                    preferences.timeZone().getId(),
                    preferences.quietHours() == null
                            ? null
                            : new QuietHoursBody(
                                    preferences.quietHours().start(),
                                    preferences.quietHours().end()),
                    sorted);
        }
    }
}
