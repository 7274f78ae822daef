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
    /** Everything but the window, the command line (which renders charts through the window's code) and Main. */
    private static final String UI = "org.edgeofchaos.explorer.ui..";
    private static final String CLI = "org.edgeofchaos.explorer.cli..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.edgeofchaos.explorer");
    }

    @Test
    void corePackagesDoNotDependOnAnyUiToolkitOrTheUi() {
        ArchRule rule = noClasses().that().resideInAPackage("org.edgeofchaos.explorer..")
                .and().resideOutsideOfPackages(UI, CLI)
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "java.awt..",
                        "javax.swing..", "..ui..")
                .because("the core must run from the command line and from tests without a display");
        rule.check(classes);
    }

    @Test
    void uiClassesDoNotWriteToStandardOutOrErr() {
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
