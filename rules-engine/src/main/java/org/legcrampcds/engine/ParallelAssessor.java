package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.legcrampcds.model.PatientCase;

/**
 * Assesses a batch of cases (a list, a stream, an iterator of any length) on several threads with
 * one shared {@link CrampAssessor}, and hands back the outcomes <em>in input order</em>.
 *
 * <pre>{@code
 * ParallelAssessor parallel = ParallelAssessor.of(CrampAssessor.builder().build());
 * List<CaseOutcome> outcomes = parallel.assessAll(cases);
 * parallel.assessInOrder(caseStream, outcome -> write(outcome));   // any length, bounded memory
 * }</pre>
 *
 * <p><b>Bounded memory.</b> At most {@link #window()} cases are in flight at once: read from the
 * input but not yet handed to the consumer. The input is read on the calling thread only as fast
 * as the consumer takes outcomes, so a stream of millions of cases runs in constant memory (the
 * outcomes of {@link #assessAll} are of course all kept, since they are returned).
 *
 * <p><b>Failures stay with their case.</b> A case whose assessment throws becomes a
 * {@link CaseOutcome.Failed} in its place and the others are assessed as usual. An {@link Error}
 * stops the batch and is rethrown, and so is an exception from the input or from the consumer
 * (after the outcomes of the cases already read, for the input).
 *
 * <p>Each call starts its own worker threads (daemon threads, named {@code lcc-assess-*}) and stops
 * them before it returns. The outcomes are handed to the consumer on the calling thread, one at a
 * time, so the consumer need not be thread-safe. Instances are immutable and thread-safe.
 */
public final class ParallelAssessor {

    /** In-flight cases per thread by default: enough that a slow case (a partial record, some ms) rarely idles the others. */
    public static final int DEFAULT_WINDOW_PER_THREAD = 128;

    private final CrampAssessor assessor;
    private final int threads;
    private final int window;

    private ParallelAssessor(CrampAssessor assessor, int threads, int window) {
        this.assessor = assessor;
        this.threads = threads;
        this.window = window;
    }

    /**
     * One thread per available processor and a window of {@value #DEFAULT_WINDOW_PER_THREAD} cases
     * per thread.
     */
    public static ParallelAssessor of(CrampAssessor assessor) {
        Objects.requireNonNull(assessor, "assessor");
        int threads = Runtime.getRuntime().availableProcessors();
        return new ParallelAssessor(assessor, threads, threads * DEFAULT_WINDOW_PER_THREAD);
    }

    /**
     * The same with {@code threads} worker threads; the window becomes
     * {@value #DEFAULT_WINDOW_PER_THREAD} per thread.
     *
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    public ParallelAssessor withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return new ParallelAssessor(assessor, threads, threads * DEFAULT_WINDOW_PER_THREAD);
    }

    /**
     * The same with at most {@code window} cases in flight.
     *
     * @throws IllegalArgumentException when {@code window} is less than 1
     */
    public ParallelAssessor withWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        return new ParallelAssessor(assessor, threads, window);
    }

    /** The number of worker threads of each batch. */
    public int threads() {
        return threads;
    }

    /** The largest number of cases in flight (read but not yet handed on) at any time. */
    public int window() {
        return window;
    }

    /** The assessor every case is assessed with. */
    public CrampAssessor assessor() {
        return assessor;
    }

    /**
     * Assesses every case of the list.
     *
     * @return one outcome per case, in the list's order
     * @throws InterruptedException when the calling thread is interrupted; the batch is then abandoned
     */
    public List<CaseOutcome> assessAll(List<PatientCase> cases) throws InterruptedException {
        List<CaseOutcome> outcomes = new ArrayList<>(cases.size());
        assessInOrder(cases.iterator(), outcomes::add);
        return outcomes;
    }

    /**
     * Assesses the cases of a stream, handing each outcome to {@code each} in the stream's order as
     * soon as it and all before it are done. The stream is read lazily, in bounded memory, and is
     * not closed.
     *
     * @throws InterruptedException when the calling thread is interrupted; the batch is then abandoned
     */
    public void assessInOrder(Stream<PatientCase> cases, Consumer<? super CaseOutcome> each) throws InterruptedException {
        assessInOrder(cases.iterator(), each);
    }

    /**
     * Assesses the cases of an iterator, handing each outcome to {@code each} in input order.
     *
     * @throws InterruptedException when the calling thread is interrupted; the batch is then abandoned
     */
    public void assessInOrder(Iterator<PatientCase> cases, Consumer<? super CaseOutcome> each) throws InterruptedException {
        this.<PatientCase, CaseOutcome>mapInOrder(cases, (a, c) -> new CaseOutcome.Assessed(c, a.assess(c)),
                CaseOutcome.Failed::new, each);
    }

    /**
     * The general form, for a batch whose cases need work before and after assessment (reading and
     * validating a line, writing its result): {@code work} turns one input into its result on a
     * worker thread, given this batch's assessor, and the results reach {@code each} in input order
     * on the calling thread.
     *
     * @param inputs    read lazily on the calling thread, at most {@link #window()} ahead of {@code each}
     * @param work      the work for one input, run on a worker thread; it must be thread-safe
     * @param onFailure the result of an input whose work threw, run on the worker thread
     * @param each      takes the results in input order
     * @throws InterruptedException when the calling thread is interrupted; the batch is then abandoned
     */
    public <T, R> void mapInOrder(Iterator<? extends T> inputs, BiFunction<CrampAssessor, ? super T, ? extends R> work,
                                  BiFunction<? super T, RuntimeException, ? extends R> onFailure, Consumer<? super R> each)
            throws InterruptedException {
        Objects.requireNonNull(work, "work");
        OrderedPipeline.run(inputs, input -> work.apply(assessor, input), onFailure, each, threads, window);
    }
}
