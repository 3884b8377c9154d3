package io.mita.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mita.testsupport.MitaArchitectureRules;

@AnalyzeClasses(packages = "io.mita.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noDependencyOnOtherServices =
            MitaArchitectureRules.noDependencyOnOtherServices("notification");

    @ArchTest
    static final ArchRule domainIsFrameworkFree = MitaArchitectureRules.domainIsFrameworkFree("notification");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities =
            MitaArchitectureRules.controllersNeverReturnEntities("notification");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase =
            MitaArchitectureRules.controllersNeverTouchTheDatabase("notification");

    @ArchTest
    static final ArchRule noImplSuffix = MitaArchitectureRules.noImplSuffix("notification");
}
