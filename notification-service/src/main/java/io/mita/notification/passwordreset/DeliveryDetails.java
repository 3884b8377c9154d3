package io.mita.notification.passwordreset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mita.common.pii.PiiMasker;

/**
 * What a password-reset delivery holds once opened: where to send the mail and the token to put in
 * the link. Lives in memory only; its {@code toString} shows neither the address nor the token.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeliveryDetails(String email, String token, String displayName) {

    @Override
    public String toString() {
        return "DeliveryDetails[email=" + PiiMasker.maskEmail(email) + ", token=" + PiiMasker.REDACTED + "]";
    }
}
