package org.legcrampcds.benchmarks;

import java.util.concurrent.TimeUnit;

import org.legcrampcds.engine.BenchmarkAssessors;
import org.legcrampcds.engine.CrampAssessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to build the built-in rule base and an assessor on it, single shot: loading the
 * precompiled executable model, or compiling and checking the DRL. With no warm-up iterations each fork's first build is what a fresh
 * process pays ({@code -wi 0 -i 1 -f N}); with warm-up iterations it is a build in a warmed JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class RuleBaseBuildBenchmark {

    /**
     * {@code precompiled}: load the executable model the build made, as {@code RuleBase.builtIn()}
     * does; {@code run-time}: compile and check the same DRL now, as a rules directory is.
     */
    @Param({"precompiled", "run-time"})
    public String rules;

    @Benchmark
    public CrampAssessor build() {
        return BenchmarkAssessors.builtIn(rules, BenchmarkAssessors.bestExecution());
    }
}
