package org.edgeofchaos.explorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of the code base: the core knows nothing of JavaFX or the window. */
class ArchitectureTest {
    private static final String[] CORE = {
        "org.edgeofchaos.explorer.data..",
        "org.edgeofchaos.explorer.training..",
        "org.edgeofchaos.explorer.dynamics..",
        "org.edgeofchaos.explorer.experiment.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.edgeofchaos.explorer");
    }

    @Test
    void corePackagesDoNotDependOnJavaFxControlsFxOrTheUi() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "..ui..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void uiClassesDoNotWriteToStandardOutOrErr() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .allowEmptyShould(true);
        noClasses().that().resideInAPackage("org.edgeofchaos.explorer.ui..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }

    @Test
    void viewsHoldNoTrainingLogic() {
        noClasses().that().haveSimpleNameEndingWith("View").and().resideInAPackage("org.edgeofchaos.explorer.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.edgeofchaos.explorer.training..",
                        "org.edgeofchaos.explorer.data..", "org.edgeofchaos.explorer.dynamics..", "org.nd4j..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyTheApplicationClassExtendsApplication() {
        noClasses().that().doNotHaveFullyQualifiedName("org.edgeofchaos.explorer.ui.ExplorerApplication")
                .should().beAssignableTo(javafx.application.Application.class)
                .check(classes);
    }
}
