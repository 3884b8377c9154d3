package io.mita.auth.session;

import io.mita.common.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The password was right and the account has two-factor sign-in: no tokens yet. The answer carries the MFA
 * token for {@code POST /api/auth/login/mfa} (as e.g. Auth0 answers {@code mfa_required} with an
 * {@code mfa_token}); clients tell it apart from a refusal by {@code code}.
 */
class MfaRequiredException extends ProblemException {

    private final SecondFactor.Challenge challenge;

    MfaRequiredException(SecondFactor.Challenge challenge) {
        super(
                HttpStatus.UNAUTHORIZED,
                "AUTH_MFA_REQUIRED",
                "Second factor required",
                "Send a code of your authenticator app (or a recovery code) with mfaToken to /api/auth/login/mfa.");
        this.challenge = challenge;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("mfaToken", challenge.mfaToken());
        extensions.put("mfaTokenExpiresIn", challenge.expiresIn().toSeconds());
        return extensions;
    }
}
