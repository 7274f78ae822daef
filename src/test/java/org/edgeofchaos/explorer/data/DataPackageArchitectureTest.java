package org.edgeofchaos.explorer.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data package is shared by the command line and the window, so it must not pull in JavaFX. */
class DataPackageArchitectureTest {
    @Test
    void dataPackageDoesNotDependOnJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.edgeofchaos.explorer.data");
        noClasses().that().resideInAPackage("org.edgeofchaos.explorer.data..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }
}
