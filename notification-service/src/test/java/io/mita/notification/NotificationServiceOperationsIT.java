package io.mita.notification;

import io.mita.testsupport.ServiceOperationsContract;
import java.util.List;

class NotificationServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/notifications";
    }

    @Override
    protected List<String> ownTables() {
        return List.of(
                "notification",
                "email_delivery",
                "notification_preference",
                "mail_queue",
                "habit_completion",
                "device_token");
    }
}
