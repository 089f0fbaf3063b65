package org.legcrampcds.engine;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An ordered, bounded parallel map: each input is turned into its result on a pool of worker
 * threads, and the results are handed to the sink in input order on the calling thread.
 *
 * <p>Memory stays bounded whatever the input's length: at most {@code window} inputs are in flight
 * (taken from the iterator but not yet handed to the sink, whether waiting, running or done). The
 * calling thread takes the next input only when the oldest result has been handed on, so a slow sink
 * slows the reading of the input (back-pressure) instead of filling a queue. The pool's queue is an
 * {@link ArrayBlockingQueue} of {@code window} places, so no queue can grow past the window either.
 *
 * <p>A {@link RuntimeException} thrown by the work for one input becomes that input's result
 * through {@code onFailure}, so that it never stops the others. An {@link Error} (the JVM itself in
 * trouble) stops the run and is rethrown. An exception from the input iterator stops the reading:
 * the results of the inputs already taken are still handed on, in order, and then it is rethrown.
 * An exception from the sink stops the run at once and is rethrown.
 */
final class OrderedPipeline {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private OrderedPipeline() {
    }

    static <T, R> void run(Iterator<? extends T> inputs, Function<? super T, ? extends R> work,
                           BiFunction<? super T, RuntimeException, ? extends R> onFailure, Consumer<? super R> sink,
                           int threads, int window) throws InterruptedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(sink, "sink");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(window), workers());
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>(window);
        try {
            RuntimeException inputFailure = null;
            boolean more = true;
            while (true) {
                while (more && inFlight.size() < window) {
                    T input;
                    try {
                        more = inputs.hasNext();
                        if (!more) {
                            break;
                        }
                        input = inputs.next();
                    } catch (RuntimeException e) {
                        inputFailure = e;
                        more = false;
                        break;
                    }
                    inFlight.add(pool.submit(() -> apply(work, onFailure, input)));
                }
                Future<R> oldest = inFlight.poll();
                if (oldest == null) {
                    break;
                }
                sink.accept(resultOf(oldest));
            }
            if (inputFailure != null) {
                throw inputFailure;
            }
        } finally {
            // Normally every task is done by now; after a failure this stops the ones still running.
            pool.shutdownNow();
        }
    }

    private static <T, R> R apply(Function<? super T, ? extends R> work,
                                  BiFunction<? super T, RuntimeException, ? extends R> onFailure, T input) {
        try {
            return work.apply(input);
        } catch (RuntimeException e) {
            return onFailure.apply(input, e);
        }
    }

    private static <R> R resultOf(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Only an Error, or an exception thrown by onFailure itself, gets here.
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Daemon threads, so that a batch abandoned by an exception never keeps the JVM alive. */
    private static ThreadFactory workers() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "lcc-assess-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
