package org.legcrampcds.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a changed rule directory and swaps it in only when it builds and passes the self-test it
 * was given ({@link ReloadableAssessor#reload}); otherwise the rules already served stay, and the
 * log says why. What the self-test is belongs to the application: the command line hands in the
 * fixture cases of the directory's {@code tests/} folder, as {@code check} reads them.
 */
final class RuleReloader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    private final Path directory;
    private final ReloadableAssessor target;
    private final SelfTest selfTest;
    private final Consumer<ReloadResult> listener;

    RuleReloader(Path directory, ReloadableAssessor target, SelfTest selfTest, Consumer<ReloadResult> listener) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.target = Objects.requireNonNull(target, "target");
        this.selfTest = Objects.requireNonNull(selfTest, "selfTest");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void run() {
        RuleSource candidate;
        try {
            candidate = RuleSource.directory(directory);
        } catch (RuleBaseException e) {
            String serving = target.current().rulesetVersion();
            LOG.warn("rules of {} not read, still serving {}: {}", directory, serving, e.getMessage());
            listener.accept(new ReloadResult(false, serving, e.problems(), List.of()));
            return;
        }
        ReloadResult result = target.reload(candidate, selfTest);
        listener.accept(result);
        if (result.swapped()) {
            LOG.info("rules of {} rebuilt and self-tested: now serving {}", directory, result.servingVersion());
            return;
        }
        LOG.warn("rules of {} not swapped in ({} problem(s), {} self-test failure(s)): still serving {}", directory,
                result.problems().size(), result.selfTestFailures().size(), result.servingVersion());
        for (RuleProblem problem : result.problems()) {
            LOG.warn("  {}", problem);
        }
        // A failure names a fixture case and a code; fixtures are made-up test cases, not patients.
        result.selfTestFailures().forEach(f -> LOG.warn("  {}", f));
    }
}
