package io.mita.ocr.erasure;

import io.mita.common.erasure.UserDataErasurePlan;
import io.mita.ocr.inbound.UserErased;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What ocr-service deletes about a user whose account was erased ({@code mita.auth.user.erased.v1}): the receipts
 * with what was read and confirmed, and with them ({@code ON DELETE CASCADE}) the stored images and the OCR jobs,
 * and the user's outbox events, published or not. Images live only in the database; Tesseract's working files are
 * deleted after each read, so no file is left. A job being read at that moment finds its receipt gone when it stores
 * the result and publishes nothing.
 *
 * <p>common-lib runs the plan ({@code io.mita.common.erasure}): its listener reads {@code mita.auth.v1} in the group
 * {@code ocr-service-user-erasure}, takes the user's lock, deletes, writes the tombstone {@code erased_user} (V3) and
 * the processed-event row in one transaction; from then on an upload (or any request) with the user's still-valid
 * access token answers 401 {@code AUTH_ACCOUNT_ERASED}. Table of all services: docs/auth.md, "What each service does
 * with {@code user.erased}".
 */
@Configuration(proxyBeanMethods = false)
class ErasurePlan {

    static final String CONSUMER = "ocr-user-erasure";

    static final List<String> STATEMENTS = List.of(
            "DELETE FROM receipt WHERE user_id = :userId",
            "DELETE FROM outbox_event WHERE subject = CAST(:userId AS VARCHAR)");

    @Bean
    UserDataErasurePlan userDataErasurePlan() {
        return new UserDataErasurePlan(CONSUMER, UserErased.TYPE, STATEMENTS);
    }
}
