package io.mita.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The architecture rules every MITA service is held to, so each service's {@code ArchitectureTest}
 * states them in three lines instead of copying them.
 */
public final class MitaArchitectureRules {

    public static final List<String> SERVICES =
            List.of("auth", "budget", "ocr", "insights", "notification", "audit", "gateway");

    private MitaArchitectureRules() {}

    /** No class of this service depends on another service's packages: services share events and HTTP only. */
    public static ArchRule noDependencyOnOtherServices(String service) {
        String[] others = SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> "io.mita." + other + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage("io.mita." + service + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share only events and HTTP contracts");
    }

    /** Pure domain packages carry no Spring, R2DBC or Kafka. */
    public static ArchRule domainIsFrameworkFree(String service) {
        return noClasses()
                .that()
                .resideInAPackage("io.mita." + service + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor..")
                .allowEmptyShould(true)
                .because("domain logic is plain Java, testable without a framework");
    }

    /** Controllers answer with response records, never with persisted entities. */
    public static ArchRule controllersNeverReturnEntities(String service) {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("io.mita." + service + "..")
                .should(notExposeEntities())
                .allowEmptyShould(true)
                .because("an entity in an answer leaks internal fields and couples the API to the schema");
    }

    /**
     * A controller never runs SQL or calls a repository: it maps HTTP onto a use case ({@code XService}) or
     * a small query class, which owns the database access.
     */
    public static ArchRule controllersNeverTouchTheDatabase(String service) {
        return noClasses()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .and()
                .resideInAPackage("io.mita." + service + "..")
                .should()
                .dependOnClassesThat(DATABASE_ACCESS)
                .allowEmptyShould(true)
                .because("a controller maps HTTP onto a use case; SQL and repositories live behind it");
    }

    /** A use case is {@code XService}; there is no {@code XServiceImpl} twin anywhere. */
    public static ArchRule noImplSuffix(String service) {
        return noClasses()
                .that()
                .resideInAPackage("io.mita." + service + "..")
                .should()
                .haveSimpleNameEndingWith("Impl")
                .because("a use case is XService, without an XServiceImpl twin");
    }

    private static ArchCondition<com.tngtech.archunit.core.domain.JavaMethod> notExposeEntities() {
        return new ArchCondition<>(
                "not return an entity (a @Table class), directly or inside a generic type such as Mono<ResponseEntity<List<X>>>") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                boolean exposes =
                        method.getReturnType().getAllInvolvedRawTypes().stream().anyMatch(IS_ENTITY);
                if (exposes) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns an entity"));
                }
            }
        };
    }

    private static final DescribedPredicate<JavaClass> DATABASE_ACCESS =
            new DescribedPredicate<>("access the database (R2DBC, JDBC, a repository)") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getPackageName().startsWith("org.springframework.r2dbc")
                            || type.getPackageName().startsWith("org.springframework.data.r2dbc")
                            || type.getPackageName().startsWith("org.springframework.jdbc")
                            || type.getPackageName().startsWith("io.r2dbc")
                            || type.getPackageName().startsWith("java.sql")
                            || type.isAnnotatedWith("org.springframework.stereotype.Repository")
                            || type.isAssignableTo("org.springframework.data.repository.Repository")
                            || type.getSimpleName().endsWith("Repository");
                }
            };

    private static final DescribedPredicate<JavaClass> IS_ENTITY = new DescribedPredicate<>("entity") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAnnotatedWith("org.springframework.data.relational.core.mapping.Table");
        }
    };
}
