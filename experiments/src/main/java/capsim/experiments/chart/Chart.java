package capsim.experiments.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a result: its file name in the results folder, its caption in the HTML report,
 * and the JFreeChart (whose datasets hold exactly what is plotted).
 */
public record Chart(String file, String caption, JFreeChart chart) {
    /** Width of every chart image, pixels. */
    public static final int WIDTH = 960;
    /** Height of every chart image, pixels. */
    public static final int HEIGHT = 480;

    /** The file name of its SVG rendering: the PNG's with {@code .svg}. */
    public String svgFile() {
        return file.replaceAll("\\.png$", "") + ".svg";
    }
}
