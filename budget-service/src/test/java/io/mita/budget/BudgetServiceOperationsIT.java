package io.mita.budget;

import java.util.List;

import io.mita.testsupport.ServiceOperationsContract;

class BudgetServiceOperationsIT extends ServiceOperationsContract {

    @Override
    protected String protectedPath() {
        return "/api/budget/transactions";
    }

    @Override
    protected List<String> ownTables() {
        return List.of("transaction");
    }
}
