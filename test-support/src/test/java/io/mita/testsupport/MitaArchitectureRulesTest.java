package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.mita.testsupport.fixture.OffendingController;
import org.junit.jupiter.api.Test;

class MitaArchitectureRulesTest {

    private final JavaClasses offending = new ClassFileImporter().importPackages("io.mita.testsupport.fixture");

    @Test
    void catchesAControllerReturningAnEntityHiddenInGenerics() {
        assertThatThrownBy(() -> MitaArchitectureRules.controllersNeverReturnEntities("testsupport")
                        .check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OffendingController.leaks()");
    }

    @Test
    void catchesAControllerThatCallsARepositoryItself() {
        assertThatThrownBy(() -> MitaArchitectureRules.controllersNeverTouchTheDatabase("testsupport")
                        .check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OffendingController")
                .hasMessageContaining(OffendingController.OffendingStore.class.getSimpleName());
    }

    @Test
    void passesAControllerThatOnlyTalksToAUseCase() {
        JavaClasses wellBehaved = new ClassFileImporter()
                .importClasses(MitaArchitectureRulesTest.WellBehavedController.class, WellBehavedService.class);

        assertThatCode(() -> MitaArchitectureRules.controllersNeverTouchTheDatabase("testsupport")
                        .check(wellBehaved))
                .doesNotThrowAnyException();
    }

    @org.springframework.web.bind.annotation.RestController
    static class WellBehavedController {
        private final WellBehavedService service = new WellBehavedService();

        String answer() {
            return service.toString();
        }
    }

    static class WellBehavedService {}

    @Test
    void catchesAnImplSuffix() {
        assertThatThrownBy(
                        () -> MitaArchitectureRules.noImplSuffix("testsupport").check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(OffendingController.OffendingServiceImpl.class.getSimpleName());
    }

    @Test
    void passesAServiceThatKeepsToItself() {
        assertThatCode(() -> MitaArchitectureRules.noDependencyOnOtherServices("testsupport")
                        .check(offending))
                .doesNotThrowAnyException();
    }
}
