package io.mita.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.mita.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theGatewayImportsNoOtherServicesPackages = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.mita.auth..", "io.mita.budget..", "io.mita.ocr..",
                    "io.mita.insights..", "io.mita.notification..", "io.mita.audit..");
}
