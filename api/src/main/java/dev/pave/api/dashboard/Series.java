package dev.pave.api.dashboard;

import java.util.List;

/** One named line or bar segment of a chart; colour comes from the CSS class; null values are gaps. */
record Series(String name, String cssClass, List<Double> values) {}
