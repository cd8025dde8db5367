package capsim.experiments.report;

import capsim.experiments.result.TimeSeries;
import capsim.experiments.result.Columns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * timeseries.csv and scenarios.csv: one row per (replication, window) with every column of the
 * {@link TimeSeries}; scenarios.csv and uptime_windows.csv start each row with the failure
 * scenario's name ({@code normal} for the main run's uptime windows). An empty
 * cell is a value that does not apply (a tier with no node in the window). The README documents
 * every column.
 */
public final class TimeSeriesCsv {
    /** The measured run's windows. */
    public static final String FILE = "timeseries.csv";
    /** The failure scenarios' windows. */
    public static final String SCENARIOS_FILE = "scenarios.csv";
    /** Every uptime window of the main run and the scenarios, and whether it met the targets. */
    public static final String UPTIME_FILE = "uptime_windows.csv";
    private static final String SCENARIO = "scenario";
    private static final List<String> KEYS = List.of("replication", "window_start_s");

    private TimeSeriesCsv() {
    }

    /** Writes {@code series}; with {@code scenarios} each row starts with its scenario's name. */
    public static void write(Writer out, TimeSeries series, boolean scenarios) throws IOException {
        List<String> header = new ArrayList<>();
        if (scenarios) {
            header.add(SCENARIO);
        }
        header.addAll(KEYS);
        header.addAll(series.columns());
        out.write(Csv.line(header));
        for (TimeSeries.Window w : series.windows()) {
            List<String> cells = new ArrayList<>(header.size());
            if (scenarios) {
                cells.add(w.scenario());
            }
            cells.add(Integer.toString(w.replication()));
            cells.add(Csv.number(w.startS(), 4));
            for (int i = 0; i < series.columns().size(); i++) {
                cells.add(Csv.number(w.values()[i], Columns.decimals(series.columns().get(i))));
            }
            out.write(Csv.line(cells));
        }
    }

    /** Reads a file written by {@link #write}. */
    public static TimeSeries read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IOException(file + ": empty");
            }
            List<String> header = Csv.cells(first);
            int lead = header.get(0).equals(SCENARIO) ? 1 : 0;
            if (header.size() < lead + KEYS.size() || !header.subList(lead, lead + KEYS.size()).equals(KEYS)) {
                throw new IOException(file + ": not a capsim time series (header " + first + ")");
            }
            List<String> columns = header.subList(lead + KEYS.size(), header.size());
            List<TimeSeries.Window> windows = new ArrayList<>();
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                List<String> cells = Csv.cells(line);
                if (cells.size() != header.size()) {
                    throw new IOException(file + ":" + lineNumber + ": " + cells.size() + " cells, header has "
                            + header.size());
                }
                try {
                    double[] values = new double[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = Csv.parse(cells.get(lead + KEYS.size() + i));
                    }
                    windows.add(new TimeSeries.Window(lead == 1 ? cells.get(0) : "",
                            Integer.parseInt(cells.get(lead)), Double.parseDouble(cells.get(lead + 1)), values));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNumber + ": not a number: " + e.getMessage());
                }
            }
            return new TimeSeries(columns, windows);
        }
    }
}
