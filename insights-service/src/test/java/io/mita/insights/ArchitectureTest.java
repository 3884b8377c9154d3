package io.mita.insights;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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

    @ArchTest
    static final ArchRule noImplSuffix = MitaArchitectureRules.noImplSuffix("insights");
}
