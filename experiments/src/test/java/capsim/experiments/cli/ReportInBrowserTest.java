package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import capsim.experiments.chart.ImageCheck;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a real run and of a real sweep, each opened in headless Chromium: the page loads without errors, its
 * images decode, and the verdict shows (its green PASS badge is on the screenshot). Required when
 * CI=true; skipped with a message elsewhere when Chromium is not installed ({@code CHROMIUM}
 * names another binary).
 */
class ReportInBrowserTest {
    private static final String MODEL = """
            name: browser
            run: {duration_s: 60, warmup_s: 5, replications: 2, seed: 3}
            workload:
              classes:
                - name: req
                  rate_per_s: 50
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 10}
            tiers:
              - {name: app, node: t3.small, count: 1, workers: 1}
            uptime: {window_s: 5}
            slo:
              - {metric: classes.req.latency_ms.p99, max: 1000}
            """;
    /** The PASS badge's background, #1a7f37. */
    private static final int PASS_GREEN = 0x1a7f37;

    @TempDir
    Path dir;

    @Test
    void reportLoadsInChromiumAndShowsTheVerdict() throws IOException, InterruptedException {
        Path chromium = chromium();
        Path out = dir.resolve("out");
        Path model = Files.writeString(dir.resolve("browser.yaml"), MODEL);
        Cli run = Cli.run("run", model.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, run.status(), run.err());

        assertShownInBrowser(chromium, out.resolve("report.html"), 3);
    }

    /* A 2 x 2 sweep of the same model (rate and workers): its report, with the cost-p99 chart and the heat map. */
    @Test
    void sweepReportLoadsInChromiumAndShowsTheVerdict() throws IOException, InterruptedException {
        Path chromium = chromium();
        Files.writeString(dir.resolve("browser.yaml"), MODEL);
        Path experiment = Files.writeString(dir.resolve("sweep.yaml"), """
                base: browser.yaml
                run: {duration_s: 20, replications: 2}
                sweep:
                  grid:
                    workload.classes.req.rate_per_s: [20, 50]
                    tiers.app.workers: [1, 2]
                choose: {minimize: cost.monthly_usd}
                """);
        Path out = dir.resolve("sweep");
        Cli sweep = Cli.run("sweep", experiment.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, sweep.status(), sweep.err());

        assertShownInBrowser(chromium, out.resolve("report.html"), 2);
    }

    /**
     * {@code report} embeds at least {@code minImages} images and fetches nothing; in Chromium it
     * loads whole without errors, shows the PASS verdict first, and its screenshot is not blank.
     */
    private void assertShownInBrowser(Path chromium, Path report, int minImages) throws IOException,
            InterruptedException {
        String html = Files.readString(report);
        int images = count(html, "<img ");
        assertTrue(images >= minImages, "charts: " + images);
        assertEquals(images, count(html, "src=\"data:image/png;base64,"), "every image is embedded");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing is fetched");

        Browser dom = browse(chromium, report, "--dump-dom");
        Path shot = Files.createTempFile(dir, "shot", ".png");
        Browser screenshot = browse(chromium, report, "--screenshot=" + shot, "--window-size=1200,900");

        assertEquals(0, dom.status(), dom.log());
        Matcher verdict = Pattern.compile("<p id=\"verdict\"><span class=\"verdict (\\w+)\">(\\w+)</span>")
                .matcher(dom.out());
        assertTrue(verdict.find(), dom.out().substring(0, Math.min(2000, dom.out().length())));
        assertEquals("PASS", verdict.group(2));
        assertTrue(dom.out().contains("</html>") || dom.out().contains("</body>"), "the whole page loaded");
        for (Browser b : List.of(dom, screenshot)) {
            assertFalse(b.log().contains("Uncaught") || b.log().contains("Failed to load resource")
                    || b.log().contains("Not allowed to load local resource"), b.log());
        }
        assertEquals(0, screenshot.status(), screenshot.log());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1200, image.getWidth());
        assertTrue(ImageCheck.lumaVariance(image) > 100, "the screenshot is blank");
        assertTrue(hasColour(image, PASS_GREEN), "the PASS badge is not on the screen");
    }

    private record Browser(int status, String out, String log) {
    }

    private Browser browse(Path chromium, Path page, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--enable-logging=stderr",
                "--user-data-dir=" + profile));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(stderr));
        }
        return new Browser(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** The browser: $CHROMIUM, else chromium on the PATH; required when CI=true. */
    private static Path chromium() {
        Optional<Path> found = Optional.ofNullable(System.getenv("CHROMIUM")).map(Path::of)
                .or(() -> onPath("chromium")).or(() -> onPath("chromium-browser"))
                .filter(Files::isExecutable);
        if (found.isEmpty()) {
            String message = "Chromium not found (install the Debian package chromium, or set CHROMIUM): "
                    + "the browser check of report.html did not run";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; it is required when CI=true (.ci/run installs it)");
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
