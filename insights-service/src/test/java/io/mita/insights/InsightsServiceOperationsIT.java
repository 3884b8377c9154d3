package io.mita.insights;

import java.util.List;

import io.mita.testsupport.ServiceOperationsContract;

class InsightsServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/insights";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("insight");
    }
}
