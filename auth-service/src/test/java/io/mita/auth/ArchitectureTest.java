package io.mita.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import io.mita.testsupport.MitaArchitectureRules;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.mita.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = MitaArchitectureRules.noDependencyOnOtherServices("auth");

    @ArchTest
    static final ArchRule domainIsPure = MitaArchitectureRules.domainIsFrameworkFree("auth");

    @ArchTest
    static final ArchRule controllersNeverReturnEntities = MitaArchitectureRules.controllersNeverReturnEntities("auth");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase =
            MitaArchitectureRules.controllersNeverTouchTheDatabase("auth");

    @ArchTest
    static final ArchRule noImplSuffix = MitaArchitectureRules.noImplSuffix("auth");

    @ArchTest
    static final ArchRule persistenceStaysBehindRepositories = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository");

    /** One way to publish: a use case calls its feature's publisher, never the outbox itself. */
    @ArchTest
    static final ArchRule onlyPublishersWriteToTheOutbox = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Publisher")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(OutboxWriter.class, OutgoingEvent.class)
            .because("each feature publishes through its XPublisher (docs/decisions.md)");
}
