package capsim.experiments.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/** The look shared by every chart: white background, light grid, one palette, red targets. */
final class Style {
    /** Series colours, in order (colour-blind safe, Okabe-Ito). */
    static final Paint[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), Color.DARK_GRAY,
        new Color(0x8C564B), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};
    /** Targets and budgets. */
    static final Color TARGET = new Color(0xC00000);
    static final Color GRID = new Color(0xDDDDDD);

    private Style() {
    }

    /** Applies the shared look to {@code chart}. */
    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
        }
        return chart;
    }

    /** Where a target line runs, and so where its label goes. */
    enum Line { VERTICAL, LABEL_ABOVE, LABEL_BELOW }

    /** A dashed red line at {@code value} labelled {@code label}. */
    static ValueMarker target(double value, String label, Line line) {
        ValueMarker m = new ValueMarker(value, TARGET, new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        m.setLabel(label);
        m.setLabelPaint(TARGET);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        if (line == Line.VERTICAL) {
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        } else if (line == Line.LABEL_ABOVE) {
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        } else {
            m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        m.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
        return m;
    }
}
