package capsim.experiments.batch;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A batch's progress on stderr, drawn by the progressbar library (me.tongfei:progressbar): on a
 * terminal, a bar redrawn in place with the jobs done and the ETA; otherwise (a CI log, a
 * redirected stream) the same facts as plain ASCII lines, one at the start, one at most every
 * {@value #PLAIN_INTERVAL_MS} ms while jobs finish, and one at the end. Jobs read back from the store are not
 * counted in the bar, so the ETA reflects the jobs that really run.
 */
public final class ConsoleProgress implements BatchProgress {
    static final int PLAIN_INTERVAL_MS = 10_000;
    private static final int TERMINAL_INTERVAL_MS = 500;

    private final String task;
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;

    private ConsoleProgress(String task, PrintWriter err, boolean terminal) {
        this.task = task;
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress of {@code task} on the console's stderr when there is a console, else as lines on {@code err}. */
    public static BatchProgress of(String task, PrintWriter err) {
        return new ConsoleProgress(task, err, System.console() != null);
    }

    @Override
    public synchronized void start(int total, int stored) {
        if (stored == total) {
            line(task + ": all " + total + " jobs are stored from an earlier run; nothing to simulate");
            return;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task + (stored > 0 ? " (" + stored + " of " + total + " stored)" : ""))
                .setInitialMax(total - stored)
                .setUnit(" jobs", 1);
        if (terminal) {
            builder.setUpdateIntervalMillis(TERMINAL_INTERVAL_MS);
        } else {
            builder.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(PLAIN_INTERVAL_MS)
                    .setConsumer(new DelegatingProgressBarConsumer(this::line, 100));
        }
        bar = builder.build();
    }

    @Override
    public synchronized void finished(Job job) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private void line(String text) {
        synchronized (err) {
            err.println(text.stripTrailing());
            err.flush();
        }
    }
}
