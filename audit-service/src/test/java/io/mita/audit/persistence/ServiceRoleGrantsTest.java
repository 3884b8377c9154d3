package io.mita.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRoleGrantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Audit", "mita-audit", "x; DROP ROLE postgres", "\"quoted\"", ""})
    void aRoleNameThatIsNotAPlainLowerCaseIdentifierIsRefused(String role) {
        assertThatThrownBy(() -> new ServiceRoleGrants(role, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lower-case SQL identifier");
    }

    @Test
    void aPlainRoleNameIsAccepted() {
        assertThat(new ServiceRoleGrants("mita_audit_service", null).getCallbackName())
                .isEqualTo("audit-service-role-grants");
    }

    @Test
    void passwordsAndNamesAreQuotedForSql() {
        assertThat(ServiceRoleGrants.literal("it's")).isEqualTo("'it''s'");
        assertThat(ServiceRoleGrants.identifier("odd\"name")).isEqualTo("\"odd\"\"name\"");
    }
}
