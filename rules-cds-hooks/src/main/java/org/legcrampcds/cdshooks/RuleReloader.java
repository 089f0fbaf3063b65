package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.engine.ReloadResult;
import org.legcrampcds.engine.ReloadableAssessor;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleProblem;
import org.legcrampcds.engine.RuleSource;
import org.legcrampcds.engine.SelfTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a changed rule directory and swaps it in only when it builds and passes its self-test
 * (the engine's {@link ReloadableAssessor#reload}); otherwise the rules already served stay. The
 * self-test is the directory's {@code tests/} folder of fixture cases (each with an {@code expect}
 * block, as {@code check} reads them) when it has one; without, the candidate must only build,
 * since the service cannot know what a rule author's rules are meant to say.
 */
final class RuleReloader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    private final Path directory;
    private final ReloadableAssessor target;

    RuleReloader(Path directory, ReloadableAssessor target) {
        this.directory = directory;
        this.target = target;
    }

    @Override
    public void run() {
        RuleSource candidate;
        try {
            candidate = RuleSource.directory(directory);
        } catch (RuleBaseException e) {
            LOG.warn("rules of {} not read, still serving {}: {}", directory, target.current().rulesetVersion(), e.getMessage());
            return;
        }
        SelfTest selfTest;
        try {
            selfTest = selfTest();
        } catch (RuntimeException e) {
            LOG.warn("rules of {} not swapped in: the fixtures cannot be read ({}); still serving {}", directory,
                    e.getMessage(), target.current().rulesetVersion());
            return;
        }
        ReloadResult result = target.reload(candidate, selfTest);
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

    /**
     * The fixtures of {@code tests/}, read anew for each candidate, or "must build" when there is no
     * such folder. An empty {@code tests/} folder fails the self-test: its author meant to test.
     */
    SelfTest selfTest() {
        Path tests = directory.resolve("tests");
        if (!Files.isDirectory(tests)) {
            return candidate -> List.of();
        }
        try {
            return FixtureCheck.of(List.of(tests));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixtures of " + tests, e);
        }
    }
}
