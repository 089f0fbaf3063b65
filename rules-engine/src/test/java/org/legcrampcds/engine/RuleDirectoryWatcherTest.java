package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher calls back once per settled change, also when the directory itself is replaced. */
@SuppressWarnings("try") // each watcher works while its block writes files; the block only has to close it
class RuleDirectoryWatcherTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path root;

    @Test
    void aBurstOfWrites_isOneChange() throws Exception {
        Path rules = Files.createDirectories(root.resolve("rules"));
        AtomicInteger calls = new AtomicInteger();
        Semaphore changed = new Semaphore(0);
        try (RuleDirectoryWatcher watcher = new RuleDirectoryWatcher(rules, QUIET, () -> {
            calls.incrementAndGet();
            changed.release();
        })) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(rules.resolve("r" + i + ".drl"), "rule " + i);
            }
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(QUIET.toMillis() * 3);
            assertThat(calls.get()).isEqualTo(1);
        }
    }

    @Test
    void aReplacedDirectory_isAChange_andStaysWatched() throws Exception {
        Path rules = Files.createDirectories(root.resolve("rules"));
        Semaphore changed = new Semaphore(0);
        try (RuleDirectoryWatcher watcher = new RuleDirectoryWatcher(rules, QUIET, changed::release)) {
            Path next = Files.createDirectories(root.resolve("rules-next"));
            Files.writeString(next.resolve("a.drl"), "new");
            Files.move(rules, root.resolve("rules-old"));
            Files.move(next, rules, StandardCopyOption.ATOMIC_MOVE);
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).as("the swap").isTrue();
            changed.drainPermits();

            Files.writeString(rules.resolve("a.drl"), "newer");
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).as("an edit in the new directory").isTrue();
        }
    }

    @Test
    void aChangedFixture_isAChange() throws Exception {
        Path rules = Files.createDirectories(root.resolve("rules"));
        Path tests = Files.createDirectories(rules.resolve("tests"));
        Files.writeString(tests.resolve("case.json"), "{}");
        Semaphore changed = new Semaphore(0);
        try (RuleDirectoryWatcher watcher = new RuleDirectoryWatcher(rules, QUIET, changed::release)) {
            Files.writeString(tests.resolve("case.json"), "{\"id\": \"x\"}");
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
