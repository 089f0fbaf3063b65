package org.legcrampcds.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.KieRepository;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleSource;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.json.TestCases;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

/**
 * Guards against an assessor running rules other than the ones it was built from. Drools installs
 * every module it builds in one JVM-wide {@link KieRepository}, under a release id; an assessor
 * that then fetches "its" module back from that repository by the default release id gets whichever
 * module was installed there last: that of another assessor built at the same moment (for example
 * a {@code --rules} working copy checked while the production rule base is built), or that of any
 * other Drools user in the JVM. Its {@code rulesetVersion} is computed from its own files, so the
 * result would name one rule base and come from another, silently.
 *
 * <p>Seen with the public API alone: building {@code CrampAssessor.builder().build()} and
 * {@code CrampAssessor.builder().rulesFrom(changedCopy).build()} on two threads at once, five
 * times, once gave a {@code --rules} assessor that ran the built-in rules. To fail every time
 * rather than now and then, the test installs a foreign module (the built-in rules with the
 * low-potassium threshold changed from 3.5 to 2.6 mmol/L) under the default release id over and
 * over while the built-in rule base is built: the built assessor must still find the contract
 * example's potassium of 3.2 mmol/L low. Fixed by giving every build a release id of its own and
 * taking its module out of the repository once its KieBase exists.
 */
class RuleBaseIsolationTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anAssessorKeepsItsOwnRules_whileAnotherRuleBaseIsInstalledInTheJvm() throws Exception {
        PatientCase example = CaseReader.readCase(TestCases.EXAMPLE, null);
        copyRulesWithPotassiumThreshold("2.6");
        CrampAssessor changed = CrampAssessor.builder().rulesFrom(dir).build();
        assertThat(changed.assess(example).codes()).as("the change bites").doesNotContain("CAUSE_HYPOKALAEMIA");
        // Another Drools user of the JVM: the changed rules built under the default release id.
        KieServices services = KieServices.get();
        KieRepository repository = services.getRepository();
        org.kie.api.builder.KieFileSystem files = services.newKieFileSystem();
        try (Stream<Path> drl = Files.list(dir)) {
            for (Path file : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
                files.write("src/main/resources/org/legcrampcds/rules/" + file.getFileName(), Files.readString(file));
            }
        }
        KieModule foreign = services.newKieBuilder(files).buildAll().getKieModule();
        assertThat(foreign.getReleaseId()).isEqualTo(repository.getDefaultReleaseId());

        AtomicBoolean building = new AtomicBoolean(true);
        ExecutorService other = Executors.newSingleThreadExecutor();
        CrampAssessor builtIn;
        try {
            Future<?> installs = other.submit(() -> {
                while (building.get()) {
                    repository.addKieModule(foreign);
                    Thread.yield();
                }
            });
            try {
                builtIn = CrampAssessor.builder().build();
            } finally {
                building.set(false);
            }
            installs.get(1, TimeUnit.MINUTES);
        } finally {
            other.shutdownNow();
        }

        Assessment result = builtIn.assess(example);
        assertThat(result.codes()).as("the built-in rules find potassium 3.2 mmol/L low").contains("CAUSE_HYPOKALAEMIA");
        assertThat(result).isEqualTo(Engines.builtIn().assess(example));
    }

    private void copyRulesWithPotassiumThreshold(String threshold) throws IOException {
        RuleSource.builtIn().writeTo(dir);
        Path thresholds = dir.resolve("thresholds.csv");
        String row = "K_LOW,POTASSIUM,<,3.5,mmol/L,";
        String text = Files.readString(thresholds);
        assertThat(text).contains(row);
        Files.writeString(thresholds, text.replace(row, "K_LOW,POTASSIUM,<," + threshold + ",mmol/L,"));
    }
}
