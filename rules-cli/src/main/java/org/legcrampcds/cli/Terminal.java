package org.legcrampcds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the command line knows of where it runs: whether a person reads its results as they come
 * (then each case is flushed, and JSON Lines from the keyboard is answered line by line), and where
 * a progress bar may be drawn (standard error when it is a terminal, else nowhere).
 *
 * @param interactive the results are read as they come: standard input and output are a terminal
 * @param progress    where to draw a progress bar, or {@code null} for none
 */
record Terminal(boolean interactive, PrintStream progress) {

    /** Embedded runs and tests: no person watching, no progress bar. */
    static final Terminal NONE = new Terminal(false, null);

    /** The terminal of this process. */
    static Terminal detect() {
        return new Terminal(System.console() != null, standardErrorIsATerminal() ? System.err : null);
    }

    /**
     * Java 17 can tell whether standard input and output are a terminal ({@link System#console()})
     * but not standard error, and {@code assess big.jsonl > results.jsonl} is the run that wants a
     * progress bar. On Linux the link of file descriptor 2 names its device; elsewhere the console
     * decides.
     */
    private static boolean standardErrorIsATerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            try {
                String device = Files.readSymbolicLink(fd2).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
