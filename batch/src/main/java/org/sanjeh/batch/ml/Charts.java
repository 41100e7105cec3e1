package org.sanjeh.batch.ml;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The model report's PNG charts (JFreeChart) and its one HTML page. */
final class Charts {

  private static final int WIDTH = 560;
  private static final int HEIGHT = 380;
  private static final int TOP_FEATURES = 15;

  private Charts() {}

  static void write(Path folder, ModelTrainer.Trained t) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BinaryMetrics m = t.test();
    XYSeries roc = series("model", m.rocCurve(200));
    XYSeries chance = new XYSeries("chance");
    chance.add(0, 0);
    chance.add(1, 1);
    png(
        folder,
        "roc.png",
        xy("ROC curve (test rows)", "false positive rate", "true positive rate", roc, chance));
    png(
        folder,
        "pr.png",
        xy("Precision-recall (test rows)", "recall", "precision", series("model", m.prCurve(200))));
    XYSeries calibration = new XYSeries("observed");
    m.calibration().forEach(b -> calibration.add(b.meanPredicted(), b.observed()));
    png(
        folder,
        "calibration.png",
        xy("Calibration (test rows)", "mean predicted", "observed rate", calibration, chance));
    DefaultCategoryDataset lift = new DefaultCategoryDataset();
    m.liftByDecile().forEach(d -> lift.addValue(d.lift(), "lift", Integer.toString(d.decile())));
    png(
        folder,
        "lift.png",
        bars(
            "Lift by decile (1 = highest scores)",
            "decile",
            "lift over base rate",
            lift,
            PlotOrientation.VERTICAL));
    DefaultCategoryDataset importance = new DefaultCategoryDataset();
    List<Integer> order = ModelCard.byImportance(t);
    for (int i : order.subList(0, Math.min(TOP_FEATURES, order.size()))) {
      importance.addValue(t.importance()[i], "importance", t.featureNames().get(i));
    }
    png(
        folder,
        "importance.png",
        bars(
            "Feature importance", "feature", "importance", importance, PlotOrientation.HORIZONTAL));
  }

  private static XYSeries series(String name, List<BinaryMetrics.Point> points) {
    XYSeries s = new XYSeries(name, false);
    points.forEach(p -> s.add(p.x(), p.y()));
    return s;
  }

  private static JFreeChart xy(String title, String x, String y, XYSeries... series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (XYSeries s : series) {
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static JFreeChart bars(
      String title, String x, String y, DefaultCategoryDataset data, PlotOrientation orientation) {
    JFreeChart chart =
        ChartFactory.createBarChart(title, x, y, data, orientation, false, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void png(Path folder, String name, JFreeChart chart) throws IOException {
    ChartUtils.saveChartAsPNG(folder.resolve(name).toFile(), chart, WIDTH, HEIGHT);
  }

  static String html(JsonNode card, ModelTrainer.Trained t) {
    JsonNode test = card.get("test");
    StringBuilder rows = new StringBuilder();
    card.get("validation_roc_auc")
        .fields()
        .forEachRemaining(
            e ->
                rows.append("<tr><td>")
                    .append(escape(e.getKey()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.4f", e.getValue().asDouble()))
                    .append("</td></tr>"));
    StringBuilder calibration = new StringBuilder();
    test.get("calibration")
        .forEach(
            b ->
                calibration.append(
                    String.format(
                        Locale.ROOT,
                        "<tr><td>%.1f–%.1f</td><td>%d</td><td>%.3f</td><td>%.3f</td></tr>",
                        b.get("from").asDouble(),
                        b.get("to").asDouble(),
                        b.get("count").asLong(),
                        b.get("mean_predicted").asDouble(),
                        b.get("observed").asDouble())));
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
        <style>body{font-family:sans-serif;max-width:1180px;margin:2em auto}img{margin:4px;border:1px solid #ddd}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head>
        <body><h1>Model card: %1$s</h1>
        <p>Chosen: <b>%2$s</b>, selected on ROC AUC on the validation rows. Measured once on <b>%3$d test
        rows it never saw</b>: ROC AUC <b>%4$.4f</b>, PR AUC <b>%5$.4f</b> (base rate %6$s), top-decile lift
        <b>%7$.2f</b>.</p>
        <h2>Candidates</h2><table><tr><th>candidate</th><th>validation ROC AUC</th></tr>%8$s</table>
        <h2>Charts</h2>
        <img src="roc.png" alt="ROC curve"><img src="pr.png" alt="precision-recall curve">
        <img src="calibration.png" alt="calibration"><img src="lift.png" alt="lift by decile">
        <img src="importance.png" alt="feature importance">
        <h2>Calibration</h2><table><tr><th>predicted</th><th>rows</th><th>mean predicted</th><th>observed</th></tr>%9$s</table>
        <p>Everything else (context, lift table, every feature's importance) is in model-card.json.</p>
        </body></html>
        """
        .formatted(
            escape(card.get("version").asText()),
            escape(t.chosen()),
            test.get("rows").asLong(),
            test.get("roc_auc").asDouble(),
            test.get("pr_auc").asDouble(),
            ModelCard.percent(test.get("base_rate").asDouble()),
            test.get("top_decile_lift").asDouble(),
            rows,
            calibration);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
