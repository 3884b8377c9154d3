package io.mita.notification.push;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST|DELETE /api/notifications/devices}: the caller's devices for push messages. */
@RestController
@RequestMapping("/api/notifications/devices")
class DeviceController {

    private final Devices devices;

    DeviceController(Devices devices) {
        this.devices = devices;
    }

    @PostMapping
    Mono<ResponseEntity<Void>> register(CurrentUser user, @Valid @RequestBody DeviceRequest request) {
        return devices.register(user.userId(), request.token(), request.platform())
                .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    /** Idempotent: a token the caller never registered answers 204 as well (nothing of another user's is touched). */
    @DeleteMapping
    Mono<ResponseEntity<Void>> remove(CurrentUser user, @Valid @RequestBody RemoveDeviceRequest request) {
        return devices.remove(user.userId(), request.token())
                .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    record DeviceRequest(
            @NotBlank @Size(max = 512) String token,
            @NotNull Devices.Platform platform) {}

    record RemoveDeviceRequest(@NotBlank @Size(max = 512) String token) {}
}
