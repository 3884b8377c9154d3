package io.mita.budget;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mita.testsupport.MitaArchitectureRules;
import java.time.Clock;

@AnalyzeClasses(packages = "io.mita.budget", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule budgetImportsNoOtherService = MitaArchitectureRules.noDependencyOnOtherServices("budget");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities =
            MitaArchitectureRules.controllersNeverReturnEntities("budget");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase =
            MitaArchitectureRules.controllersNeverTouchTheDatabase("budget");

    @ArchTest
    static final ArchRule nothingIsCalledImpl = MitaArchitectureRules.noImplSuffix("budget");

    @ArchTest
    static final ArchRule moneyIsPureDomain = classes()
            .that()
            .resideInAPackage("io.mita.budget.money..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.mita.budget.money..")
            .because("money rules are plain Java: no Spring, no R2DBC, no web");

    @ArchTest
    static final ArchRule redistributionIsPureDomain = classes()
            .that()
            .resideInAPackage("io.mita.budget.redistribution..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.mita.budget.redistribution..")
            .because("the redistribution algorithm is plain Java: no Spring, no R2DBC, no web, no clock");

    @ArchTest
    static final ArchRule redistributionReadsNoClock = noClasses()
            .that()
            .resideInAPackage("io.mita.budget.redistribution..")
            .should()
            .callMethodWhere(target(name("now")))
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Clock.class)
            .because("the caller says which day is today: the same ledger and day always give the same moves");

    @ArchTest
    static final ArchRule featureTypesArePackagePrivate = classes()
            .that()
            .resideInAPackage("io.mita.budget.transaction..")
            .and()
            .areTopLevelClasses()
            .and()
            .haveSimpleNameNotEndingWith("Recorded")
            .should()
            .notBePublic()
            .because("feature types are package-private; only event payloads are a public contract");
}
