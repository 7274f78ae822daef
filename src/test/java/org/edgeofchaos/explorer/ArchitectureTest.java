package org.edgeofchaos.explorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the code base: the core knows nothing of JavaFX or the window; views only show view models; a run
 * reaches the window through one model.
 */
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

    /** Core classes a view may read: immutable values (records, enums), never services, files or workers. */
    private static final DescribedPredicate<JavaClass> CORE_SERVICES = new DescribedPredicate<>(
            "core classes that are not records or enums") {
        @Override
        public boolean test(JavaClass c) {
            boolean core = c.getPackageName().startsWith("org.edgeofchaos.explorer.")
                    && !c.getPackageName().startsWith("org.edgeofchaos.explorer.ui")
                    && !c.getPackageName().startsWith("org.edgeofchaos.explorer.cli");
            return core && !c.isRecord() && !c.isEnum() && !c.getEnclosingClass().map(JavaClass::isRecord)
                    .orElse(false) && !c.getSimpleName().endsWith("Exception");
        }
    };

    @Test
    void viewsNeverTouchTheCoreDirectly() {
        noClasses().that().resideInAPackage("org.edgeofchaos.explorer.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat(CORE_SERVICES)
                .because("views show what their view model holds; only view models and features call the core")
                .check(classes);
    }

    @Test
    void onlyTheLiveRunModelIsFedByARunSession() {
        noClasses().that().resideInAPackage("org.edgeofchaos.explorer.ui..")
                .and().doNotHaveFullyQualifiedName("org.edgeofchaos.explorer.ui.live.LiveRunModel")
                .and().doNotHaveFullyQualifiedName("org.edgeofchaos.explorer.ui.live.LiveRunModel$Apply")
                .and().doNotHaveFullyQualifiedName("org.edgeofchaos.explorer.ui.live.LiveRunModel$Queued")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.edgeofchaos.explorer.experiment.RunEvent")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.edgeofchaos.explorer.experiment.RunEvent$Handler")
                .because("the live-run model is the only object workers write to; every other view model "
                        + "observes it")
                .check(classes);
    }

    @Test
    void workersReachTheFxThreadOnlyThroughTheTaskExecutorOrTheLiveRunModel() {
        noClasses().that().resideInAPackage("org.edgeofchaos.explorer.ui..")
                .and().resideOutsideOfPackage("org.edgeofchaos.explorer.ui.common..")
                .and().doNotHaveFullyQualifiedName("org.edgeofchaos.explorer.ui.export.ChartRenderer")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("one way to hand work to the FX thread: TaskExecutor callbacks (and the live model's "
                        + "pulse); ChartRenderer renders for the command line, where there is no executor")
                .check(classes);
    }

    @Test
    void coreSettingsAreNamedByFieldNotByCommandLineFlag() {
        noClasses().that().resideOutsideOfPackage("org.edgeofchaos.explorer.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the command line maps the core's field names to its flags, not the other way round")
                .check(classes);
    }

    @Test
    void onlyTheApplicationClassExtendsApplication() {
        noClasses().that().doNotHaveFullyQualifiedName("org.edgeofchaos.explorer.ui.ExplorerApplication")
                .should().beAssignableTo(javafx.application.Application.class)
                .check(classes);
    }
}
