package io.threatflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * The package rules of STYLE.md, checked on the compiled application (bytecode, so a {@code var} or a
 * fully qualified name counts as much as an import).
 */
@AnalyzeClasses(packages = "io.threatflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyEngineKnowsCamundaInternals = noClasses()
            .that().resideOutsideOfPackage("io.threatflow.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
            .because("engine/ is the one room that knows Camunda's internals; a move to another Camunda 7 "
                    + "distribution then touches it alone");

    @ArchTest
    static final ArchRule engineKnowsNoFeature = noClasses()
            .that().resideInAPackage("io.threatflow.engine..")
            .should().dependOnClassesThat(resideInAPackage("io.threatflow..")
                    .and(not(resideInAPackage("io.threatflow.engine.."))))
            .because("the features build on the engine wiring, not the other way round");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("io.threatflow.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule casesAreReachedThroughTheirFrontDoor = noClasses()
            .that().resideInAnyPackage("io.threatflow.intake..", "io.threatflow.casefile..", "io.threatflow.cockpit..")
            .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class, HistoryService.class,
                    ManagementService.class)
            .because("HTTP, intake and Cockpit code opens and reads cases through remediation.RemediationCases");
}
