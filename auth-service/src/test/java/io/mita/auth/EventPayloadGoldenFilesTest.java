package io.mita.auth;

import io.mita.auth.admin.RolesGranted;
import io.mita.auth.erasure.UserErased;
import io.mita.auth.export.DataExportCompleted;
import io.mita.auth.export.DataExportDownloaded;
import io.mita.auth.export.DataExportRequested;
import io.mita.auth.lockout.AccountLocked;
import io.mita.auth.lockout.AccountUnlocked;
import io.mita.auth.mfa.MfaDisabled;
import io.mita.auth.mfa.MfaEnabled;
import io.mita.auth.mfa.RecoveryCodesRegenerated;
import io.mita.auth.password.PasswordChanged;
import io.mita.auth.password.PasswordResetRequested;
import io.mita.auth.registration.UserRegistered;
import io.mita.auth.session.LoginFailed;
import io.mita.auth.session.LoginSucceeded;
import io.mita.auth.session.UserLoggedOut;
import io.mita.auth.token.SigningKeyRotated;
import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The payloads this service publishes serialise to the shape of their golden files in docs/events. */
class EventPayloadGoldenFilesTest {

    static Stream<Arguments> payloads() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        return Stream.of(
                Arguments.of(UserRegistered.TYPE, new UserRegistered(user, "Ann", Instant.now())),
                Arguments.of(LoginSucceeded.TYPE, new LoginSucceeded(user, session)),
                Arguments.of(LoginFailed.TYPE, new LoginFailed(user, LoginFailed.WRONG_PASSWORD)),
                Arguments.of(RolesGranted.TYPE, new RolesGranted(user, List.of("ADMIN", "USER"), UUID.randomUUID())),
                Arguments.of(UserLoggedOut.TYPE, new UserLoggedOut(user, session)),
                Arguments.of(LoginFailed.TYPE, new LoginFailed(user, LoginFailed.ACCOUNT_LOCKED)),
                Arguments.of(AccountLocked.TYPE, new AccountLocked(user, 5, Instant.now())),
                Arguments.of(AccountUnlocked.TYPE, new AccountUnlocked(user, AccountUnlocked.ADMIN, UUID.randomUUID())),
                Arguments.of(PasswordChanged.TYPE, new PasswordChanged(user, PasswordChanged.RESET, 2)),
                Arguments.of(
                        PasswordResetRequested.TYPE,
                        new PasswordResetRequested(user, UUID.randomUUID(), Instant.now(), "v1.aXY.Y2lwaGVy")),
                Arguments.of(SigningKeyRotated.TYPE, new SigningKeyRotated("new-kid", "old-kid")),
                Arguments.of(MfaEnabled.TYPE, new MfaEnabled(user, Instant.now())),
                Arguments.of(MfaDisabled.TYPE, new MfaDisabled(user, Instant.now())),
                Arguments.of(RecoveryCodesRegenerated.TYPE, new RecoveryCodesRegenerated(user, Instant.now())),
                Arguments.of(UserErased.TYPE, new UserErased(user, Instant.now(), UserErased.SELF)),
                Arguments.of(DataExportRequested.TYPE, new DataExportRequested(user, UUID.randomUUID(), Instant.now())),
                Arguments.of(
                        DataExportCompleted.TYPE,
                        new DataExportCompleted(
                                user, UUID.randomUUID(), "FAILED", "ocr answered HTTP 500", Instant.now())),
                Arguments.of(
                        DataExportDownloaded.TYPE, new DataExportDownloaded(user, UUID.randomUUID(), Instant.now())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadSerialisesToTheGoldenShape(String type, Object payload) {
        GoldenEvents.assertSerialisesToShapeOf(type, payload);
    }
}
