package io.mita.auth;

import java.util.List;

import io.mita.testsupport.ServiceOperationsContract;

class AuthServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/auth/me";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("user_account");
    }
}
