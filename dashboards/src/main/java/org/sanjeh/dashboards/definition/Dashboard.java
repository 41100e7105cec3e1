package org.sanjeh.dashboards.definition;

import java.util.List;

/** A dashboard: its charts and their layout, rows of chart ids from top to bottom. */
public record Dashboard(
    String id, String title, List<Chart> charts, List<List<String>> layout, String file) {}
