package io.mita.notification.push;

import reactor.core.publisher.Mono;

/** The port through which this service sends push messages (the adapter: {@link FcmPushSender}). */
public interface PushSender {

    /**
     * Completes when the provider accepted the message.
     *
     * @throws PushDeliveryException (as the Mono's error) when it did not; {@link PushDeliveryException#unregistered()}
     *                               says the device token is gone for good
     */
    Mono<Void> send(PushMessage message);
}
