package io.mita.auth.account;

import io.mita.auth.account.domain.PasswordWeakness;
import io.mita.common.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A new password of the right length that is breached, contains the account's e-mail or name, or is estimated
 * too easy to guess. The answer says which ({@code reason}) and how to do better ({@code hint}); it never
 * contains the password.
 */
public class PasswordTooWeakException extends ProblemException {

    private final PasswordWeakness weakness;

    public PasswordTooWeakException(PasswordWeakness weakness) {
        super(HttpStatus.BAD_REQUEST, "AUTH_PASSWORD_TOO_WEAK", "Password too weak", weakness.hint());
        this.weakness = weakness;
    }

    public PasswordWeakness weakness() {
        return weakness;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("reason", weakness.reason().name());
        extensions.put("hint", weakness.hint());
        return extensions;
    }
}
