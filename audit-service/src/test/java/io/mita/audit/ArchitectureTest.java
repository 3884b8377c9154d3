package io.mita.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mita.testsupport.MitaArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

    private static JavaClasses audit;

    @BeforeAll
    static void importAuditService() {
        audit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mita.audit");
    }

    @Test
    void theAuditServiceImportsNoOtherServicesPackages() {
        MitaArchitectureRules.noDependencyOnOtherServices("audit").check(audit);
    }

    @Test
    void controllersNeverHandOutEntities() {
        MitaArchitectureRules.controllersNeverReturnEntities("audit").check(audit);
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Table.class)
                .check(audit);
    }

    @Test
    void controllersNeverTouchTheDatabase() {
        MitaArchitectureRules.controllersNeverTouchTheDatabase("audit").check(audit);
    }

    @Test
    void nothingIsCalledImpl() {
        MitaArchitectureRules.noImplSuffix("audit").check(audit);
    }

    @Test
    void controllersReachTheDatabaseOnlyThroughTheirService() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..")
                .check(audit);
    }

    @Test
    void onlyTheIngestSideConsumesKafka() {
        methods()
                .that()
                .areAnnotatedWith(KafkaListener.class)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("io.mita.audit.ingest")
                .check(audit);
        noClasses()
                .that()
                .resideInAPackage("io.mita.audit.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(audit);
    }

    @Test
    void theIngestAndQuerySidesShareOnlyTheTable() {
        noClasses()
                .that()
                .resideInAPackage("io.mita.audit.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mita.audit.query..")
                .check(audit);
        noClasses()
                .that()
                .resideInAPackage("io.mita.audit.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mita.audit.ingest..")
                .check(audit);
    }

    @Test
    void theQueryRecordsCarryNoFrameworkAnnotations() {
        classes()
                .that()
                .resideInAPackage("io.mita.audit.query")
                .and()
                .areRecords()
                .should()
                .notBeAnnotatedWith(Table.class)
                .andShould()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.mita.audit.query..", "tools.jackson.databind..")
                .check(audit);
    }
}
