package capsim.experiments.chart;

import java.awt.image.BufferedImage;

/** Whether an image shows something: the variance of its pixels' luma (0 for a blank image). */
public final class ImageCheck {
    private ImageCheck() {
    }

    /** Variance of the luma (0..255) of every pixel of {@code image}. */
    public static double lumaVariance(BufferedImage image) {
        double sum = 0;
        double sumSq = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double luma = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += luma;
                sumSq += luma * luma;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }
}
