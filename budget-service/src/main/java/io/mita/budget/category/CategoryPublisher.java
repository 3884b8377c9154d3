package io.mita.budget.category;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the category events into the outbox, inside the database transaction of the change. */
@Component
class CategoryPublisher {

    static final String CREATED = "mita.budget.category.created.v1";
    static final String ARCHIVED = "mita.budget.category.archived.v1";

    private final OutboxWriter outbox;

    CategoryPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> created(Category category) {
        return outbox.append(new OutgoingEvent(CREATED, category.userId().toString(), CategoryCreated.of(category)))
                .then();
    }

    Mono<Void> archived(Category category) {
        return outbox.append(new OutgoingEvent(ARCHIVED, category.userId().toString(), CategoryArchived.of(category)))
                .then();
    }
}
