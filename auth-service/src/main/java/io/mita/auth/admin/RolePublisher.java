package io.mita.auth.admin;

import io.mita.auth.account.domain.Role;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the role events into the outbox, inside the caller's transaction; the user whose roles were set is
 * the subject, {@code roles} the complete new set, sorted by name.
 */
@Component
public class RolePublisher {

    private final OutboxWriter outbox;

    RolePublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** An administrator set them: {@code grantedBy}, and the actor is the authenticated caller. */
    Mono<Void> rolesGranted(UUID userId, Collection<Role> roles, UUID grantedBy) {
        return outbox.append(event(userId, roles, grantedBy)).then();
    }

    /** Granted by configuration at startup (the bootstrap admin), not by a person: no grantor, no actor. */
    public Mono<Void> rolesGrantedByConfiguration(UUID userId, Collection<Role> roles) {
        return outbox.append(event(userId, roles, null), null).then();
    }

    private static OutgoingEvent event(UUID userId, Collection<Role> roles, UUID grantedBy) {
        return new OutgoingEvent(
                RolesGranted.TYPE,
                userId.toString(),
                new RolesGranted(userId, roles.stream().map(Role::name).sorted().toList(), grantedBy));
    }
}
