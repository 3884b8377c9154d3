package io.mita.budget.goal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The goal feature's own rules (the service-wide ones are in ArchitectureTest). */
@AnalyzeClasses(packages = "io.mita.budget.goal", importOptions = ImportOption.DoNotIncludeTests.class)
class GoalArchitectureTest {

    @ArchTest
    static final ArchRule healthProgressAndStatisticsArePureDomain = classes()
            .that()
            .haveNameMatching("io\\.mita\\.budget\\.goal\\.Goal(Health|Progress|Statistics)(\\$.*)?")
            .should()
            .onlyDependOnClassesThat()
            // arrays too (an enum's values()): "[Lio.mita.budget.goal.GoalHealth$Verdict;"
            .haveNameMatching(
                    "(\\[+L)?(java\\..*|io\\.mita\\.budget\\.goal\\.Goal(Health|Progress|Statistics|Status)(\\$[^;]*)?);?")
            .because("the goal rules are plain Java: no Spring, no R2DBC, no web, no clock of their own");

    @ArchTest
    static final ArchRule onlyEventPayloadsArePublic = classes()
            .that()
            .resideInAPackage("io.mita.budget.goal..")
            .and()
            .areTopLevelClasses()
            .and()
            .haveNameNotMatching(".*\\.Goal(Created|ContributionAdded|Completed)")
            .should()
            .notBePublic()
            .because("feature types are package-private; only event payloads are a public contract");
}
