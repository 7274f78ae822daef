package org.edgeofchaos.explorer.phase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PhaseArchitectureTest {

    @Test
    void thePhaseCoreDoesNotDependOnAnyUiToolkit() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.edgeofchaos.explorer.phase");
            noClasses().should().dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.controlsfx..",
                            "org.edgeofchaos.explorer.ui..")
                    .check(classes);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
