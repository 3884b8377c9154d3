package io.mita.budget;

import io.mita.testsupport.ServiceOperationsContract;
import java.util.List;

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
