package io.mita.audit;

import io.mita.testsupport.ServiceOperationsContract;
import java.util.List;

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
