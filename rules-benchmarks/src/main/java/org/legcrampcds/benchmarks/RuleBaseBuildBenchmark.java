package org.legcrampcds.benchmarks;

import java.util.concurrent.TimeUnit;

import org.legcrampcds.engine.CrampAssessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to compile and check the built-in rule base: one {@code CrampAssessor.builder().build()}
 * per operation, single shot. With no warm-up iterations each fork's first build is what a fresh
 * process pays ({@code -wi 0 -i 1 -f N}); with warm-up iterations it is a build in a warmed JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class RuleBaseBuildBenchmark {

    @Benchmark
    public CrampAssessor build() {
        return CrampAssessor.builder().build();
    }
}
