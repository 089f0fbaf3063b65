package org.legcrampcds.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, held by the code itself: dependencies point model, then engine and json beside
 * each other, then fhir (which reads case JSON too: {@code CaseInputs}, the one reader of every
 * input format), then authoring (engine and the inputs), then the application; no Drools type in the engine's public API; no logging
 * binding in a library module.
 */
class ArchitectureTest {

    private static JavaClasses library;

    @BeforeAll
    static void importTheLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.legcrampcds");
        // A rule over no classes holds vacuously: make sure every module was imported.
        org.assertj.core.api.Assertions.assertThat(library.contain(org.legcrampcds.engine.CrampAssessor.class)
                && library.contain(org.legcrampcds.model.PatientCase.class)
                && library.contain(org.legcrampcds.json.CaseReader.class)
                && library.contain(org.legcrampcds.fhir.FhirCaseMapper.class)
                && library.contain(org.legcrampcds.cdshooks.CdsHooksService.class)
                && library.contain(org.legcrampcds.authoring.FixtureCheck.class)).isTrue();
    }

    @Test
    void theModelDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.legcrampcds.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.legcrampcds.model..", "java..",
                        "org.jspecify.annotations..")
                .check(library);
    }

    @Test
    void theFormatsAndTheEngineDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.legcrampcds.json..")
                .should().dependOnClassesThat().resideInAnyPackage("org.legcrampcds.engine..", "org.legcrampcds.fhir..",
                        "org.legcrampcds.authoring..",
                        "org.legcrampcds.rules..", "org.kie..", "org.drools..")
                .check(library);
        noClasses().that().resideInAPackage("org.legcrampcds.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("org.legcrampcds.engine..",
                        "org.legcrampcds.rules..", "org.kie..", "org.drools..")
                .check(library);
        noClasses().that().resideInAnyPackage("org.legcrampcds.engine..", "org.legcrampcds.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.legcrampcds.json..", "org.legcrampcds.fhir..",
                        "org.legcrampcds.examples..", "com.fasterxml..", "ca.uhn..")
                .check(library);
    }

    @Test
    void onlyTheApplicationDependsOnTheCdsHooksService() {
        noClasses().that().resideInAnyPackage("org.legcrampcds.model..", "org.legcrampcds.engine..", "org.legcrampcds.rules..",
                        "org.legcrampcds.json..", "org.legcrampcds.fhir..", "org.legcrampcds.authoring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.legcrampcds.cdshooks..", "io.javalin..",
                        "org.eclipse.jetty..", "com.nimbusds..")
                .check(library);
    }

    @Test
    void theCdsHooksServiceUsesTheEngineThroughItsApiOnly() {
        noClasses().that().resideInAPackage("org.legcrampcds.cdshooks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "org.legcrampcds.rules..",
                        "org.legcrampcds.examples..")
                .check(library);
    }

    @Test
    void authoringToolsBuildOnTheEngineAndTheInputs_only() {
        noClasses().that().resideInAPackage("org.legcrampcds.authoring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.legcrampcds.examples..", "org.legcrampcds.cdshooks..",
                        "org.kie..", "org.drools..", "ca.uhn..", "org.hl7..")
                .check(library);
        noClasses().that().resideInAnyPackage("org.legcrampcds.model..", "org.legcrampcds.engine..", "org.legcrampcds.json..",
                        "org.legcrampcds.fhir..")
                .should().dependOnClassesThat().resideInAPackage("org.legcrampcds.authoring..")
                .check(library);
    }

    @Test
    void noLibraryModuleBindsLogging() {
        noClasses().that().resideOutsideOfPackage("org.legcrampcds.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.apache.logging.log4j.core..")
                .check(library);
    }

    @Test
    void theEnginesPublicApiShowsNoDroolsType() {
        assertNoDroolsTypeInPublicApi("org.legcrampcds.engine");
    }

    @Test
    void theCdsHooksServicesPublicApiShowsNoDroolsType() {
        assertNoDroolsTypeInPublicApi("org.legcrampcds.cdshooks");
    }

    private static void assertNoDroolsTypeInPublicApi(String packageName) {
        java.util.List<String> leaks = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : library) {
            if (!type.getPackageName().equals(packageName) || !type.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            type.getAllRawSuperclasses().forEach(s -> check(type.getName() + " extends", s, leaks));
            type.getAllRawInterfaces().forEach(i -> check(type.getName() + " implements", i, leaks));
            for (com.tngtech.archunit.core.domain.JavaCodeUnit unit : type.getCodeUnits()) {
                if (unit.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    check(unit.getFullName(), unit.getRawReturnType(), leaks);
                    unit.getRawParameterTypes().forEach(p -> check(unit.getFullName(), p, leaks));
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(leaks).as("public " + packageName + " API naming Drools types").isEmpty();
    }

    private static void check(String where, com.tngtech.archunit.core.domain.JavaClass type, java.util.List<String> leaks) {
        if (type.getPackageName().startsWith("org.kie") || type.getPackageName().startsWith("org.drools")) {
            leaks.add(where + ": " + type.getName());
        }
    }
}
