package io.mita.insights;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.mita.testsupport.MitaArchitectureRules;

@AnalyzeClasses(packages = "io.mita.insights", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noDependencyOnOtherServices = MitaArchitectureRules.noDependencyOnOtherServices("insights");

    @ArchTest
    static final ArchRule domainIsFrameworkFree = MitaArchitectureRules.domainIsFrameworkFree("insights");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities =
            MitaArchitectureRules.controllersNeverReturnEntities("insights");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase =
            MitaArchitectureRules.controllersNeverTouchTheDatabase("insights");

    /** The insight kinds are plain Java (the shared rule covers packages named domain; this one is analysis). */
    @ArchTest
    static final ArchRule analysisIsFrameworkFree = ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("io.mita.insights.analysis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor..", "tools.jackson..")
            .because("the insight kinds are pure domain code, unit-tested with hand-computed values");

    @ArchTest
    static final ArchRule noImplSuffix = MitaArchitectureRules.noImplSuffix("insights");
}
