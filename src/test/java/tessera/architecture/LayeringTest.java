package tessera.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core is headless: the GUI and the command line are two thin faces over it, so the core never
 * reaches up to them nor into JavaFX, and DJL stays in the packages that run networks.
 * (Plain Jupiter tests rather than @ArchTest fields, which surefire's -Dtest filter does not select.)
 */
class LayeringTest {

    static final String[] CORE = {
            "tessera.data..", "tessera.model..", "tessera.fusion..", "tessera.distill..", "tessera.inspect..",
            "tessera.imaging..", "tessera.synth..", "tessera.experiment..", "tessera.ensemble..", "tessera.train..",
            "tessera.evaluate..", "tessera.report..", "tessera.study..", "tessera.util.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("tessera");
    }

    @Test
    void theCoreNeverUsesJavaFx() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the core runs headless, in tests, the command line and batch jobs")
                .check(classes);
    }

    @Test
    void theCoreNeverUsesTheWorkstationOrTheCommandLine() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("tessera.app..", "tessera.cli..")
                .because("the workstation and the command line are faces over the core, not parts of it")
                .check(classes);
    }

    @Test
    void dataFusionRunStoreAndImagesNeverUseDjl() {
        noClasses().that().resideInAnyPackage("tessera.data..", "tessera.fusion..", "tessera.experiment..",
                        "tessera.imaging..", "tessera.synth..", "tessera.report..", "tessera.util..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("data sets, fusion rules, the run store and images are plain Java, testable without an engine")
                .check(classes);
    }

    @Test
    void theRulesSeeTheCore() {
        // a rule over no classes would pass vacuously: make sure the import found the core packages
        noClasses().that().resideInAnyPackage("tessera.data..").should().dependOnClassesThat()
                .resideInAnyPackage("tessera.nothing..").allowEmptyShould(false).check(classes);
    }
}
