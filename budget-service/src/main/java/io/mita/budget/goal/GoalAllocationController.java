package io.mita.budget.goal;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/budget/goals/{id}/allocation}: part of the monthly plan's savings target for one goal. */
@RestController
@RequestMapping("/api/budget/goals/{id}/allocation")
class GoalAllocationController {

    private final GoalAllocationService allocations;

    GoalAllocationController(GoalAllocationService allocations) {
        this.allocations = allocations;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AllocationResponse> allocate(
            CurrentUser user, @PathVariable UUID id, @Valid @RequestBody AllocateGoalRequest request) {
        return allocations.allocate(user.userId(), id, request.monthlyAmount(), request.autoTransfer());
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> remove(CurrentUser user, @PathVariable UUID id) {
        return allocations
                .remove(user.userId(), id)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }
}
