package org.fentanylkg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers as the build enforces them, on the product's classes (this module sees all of them: core, store,
 * server, cli). Maven already refuses a cycle between modules; these rules refuse what Maven cannot see: a cycle
 * between packages inside a module, and a package that reaches past its layer.
 */
class ArchitectureTest {
    private static final java.util.regex.Pattern TEST_JAR = java.util.regex.Pattern.compile(".*-tests\\.jar.*");
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        // Tests of every module are on this class path too (as test-classes and as -tests.jar): not product.
        ImportOption productOnly = location -> !location.contains("/test-classes/") && !location.matches(TEST_JAR);
        product = new ClassFileImporter().withImportOption(productOnly).importPackages("org.fentanylkg");
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("org.fentanylkg.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void coreKnowsNoStoreServerOrCommandLine() {
        noClasses().that().resideInAnyPackage("org.fentanylkg.source..", "org.fentanylkg.rdf..", "org.fentanylkg.validation..",
                        "org.fentanylkg.inference..", "org.fentanylkg.queries..", "org.fentanylkg.explain..", "org.fentanylkg.vocab..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fentanylkg.dataset..", "org.fentanylkg.store..",
                        "org.fentanylkg.search..", "org.fentanylkg.http..", "org.fentanylkg.cli..", "org.fentanylkg.bench..")
                .check(product);
    }

    @Test
    void storeKnowsNoServerOrCommandLine() {
        noClasses().that().resideInAnyPackage("org.fentanylkg.dataset..", "org.fentanylkg.store..", "org.fentanylkg.search..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fentanylkg.http..", "org.fentanylkg.cli..", "org.fentanylkg.bench..")
                .check(product);
    }

    @Test
    void serverKnowsNoCommandLine() {
        noClasses().that().resideInAPackage("org.fentanylkg.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fentanylkg.cli..", "org.fentanylkg.bench..")
                .check(product);
    }

    @Test
    void theProductCarriesNoBenchmark() {
        noClasses().should().resideInAPackage("org.fentanylkg.bench..").check(product);
    }
}
