package io.mita.audit;

import java.util.List;

import io.mita.testsupport.ServiceOperationsContract;

class AuditServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/audit/events";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("audit_event");
    }
}
