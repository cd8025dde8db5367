package capsim.models.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A rate read from a CSV trace of {@code time_s,rate_per_s} rows (a header line may come
 * before the first row; blank lines and # comments are skipped), piecewise constant from each
 * row's time to the next; before the first row the rate is the first row's, after the last row
 * the last row's.
 */
public final class TraceRate implements RateFunction {
    private final double[] timesS;
    private final double[] rates;
    private final double max;

    public TraceRate(double[] timesS, double[] rates) {
        if (timesS.length == 0 || timesS.length != rates.length) {
            throw new IllegalArgumentException("a trace needs at least one row");
        }
        this.timesS = timesS.clone();
        this.rates = rates.clone();
        double m = 0;
        for (int i = 0; i < rates.length; i++) {
            if (!(rates[i] >= 0) || (i > 0 && !(timesS[i] > timesS[i - 1]))) {
                throw new IllegalArgumentException("trace row " + (i + 1) + ": times must increase and rates be >= 0");
            }
            m = Math.max(m, rates[i]);
        }
        this.max = m;
    }

    /** Reads a trace file; errors name the file and line. */
    public static TraceRate read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean mayBeHeader = first;
            first = false;
            String[] cells = line.split("\\s*,\\s*");
            try {
                if (cells.length < 2) {
                    throw new NumberFormatException("expected time_s,rate_per_s");
                }
                rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])});
            } catch (NumberFormatException e) {
                if (mayBeHeader) {
                    continue; // header: the first line that is neither blank nor a comment
                }
                throw new IOException(file + ":" + (i + 1) + ": not a 'time_s,rate_per_s' row: " + line);
            }
        }
        double[] t = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] r = rows.stream().mapToDouble(r2 -> r2[1]).toArray();
        try {
            return new TraceRate(t, r);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    @Override
    public double ratePerS(double tS) {
        int lo = 0;
        int hi = timesS.length - 1;
        if (tS < timesS[0]) {
            return rates[0];
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (timesS[mid] <= tS) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return rates[lo];
    }

    @Override
    public double maxPerS() {
        return max;
    }
}
