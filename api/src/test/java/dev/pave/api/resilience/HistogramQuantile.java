package dev.pave.api.resilience;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quantile of what one unlabelled Prometheus histogram observed between two scrapes, worked out
 * as PromQL's histogram_quantile does (linear within the bucket that holds the rank), so the
 * bench reports the number a Grafana panel over the same window would show.
 */
final class HistogramQuantile {

  private HistogramQuantile() {}

  /** Cumulative counts by upper bound of {@code family}'s buckets in a text exposition. */
  static TreeMap<Double, Double> buckets(String exposition, String family) {
    Pattern bucket = Pattern.compile("^" + Pattern.quote(family) + "_bucket\\{le=\"([^\"]+)\"} (\\S+)$",
        Pattern.MULTILINE);
    TreeMap<Double, Double> counts = new TreeMap<>();
    Matcher m = bucket.matcher(exposition);
    while (m.find()) {
      double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
      counts.put(le, Double.parseDouble(m.group(2)));
    }
    return counts;
  }

  /** The q-quantile (0..1) of the observations made between {@code before} and {@code after}; NaN if none. */
  static double between(Map<Double, Double> before, TreeMap<Double, Double> after, double q) {
    double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (var entry : after.entrySet()) {
      double cumulative = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
      if (cumulative >= rank) {
        if (entry.getKey().isInfinite()) {
          return lower; // beyond the last finite bound: PromQL answers that bound too
        }
        return lower + (entry.getKey() - lower) * (rank - below) / (cumulative - below);
      }
      lower = entry.getKey();
      below = cumulative;
    }
    return lower;
  }
}
