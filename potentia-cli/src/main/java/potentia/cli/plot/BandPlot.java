package potentia.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A phonon band structure as a PNG: every band one line against the distance along the path,
 * vertical lines with labels at the high-symmetry points, a zero line when a band dips below
 * zero (imaginary modes are drawn negative, never hidden). Several sets of bands (say harmonic
 * and renormalised) get one colour each.
 */
public final class BandPlot {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private BandPlot() {
    }

    /**
     * One set of bands.
     *
     * @param name legend name
     * @param distance per point (not modified)
     * @param frequencies {@code [point][band]}, THz (not modified)
     */
    public record Bands(String name, double[] distance, double[][] frequencies) {
    }

    /**
     * Writes the plot.
     *
     * @param labels high-symmetry labels in order
     * @param labelDistances where each sits on the distance axis (not modified)
     */
    public static void write(Path png, String title, List<Bands> sets, List<String> labels, double[] labelDistances) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        boolean negative = false;
        int series = 0;
        for (int s = 0; s < sets.size(); s++) {
            Bands b = sets.get(s);
            int bands = b.frequencies().length == 0 ? 0 : b.frequencies()[0].length;
            for (int j = 0; j < bands; j++) {
                // a break in the path repeats a distance: a new series per run keeps lines from jumping
                XYSeries xy = new XYSeries(b.name() + " " + j + "/" + series, false, true);
                for (int i = 0; i < b.distance().length; i++) {
                    if (i > 0 && b.distance()[i] == b.distance()[i - 1] && !xy.isEmpty()) {
                        data.addSeries(xy);
                        style(r, series++, s);
                        xy = new XYSeries(b.name() + " " + j + "/" + series, false, true);
                    }
                    double v = b.frequencies()[i][j];
                    negative |= v < 0;
                    xy.add(b.distance()[i], v);
                }
                data.addSeries(xy);
                style(r, series++, s);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "wave vector", "frequency (THz)", data,
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(r);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setTickLabelsVisible(false);
        if (labelDistances.length > 0) {
            plot.getDomainAxis().setRange(labelDistances[0], labelDistances[labelDistances.length - 1]);
        }
        for (int k = 0; k < labels.size(); k++) {
            ValueMarker m = new ValueMarker(labelDistances[k], Color.GRAY, new BasicStroke(1f));
            m.setLabel(labels.get(k));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            m.setLabelAnchor(RectangleAnchor.BOTTOM);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addDomainMarker(m);
        }
        if (negative) {
            plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        }
        if (sets.size() > 1) {
            StringBuilder legend = new StringBuilder(title).append(" — ");
            for (int s = 0; s < sets.size(); s++) {
                legend.append(s > 0 ? ", " : "").append(sets.get(s).name()).append(": ").append(colourName(s));
            }
            chart.setTitle(legend.toString());
        }
        save(chart, png);
    }

    private static void style(XYLineAndShapeRenderer r, int series, int set) {
        r.setSeriesPaint(series, COLOURS[set % COLOURS.length]);
        r.setSeriesStroke(series, new BasicStroke(1.8f));
    }

    private static String colourName(int set) {
        return switch (set % COLOURS.length) {
            case 0 -> "blue";
            case 1 -> "red";
            case 2 -> "green";
            case 3 -> "orange";
            case 4 -> "purple";
            default -> "brown";
        };
    }

    private static void save(JFreeChart chart, Path png) {
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
