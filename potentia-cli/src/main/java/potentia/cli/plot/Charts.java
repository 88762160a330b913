package potentia.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Headless PNG plots for the commands (JFreeChart): line plots, parity plots and histograms,
 * written atomically. The core library never plots; commands turn its numbers into pictures.
 */
public final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One named curve: x and y of equal length (not modified). */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x and " + y.length + " y");
            }
        }
    }

    /** Lines through each series' points; {@code logY} puts the y axis on a log scale. */
    public static void line(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, collection(series),
                PlotOrientation.VERTICAL, series.size() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        if (logY) {
            LogAxis axis = new LogAxis(yLabel);
            axis.setSmallestValue(1e-300);
            plot.setRangeAxis(axis);
        }
        style(chart);
        save(chart, png);
    }

    /**
     * A parity plot: predicted against reference values as points, with the line y = x.
     *
     * @param reference x values (not modified)
     * @param predicted y values (not modified)
     */
    public static void parity(Path png, String title, String unit, double[] reference, double[] predicted) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < reference.length; k++) {
            lo = Math.min(lo, Math.min(reference[k], predicted[k]));
            hi = Math.max(hi, Math.max(reference[k], predicted[k]));
        }
        XYSeriesCollection data = collection(List.of(new Series("data", reference, predicted),
                new Series("y = x", new double[] {lo, hi}, new double[] {lo, hi})));
        JFreeChart chart = ChartFactory.createScatterPlot(title, "reference (" + unit + ")",
                "predicted (" + unit + ")", data, PlotOrientation.VERTICAL, false, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Color.GRAY);
        chart.getXYPlot().setRenderer(r);
        style(chart);
        save(chart, png);
    }

    /** A histogram of {@code values} in {@code bins} equal bins. */
    public static void histogram(Path png, String title, String xLabel, double[] values, int bins) {
        HistogramDataset data = new HistogramDataset();
        data.addSeries("values", values, Math.max(1, bins));
        JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "count", data,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart);
        save(chart, png);
    }

    private static XYSeriesCollection collection(List<Series> series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.x().length; k++) {
                if (Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k])) {
                    xy.add(s.x()[k], s.y()[k]);
                }
            }
            c.addSeries(xy);
        }
        return c;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer r) {
            for (int k = 0; k < plot.getSeriesCount(); k++) {
                r.setSeriesStroke(k, new BasicStroke(2f));
            }
        }
    }

    /** Writes the PNG through a temporary file and a rename, so a reader never sees half a picture. */
    private static void save(JFreeChart chart, Path png) {
        try {
            Path dir = png.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
            try {
                ChartUtils.saveChartAsPNG(tmp.toFile(), chart, WIDTH, HEIGHT);
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
    }
}
