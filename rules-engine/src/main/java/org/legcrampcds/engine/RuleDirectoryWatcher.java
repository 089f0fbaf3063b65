package org.legcrampcds.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ReloadableAssessor} serving the rules of a directory as they change: once the
 * directory has been quiet for a moment (an editor's save or a copy of many files is one change,
 * not one per file), it is rebuilt and self-tested and swapped in only when both pass; otherwise the
 * rules already served stay, and the log says why. The directory itself may be replaced (moved away
 * and another moved in), so its parent is watched too; its {@code tests/} folder counts as part of
 * it. Reloads run on the watcher's own daemon thread, one at a time.
 *
 * <pre>{@code
 * ReloadableAssessor serving = ReloadableAssessor.serving(CrampAssessor.builder().rulesFrom(dir).build());
 * try (RuleDirectoryWatcher watcher = RuleDirectoryWatcher.watch(dir, serving, fixtures, result -> {})) {
 *     // serving.current() follows the directory
 * }
 * }</pre>
 */
public final class RuleDirectoryWatcher implements AutoCloseable {

    /** How long a directory must stay unchanged before it is rebuilt: one save, one rebuild. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(RuleDirectoryWatcher.class);

    private final Path directory;
    private final Duration quiet;
    private final Runnable onChange;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts watching {@code directory} for {@code target}.
     *
     * @param selfTest what a rebuilt candidate must pass before it serves ({@link SelfTest#none()}: only build)
     * @param listener told of every reload attempt's outcome (for metrics), on the watcher's thread
     * @throws UncheckedIOException when the directory cannot be watched
     */
    public static RuleDirectoryWatcher watch(Path directory, ReloadableAssessor target, SelfTest selfTest,
                                             Consumer<ReloadResult> listener) {
        return watch(directory, DEFAULT_QUIET, target, selfTest, listener);
    }

    /** As {@link #watch(Path, ReloadableAssessor, SelfTest, Consumer)}, with how long the directory must be quiet. */
    public static RuleDirectoryWatcher watch(Path directory, Duration quiet, ReloadableAssessor target, SelfTest selfTest,
                                             Consumer<ReloadResult> listener) {
        return new RuleDirectoryWatcher(directory, quiet, new RuleReloader(directory, target, selfTest, listener));
    }

    RuleDirectoryWatcher(Path directory, Duration quiet, Runnable onChange) {
        this.directory = directory.toAbsolutePath().normalize();
        this.quiet = Objects.requireNonNull(quiet, "quiet");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        try {
            this.watch = FileSystems.getDefault().newWatchService();
            register(this.directory.getParent());
            registerDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + directory, e);
        }
        this.thread = new Thread(this::run, "rule-directory-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path path) throws IOException {
        path.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /** (Re-)registers the directory and its tests folder where they exist: a replaced directory is a new inode. */
    private void registerDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            register(directory);
            Path tests = directory.resolve("tests");
            if (Files.isDirectory(tests)) {
                register(tests);
            }
        }
    }

    private void run() {
        boolean pending = false;
        while (running) {
            try {
                WatchKey key = pending ? watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) : watch.take();
                if (key == null) {
                    pending = false;
                    registerDirectory();
                    changed();
                    continue;
                }
                Path watched = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    boolean inParent = watched.equals(directory.getParent());
                    if (!inParent || directory.getFileName().equals(event.context())
                            || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        pending = true;
                    }
                }
                if (!key.reset() && !watched.equals(directory.getParent())) {
                    pending = true;
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException e) {
                // The directory vanished between the event and the re-registration: the next event retries.
                LOG.warn("rule directory {} cannot be watched just now: {}", directory, e.getClass().getSimpleName());
                pending = true;
            }
        }
    }

    private void changed() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            // A failed reload must never stop the watching.
            LOG.error("reloading the rules of {} failed: {}", directory, e.toString());
        }
    }

    /** Stops watching; a reload under way finishes on its own thread. */
    @Override
    public void close() {
        running = false;
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the rule watcher: {}", e.toString());
        }
        thread.interrupt();
    }
}
