package io.mita.auth.admin;

import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserNotFoundException;
import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.account.domain.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sets a user's roles. Tokens already issued keep their roles until they expire (15 minutes); the next
 * login or refresh carries the new set.
 */
@Service
class RoleAdministrationService {

    private final UserAccountRepository accounts;
    private final UserRoleRepository roles;
    private final RolePublisher events;
    private final TransactionalOperator transaction;

    RoleAdministrationService(
            UserAccountRepository accounts,
            UserRoleRepository roles,
            RolePublisher events,
            TransactionalOperator transaction) {
        this.accounts = accounts;
        this.roles = roles;
        this.events = events;
        this.transaction = transaction;
    }

    /** Makes {@code names} the user's complete set of roles, with the caller (an admin) as actor of the event. */
    Mono<Set<Role>> replaceRoles(UUID userId, List<String> names, UUID grantedBy) {
        return Mono.fromCallable(() -> parse(names))
                .flatMap(wanted -> accounts.existsById(userId)
                        .flatMap(exists ->
                                exists ? roles.replace(userId, wanted) : Mono.error(new UserNotFoundException(userId)))
                        .then(Mono.defer(() -> events.rolesGranted(userId, wanted, grantedBy)))
                        .as(transaction::transactional)
                        .thenReturn(wanted));
    }

    private static Set<Role> parse(List<String> names) {
        List<String> unknown = names.stream()
                .filter(name -> Role.named(name).isEmpty())
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownRoleException(unknown);
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        names.stream().map(Role::named).map(Optional::orElseThrow).forEach(parsed::add);
        return parsed;
    }
}
