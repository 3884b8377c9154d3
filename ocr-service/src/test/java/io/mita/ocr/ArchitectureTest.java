package io.mita.ocr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mita.testsupport.MitaArchitectureRules;

@AnalyzeClasses(packages = "io.mita.ocr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noDependencyOnOtherServices = MitaArchitectureRules.noDependencyOnOtherServices("ocr");

    @ArchTest
    static final ArchRule domainIsFrameworkFree = MitaArchitectureRules.domainIsFrameworkFree("ocr");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities = MitaArchitectureRules.controllersNeverReturnEntities("ocr");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase =
            MitaArchitectureRules.controllersNeverTouchTheDatabase("ocr");

    @ArchTest
    static final ArchRule noImplSuffix = MitaArchitectureRules.noImplSuffix("ocr");

    /** Extraction and image checks are plain Java: unit-testable in milliseconds, usable by the benchmark. */
    @ArchTest
    static final ArchRule extractionAndImagesArePlainJava = noClasses()
            .that()
            .resideInAnyPackage("io.mita.ocr.extraction..", "io.mita.ocr.image..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor..")
            .because("the rules that read receipts and check images need no framework");
}
