package io.mita.budget;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@AnalyzeClasses(packages = "io.mita.budget", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule budgetImportsNoOtherService = noClasses()
            .that().resideInAPackage("io.mita.budget..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.mita.auth..", "io.mita.ocr..", "io.mita.insights..", "io.mita.notification..",
                    "io.mita.audit..", "io.mita.gateway..")
            .because("services share only common-lib and their own copies of event payloads");

    @ArchTest
    static final ArchRule moneyIsPureDomain = classes()
            .that().resideInAPackage("io.mita.budget.money..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.mita.budget.money..")
            .because("money rules are plain Java: no Spring, no R2DBC, no web");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(notMentionInTheirReturnType(annotatedWithTable()))
            .because("controllers answer with XResponse records, never the @Table entities");

    @ArchTest
    static final ArchRule nothingIsCalledImpl = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .because("a use case is XService, without an XServiceImpl twin");

    @ArchTest
    static final ArchRule featureTypesArePackagePrivate = classes()
            .that().resideInAPackage("io.mita.budget.transaction..")
            .and().areTopLevelClasses()
            .and().haveSimpleNameNotEndingWith("Recorded")
            .should().notBePublic()
            .because("feature types are package-private; only event payloads are a public contract");

    @Test
    void theEntityRuleCatchesAnEntityHiddenInGenerics() {
        JavaClasses offending = new ClassFileImporter().importClasses(OffendingController.class, OffendingEntity.class);

        assertThatThrownBy(() -> controllersNeverReturnEntities.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OffendingEntity");
    }

    @Table("offending")
    static class OffendingEntity {
    }

    @RestController
    static class OffendingController {
        Mono<ResponseEntity<List<OffendingEntity>>> leaks() {
            return Mono.empty();
        }
    }

    private static DescribedPredicate<JavaClass> annotatedWithTable() {
        return DescribedPredicate.describe("annotated with @Table", type -> type.isAnnotatedWith(Table.class));
    }

    /** Looks through generics too: {@code Mono<ResponseEntity<List<Entity>>>} counts. */
    private static ArchCondition<JavaMethod> notMentionInTheirReturnType(DescribedPredicate<JavaClass> forbidden) {
        return new ArchCondition<>("not mention a type " + forbidden.getDescription() + " in their return type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass involved : method.getReturnType().getAllInvolvedRawTypes()) {
                    if (forbidden.test(involved)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " returns " + involved.getName()));
                    }
                }
            }
        };
    }
}
