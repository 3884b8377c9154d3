package io.mita.auth.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void knowsExactlyTheRolesOfTheSecurityModel() {
        assertThat(Role.named("COMPLIANCE")).hasValue(Role.COMPLIANCE);
        assertThat(Role.named("admin")).isEmpty();
        assertThat(Role.named("SUPERUSER")).isEmpty();
    }
}
