package org.legcrampcds.cdshooks;

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rule directory and calls back once the changes have settled: an editor's save or a
 * copy of many files is one change, not one per file. The directory itself may be replaced (moved
 * away and another moved in), so its parent is watched too; its {@code tests/} folder counts as
 * part of it. The callback runs on the watcher's own daemon thread, one at a time.
 */
final class RuleDirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleDirectoryWatcher.class);

    private final Path directory;
    private final Duration quiet;
    private final Runnable onChange;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean running = true;

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
