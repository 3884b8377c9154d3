package io.mita.insights.insight;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No insight of the caller has this id (someone else's answers the same). */
class InsightNotFoundException extends ProblemException {

    InsightNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "INSIGHTS_NOT_FOUND", "Insight not found", "no insight " + id);
    }
}
