package capsim.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: the first column left-aligned, the others
 * right-aligned unless marked left, two spaces between columns, no trailing blanks.
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] left;

    /** A table with this header row. */
    public TextTable(String... header) {
        left = new boolean[header.length];
        left[0] = true;
        rows.add(header.clone());
    }

    /** Left-aligns the given columns (0-based). */
    public TextTable leftAligned(int... columns) {
        for (int c : columns) {
            left[c] = true;
        }
        return this;
    }

    /** Adds a row; missing cells are blank. */
    public TextTable row(String... cells) {
        if (cells.length > left.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + left.length);
        }
        String[] row = new String[left.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = c < cells.length ? cells[c] : "";
        }
        rows.add(row);
        return this;
    }

    /** The table, each line prefixed by {@code indent} and ended by a newline. */
    public String render(String indent) {
        int[] width = new int[left.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(left[c] ? row[c] + pad : pad + row[c]);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
