package io.mita.notification;

import java.util.List;

import io.mita.testsupport.ServiceOperationsContract;

class NotificationServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/notifications";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("notification", "email_delivery");
    }
}
