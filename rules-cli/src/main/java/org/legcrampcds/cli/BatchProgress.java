package org.legcrampcds.cli;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a JSON Lines batch on a terminal: cases done and cases per second, drawn by the
 * progressbar library on its own thread about once a second (counting a case is one atomic add).
 * Off a terminal there is none, so that logs and pipes get no control characters.
 */
interface BatchProgress extends AutoCloseable {

    /** One more case is done. */
    void step();

    /** Removes the bar; the closing summary follows it. */
    @Override
    void close();

    /** A bar on {@code terminal}, or none when it is {@code null}. */
    static BatchProgress on(PrintStream terminal, String taskName) {
        if (terminal == null) {
            return new BatchProgress() {
                @Override
                public void step() {
                    // Not a terminal: nothing to draw.
                }

                @Override
                public void close() {
                    // Nothing drawn.
                }
            };
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(-1) // A stream's length is not known in advance.
                .setUnit(" cases", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .clearDisplayOnFinish()
                .build();
        return new BatchProgress() {
            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
