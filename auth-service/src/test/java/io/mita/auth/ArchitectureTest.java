package io.mita.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.mita.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.mita.budget..", "io.mita.ocr..", "io.mita.insights..", "io.mita.notification..",
                    "io.mita.audit..", "io.mita.gateway..");

    @ArchTest
    static final ArchRule domainIsPure = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                    "org.springframework..", "io.r2dbc..", "jakarta.persistence..", "reactor..", "io.mita.common..");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(new ArchCondition<JavaMethod>("not return an entity (@Table class), also not inside Mono/Flux/ResponseEntity") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean entity = method.getReturnType().getAllInvolvedRawTypes().stream()
                            .anyMatch(type -> type.isAnnotatedWith(Table.class));
                    if (entity) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns an entity"));
                    }
                }
            });

    @ArchTest
    static final ArchRule persistenceStaysBehindRepositories = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule noImplSuffix = noClasses().should().haveSimpleNameEndingWith("Impl");
}
