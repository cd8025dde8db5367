package capsim.experiments.report;

import capsim.experiments.summary.Round;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The CSV dialect of the results folder (RFC 4180: commas, double quotes where needed, \n). */
final class Csv {
    private Csv() {
    }

    /** One line of {@code cells}, quoted where a cell holds a comma, quote or line break. */
    static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n")
                    ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted) + "\n";
    }

    /** The cells of one line written by {@link #line}. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** {@code value} rounded to {@code decimals}, plain, without trailing zeros; "" for NaN. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(Round.to(value, decimals)).stripTrailingZeros().toPlainString();
    }

    /** The number in {@code cell}; NaN for "". */
    static double parse(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }
}
