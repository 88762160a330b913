package potentia.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Curves with error bars (±1σ), as a PNG, the value axis fitted to the data rather than to zero
 * (a lattice parameter that grows by 0.3 % must be visible).
 */
public final class ErrorBarPlot {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ErrorBarPlot() {
    }

    /** One curve: x, y and the standard error of y, of equal length (not modified). */
    public record Curve(String name, double[] x, double[] y, double[] error) {
        public Curve {
            if (x.length != y.length || y.length != error.length) {
                throw new IllegalArgumentException("curve '" + name + "' has unequal x, y and error lengths");
            }
        }
    }

    /** Writes the plot (atomically). */
    public static void write(Path png, String title, String xLabel, String yLabel, List<Curve> curves) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            YIntervalSeries s = new YIntervalSeries(c.name());
            for (int k = 0; k < c.x().length; k++) {
                double e = Double.isFinite(c.error()[k]) ? c.error()[k] : 0;
                if (Double.isFinite(c.x()[k]) && Double.isFinite(c.y()[k])) {
                    s.add(c.x()[k], c.y()[k], c.y()[k] - e, c.y()[k] + e);
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setDrawXError(false);
        for (int k = 0; k < curves.size(); k++) {
            r.setSeriesPaint(k, COLOURS[k % COLOURS.length]);
            r.setSeriesStroke(k, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, curves.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Path dir = png.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
            try {
                ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 900, 600);
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
    }
}
