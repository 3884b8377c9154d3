package io.mita.insights.insight;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidMonthException extends ProblemException {

    InvalidMonthException(String month) {
        super(
                HttpStatus.BAD_REQUEST,
                "INSIGHTS_INVALID_MONTH",
                "Invalid month",
                "month must be yyyy-MM, got '" + (month.length() > 20 ? month.substring(0, 20) + "…" : month) + "'");
    }
}
