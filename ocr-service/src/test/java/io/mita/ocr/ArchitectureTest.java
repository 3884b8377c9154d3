package io.mita.ocr;

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
}
