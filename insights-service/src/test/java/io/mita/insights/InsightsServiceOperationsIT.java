package io.mita.insights;

import io.mita.testsupport.ServiceOperationsContract;
import java.util.List;

class InsightsServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/insights";
    }

    @Override
    protected List<String> ownTables() {
        return List.of(
                "insight",
                "projected_transaction",
                "projected_plan",
                "category_month_total",
                "daily_total",
                "merchant_stat",
                "insight_refresh",
                "erased_user");
    }
}
