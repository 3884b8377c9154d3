package io.mita.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mita.testsupport.MitaArchitectureRules;

@AnalyzeClasses(packages = "io.mita.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theGatewayImportsNoOtherServicesPackages =
            MitaArchitectureRules.noDependencyOnOtherServices("gateway");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase =
            MitaArchitectureRules.controllersNeverTouchTheDatabase("gateway");

    @ArchTest
    static final ArchRule noImplSuffix = MitaArchitectureRules.noImplSuffix("gateway");
}
