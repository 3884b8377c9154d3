package io.mita.insights.analysis;

import java.util.List;

/** One kind of insight: what it finds in a user-month. */
interface InsightRule {

    List<Insight> find(MonthFigures figures);
}
