package io.mita.budget.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.support.InlineTransactions;
import io.mita.budget.support.RecordingOutbox;
import io.mita.common.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The category use cases on an in-memory store: seeding, uniqueness, archive and delete rules, events. */
class CategoryServiceTest {

    private final InMemoryCategories categories = new InMemoryCategories();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final CategoryService service = new CategoryService(
            categories,
            new CategoryPublisher(outbox),
            new InlineTransactions(),
            Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC));
    private final UUID alice = UUID.randomUUID();

    @Test
    void aNewUserHasTheDefaultSetWithItsKindsAndNothingIsPublishedForIt() {
        List<Category> all = service.list(alice).block();

        assertThat(all)
                .extracting(Category::key)
                .containsExactlyInAnyOrder(
                        "groceries",
                        "dining",
                        "transport",
                        "housing",
                        "utilities",
                        "health",
                        "entertainment",
                        "shopping",
                        "education",
                        "savings",
                        "other");
        assertThat(all).allMatch(Category::isDefault).noneMatch(Category::archived);
        assertThat(all)
                .filteredOn(category -> category.kind() == CategoryKind.DISCRETIONARY)
                .extracting(Category::key)
                .containsExactlyInAnyOrder("dining", "entertainment", "shopping", "other");
        assertThat(outbox.types()).isEmpty();
        assertThat(service.list(alice).block()).hasSize(11);
    }

    @Test
    void anOwnCategoryIsCreatedWithAKeyFromItsNameAndPublished() {
        Category created =
                service.create(alice, "  Coffee Beans ", CategoryKind.ESSENTIAL).block();

        assertThat(created.key()).isEqualTo("coffee beans");
        assertThat(created.name()).isEqualTo("Coffee Beans");
        assertThat(created.kind()).isEqualTo(CategoryKind.ESSENTIAL);
        assertThat(created.isDefault()).isFalse();
        assertThat(outbox.payloads(CategoryPublisher.CREATED, CategoryCreated.class))
                .containsExactly(new CategoryCreated(created.id(), alice, "coffee beans", "Coffee Beans", "ESSENTIAL"));
        assertThat(service.list(alice).block()).hasSize(12);
    }

    @Test
    void withoutAKindAnOwnCategoryIsDiscretionary() {
        assertThat(service.create(alice, "Hobbies", null).block().kind()).isEqualTo(CategoryKind.DISCRETIONARY);
    }

    @Test
    void aNameTheUserHasInAnyCaseIsRefusedWith409IncludingTheDefaults() {
        service.create(alice, "Coffee", null).block();

        assertCode(() -> service.create(alice, "coffee", null).block(), 409, "CATEGORY_NAME_TAKEN");
        assertCode(() -> service.create(alice, "GROCERIES", null).block(), 409, "CATEGORY_NAME_TAKEN");
        assertThat(outbox.types()).containsExactly(CategoryPublisher.CREATED);
    }

    @Test
    void anotherUserMayUseTheSameName() {
        service.create(alice, "Coffee", null).block();

        assertThat(service.create(UUID.randomUUID(), "Coffee", null).block().key())
                .isEqualTo("coffee");
    }

    @Test
    void aRenameChangesTheNameButNotTheKey() {
        Category groceries = byKey("groceries");

        Category renamed =
                service.rename(alice, groceries.id(), "Food & household").block();

        assertThat(renamed.name()).isEqualTo("Food & household");
        assertThat(renamed.key()).isEqualTo("groceries");
        assertThat(service.activeKey(alice, "groceries").block()).isEqualTo("groceries");
    }

    @Test
    void aRenameToAnotherCategorysNameOrKeyIsRefused() {
        Category dining = byKey("dining");
        service.rename(alice, byKey("groceries").id(), "Food").block();

        assertCode(() -> service.rename(alice, dining.id(), "food").block(), 409, "CATEGORY_NAME_TAKEN");
        assertCode(() -> service.rename(alice, dining.id(), "Groceries").block(), 409, "CATEGORY_NAME_TAKEN");
    }

    @Test
    void anArchivedCategoryIsListedFlaggedAndNoLongerActiveAndArchivingTwicePublishesOnce() {
        Category coffee = service.create(alice, "Coffee", null).block();

        service.archive(alice, coffee.id()).block();
        Category again = service.archive(alice, coffee.id()).block();

        assertThat(again.archived()).isTrue();
        assertThat(service.list(alice).block())
                .filteredOn(Category::archived)
                .extracting(Category::key)
                .containsExactly("coffee");
        assertCode(() -> service.activeKey(alice, "coffee").block(), 422, "UNKNOWN_CATEGORY");
        assertThat(outbox.types()).containsExactly(CategoryPublisher.CREATED, CategoryPublisher.ARCHIVED);
        assertThat(outbox.payloads(CategoryPublisher.ARCHIVED, CategoryArchived.class)
                        .get(0)
                        .archivedAt())
                .isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }

    @Test
    void anUnusedOwnCategoryIsDeleted() {
        Category coffee = service.create(alice, "Coffee", null).block();

        service.delete(alice, coffee.id()).block();

        assertThat(service.list(alice).block()).extracting(Category::key).doesNotContain("coffee");
        assertCode(() -> service.activeKey(alice, "coffee").block(), 422, "UNKNOWN_CATEGORY");
    }

    @Test
    void aCategoryInUseIsNotDeletedButCanBeArchived() {
        Category coffee = service.create(alice, "Coffee", null).block();
        categories.markUsed(alice, "coffee");

        assertCode(() -> service.delete(alice, coffee.id()).block(), 409, "CATEGORY_IN_USE");
        assertThat(service.archive(alice, coffee.id()).block().archived()).isTrue();
    }

    @Test
    void aDefaultCategoryIsNeverDeleted() {
        assertCode(() -> service.delete(alice, byKey("other").id()).block(), 409, "CATEGORY_IS_DEFAULT");
    }

    @Test
    void anotherUsersCategoryIsNotFoundForEveryVerb() {
        Category coffee = service.create(alice, "Coffee", null).block();
        UUID bob = UUID.randomUUID();

        assertCode(() -> service.rename(bob, coffee.id(), "Tea").block(), 404, "CATEGORY_NOT_FOUND");
        assertCode(() -> service.archive(bob, coffee.id()).block(), 404, "CATEGORY_NOT_FOUND");
        assertCode(() -> service.delete(bob, coffee.id()).block(), 404, "CATEGORY_NOT_FOUND");
        assertThat(service.activeKey(alice, "coffee").block()).isEqualTo("coffee");
    }

    @Test
    void aTransactionsCategoryResolvesToItsKeyWhateverTheCaseAndSeedsTheDefaultsOfANewUser() {
        assertThat(service.activeKey(alice, " Groceries ").block()).isEqualTo("groceries");
        assertCode(() -> service.activeKey(alice, "travel").block(), 422, "UNKNOWN_CATEGORY");
        assertThat(categories.size()).isEqualTo(11);
    }

    @Test
    void theKindsOfAllCategoriesIncludeArchivedOnes() {
        Category coffee =
                service.create(alice, "Coffee", CategoryKind.ESSENTIAL).block();
        service.archive(alice, coffee.id()).block();

        assertThat(service.kinds(alice).block())
                .containsEntry("coffee", CategoryKind.ESSENTIAL)
                .containsEntry("dining", CategoryKind.DISCRETIONARY)
                .hasSize(12);
    }

    private Category byKey(String key) {
        return service.list(alice).block().stream()
                .filter(category -> category.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
