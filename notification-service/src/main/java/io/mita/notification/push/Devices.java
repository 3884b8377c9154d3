package io.mita.notification.push;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A user's push devices: register (again: nothing changes but the platform) and remove. */
@Service
class Devices {

    private final DeviceTokens tokens;

    Devices(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    Mono<Void> register(UUID userId, String token, Platform platform) {
        return tokens.register(userId, token, platform.name());
    }

    Mono<Boolean> remove(UUID userId, String token) {
        return tokens.remove(userId, token);
    }

    enum Platform {
        ANDROID,
        IOS,
        WEB
    }
}
