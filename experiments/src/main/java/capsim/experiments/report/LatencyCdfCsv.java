package capsim.experiments.report;

import capsim.experiments.result.LatencyCdf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * latency_cdf.csv: {@code metric,fraction,latency_ms}, the points of each latency distribution
 * ({@link LatencyCdf}) in increasing order, metric after metric.
 */
public final class LatencyCdfCsv {
    /** Its name in the results folder. */
    public static final String FILE = "latency_cdf.csv";
    private static final String HEADER = "metric,fraction,latency_ms";

    private LatencyCdfCsv() {
    }

    /** Writes {@code cdfs}. */
    public static void write(Writer out, List<LatencyCdf> cdfs) throws IOException {
        out.write(HEADER + "\n");
        for (LatencyCdf cdf : cdfs) {
            for (int i = 0; i < cdf.ms().length; i++) {
                out.write(Csv.line(List.of(cdf.metric(), Csv.number(cdf.fractions()[i], 9),
                        Csv.number(cdf.ms()[i], 4))));
            }
        }
    }

    /** Reads a file written by {@link #write}. */
    public static List<LatencyCdf> read(Path file) throws IOException {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IOException(file + ": not a capsim latency distribution (header " + header + ")");
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                List<String> cells = Csv.cells(line);
                try {
                    points.computeIfAbsent(cells.get(0), m -> new ArrayList<>()).add(new double[] {
                            Double.parseDouble(cells.get(1)), Double.parseDouble(cells.get(2))});
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    throw new IOException(file + ":" + lineNumber + ": expected " + HEADER + ", got " + line);
                }
            }
        }
        List<LatencyCdf> cdfs = new ArrayList<>();
        points.forEach((metric, p) -> cdfs.add(new LatencyCdf(metric, p.stream().mapToDouble(x -> x[0]).toArray(),
                p.stream().mapToDouble(x -> x[1]).toArray())));
        return cdfs;
    }
}
