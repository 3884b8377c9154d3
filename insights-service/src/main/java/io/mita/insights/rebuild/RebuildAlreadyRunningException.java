package io.mita.insights.rebuild;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class RebuildAlreadyRunningException extends ProblemException {

    RebuildAlreadyRunningException() {
        super(
                HttpStatus.CONFLICT,
                "INSIGHTS_REBUILD_RUNNING",
                "Rebuild already running",
                "a projection rebuild is running on this instance; try again when it is done");
    }
}
