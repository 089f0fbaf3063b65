package org.legcrampcds.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.SelfTest;
import org.legcrampcds.fhir.CaseInputs;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;

/**
 * The regression gate of a rule base: runs fixture cases (case files with an {@code expect} block,
 * see {@link Expectation}) and reports every difference. The engine of the {@code check} command,
 * and a {@link SelfTest} for a safe reload: a candidate that fails any fixture never serves.
 *
 * <pre>{@code
 * CheckResult result = FixtureCheck.of(List.of(Path.of("my-rules/tests"))).run(assessor);
 * }</pre>
 */
public final class FixtureCheck implements SelfTest {

    private final List<Fixture> fixtures;

    private FixtureCheck(List<Fixture> fixtures) {
        this.fixtures = List.copyOf(fixtures);
    }

    /**
     * Reads the fixtures with the library's input reader ({@link CaseInputs}, FHIR at today's date):
     * each path a case file, a {@code *.jsonl} file, or a directory whose {@code *.json} files are
     * read in name order (not recursively).
     *
     * @throws IOException when a path cannot be read
     */
    public static FixtureCheck of(List<Path> paths) throws IOException {
        CaseInputs inputs = CaseInputs.at(LocalDate.now(ZoneOffset.UTC));
        List<Fixture> fixtures = new ArrayList<>();
        for (Path path : paths) {
            try (CaseInputs.Cases cases = inputs.open(path)) {
                cases.forEachRemaining(pending -> fixtures.add(Fixture.of(pending.read())));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return new FixtureCheck(fixtures);
    }

    /** The {@code *.json} files of a path: itself, or a directory's, by name. */
    public static List<Path> files(Path path) throws IOException {
        return Files.isDirectory(path) ? CaseInputs.caseFiles(path) : List.of(path);
    }

    public List<Fixture> fixtures() {
        return fixtures;
    }

    /** Runs every fixture with an expectation on {@code assessor}. */
    public CheckResult run(CrampAssessor assessor) {
        List<Mismatch> mismatches = new ArrayList<>();
        List<String> withoutExpectation = new ArrayList<>();
        int checked = 0;
        for (Fixture fixture : fixtures) {
            if (!fixture.hasExpectation()) {
                withoutExpectation.add(fixture.name());
                continue;
            }
            checked++;
            Expectation expectation = fixture.expectation();
            if (fixture.read() instanceof ReadResult.Accepted accepted) {
                Assessment result = assessor.assess(accepted.patientCase());
                mismatches.addAll(expectation.compare(fixture.name(), result));
            } else {
                mismatches.addAll(expectation.compareRejected(fixture.name(), fixture.read().errors()));
            }
        }
        return new CheckResult(assessor.rulesetVersion(), checked, withoutExpectation, mismatches);
    }

    /** As a self-test: every mismatch, and a failure when there is no fixture to check at all. */
    @Override
    public List<String> failures(CrampAssessor candidate) {
        CheckResult result = run(candidate);
        if (result.checked() == 0) {
            return List.of("no fixture with an expect block: a self-test that checks nothing cannot pass");
        }
        return result.mismatches().stream().map(Mismatch::toString).toList();
    }

    /**
     * The outcome of a check.
     *
     * @param rulesetVersion     the rule base checked
     * @param checked            fixtures with an expectation that were run
     * @param withoutExpectation files that have no {@code expect} block, by name
     * @param mismatches         every difference, in fixture order
     */
    public record CheckResult(String rulesetVersion, int checked, List<String> withoutExpectation, List<Mismatch> mismatches) {

        public CheckResult {
            withoutExpectation = List.copyOf(withoutExpectation);
            mismatches = List.copyOf(mismatches);
        }

        /** Fixtures that matched exactly. */
        public int matched() {
            return checked - (int) mismatches.stream().map(Mismatch::fixture).distinct().count();
        }

        public boolean passed() {
            return checked > 0 && mismatches.isEmpty();
        }
    }
}
