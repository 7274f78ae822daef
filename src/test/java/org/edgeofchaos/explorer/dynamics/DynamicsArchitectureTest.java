package org.edgeofchaos.explorer.dynamics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DynamicsArchitectureTest {

    @Test
    void dynamicsDoesNotDependOnTheUi() {
        // Dependency names are in the package's own class files; resolving ND4J's classes from the class
        // path would only cost seconds.
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.edgeofchaos.explorer.dynamics");
            noClasses().should().dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "org.controlsfx..")
                    .check(classes);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
