package io.mita.auth;

import io.mita.testsupport.ServiceOperationsContract;
import java.util.List;
import org.springframework.test.context.TestPropertySource;

/**
 * Its own application context: the Prometheus scrape it reads must not carry the request metrics of every
 * other integration test sharing a context (they outgrow the client's 256 KB buffer).
 */
@TestPropertySource(properties = "mita.test.isolated-context=operations")
class AuthServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/auth/me";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("user_account", "refresh_token", "signing_key", "password_reset_token");
    }
}
