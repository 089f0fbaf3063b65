package org.legcrampcds.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.legcrampcds.engine.BenchmarkAssessors;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of one case goes, as the command line spends it for one JSON result line: JSON
 * parse and validation ({@link CaseReader#read(String, String)} on the case text), rule evaluation
 * and explanation ({@link CrampAssessor#assess}), JSON writing ({@link AssessmentJson#toJson}), and
 * the whole line (all three). One thread, one shared assessor.
 *
 * <p>The case is an example case named by its file name without {@code .json}; another one is
 * chosen with {@code -p caseName=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class CostSplitBenchmark {

    /**
     * By default a typical complete record: a diuretic, three labs in canonical units, eight findings
     * (an investigation, a medicine review and the self-care advice).
     */
    @Param({"INV_ELECTROLYTES.fires"})
    public String caseName;

    /** The built-in rules as {@code precompiled} or {@code run-time} compiled DRL (see BenchmarkAssessors). */
    @Param({"precompiled"})
    public String rules;

    /** The engine's execution strategy; empty means the library's default. */
    @Param({""})
    public String execution;

    private CrampAssessor assessor;
    private String json;
    private PatientCase patientCase;
    private Assessment assessment;

    @Setup(Level.Trial)
    public void setUp() {
        assessor = BenchmarkAssessors.builtIn(rules, execution.isEmpty() ? BenchmarkAssessors.bestExecution() : execution);
        ExampleCases.ExampleCase example = ExampleCases.named(caseName);
        json = example.json();
        patientCase = example.patientCase();
        assessment = assessor.assess(patientCase);
    }

    @Benchmark
    public ReadResult parseAndValidate() {
        return CaseReader.read(json, caseName);
    }

    @Benchmark
    public Assessment assess() {
        return assessor.assess(patientCase);
    }

    /** Rule evaluation alone; {@code assess} minus this is the explanation built from the firings. */
    @Benchmark
    public List<?> fireRules() {
        return BenchmarkAssessors.fireRules(assessor, patientCase);
    }

    @Benchmark
    public String writeJson() {
        return AssessmentJson.toJson(assessment);
    }

    @Benchmark
    public String wholeLine() {
        ReadResult read = CaseReader.read(json, caseName);
        if (read instanceof ReadResult.Accepted accepted) {
            return AssessmentJson.toJson(assessor.assess(accepted.patientCase()));
        }
        throw new IllegalStateException("example case " + caseName + " is invalid");
    }
}
