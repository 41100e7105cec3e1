package org.sanjeh.dashboards.viewer.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.viewer.DashboardCatalog;
import org.sanjeh.dashboards.viewer.DashboardCatalog.ChartView;
import org.sanjeh.dashboards.viewer.DashboardCatalog.DashboardView;
import org.sanjeh.dashboards.viewer.Language;
import org.sanjeh.dashboards.viewer.ViewerProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages: the list of dashboards, one dashboard (its tiles laid out by the definition, filled by
 * the page's script from the API) and one ticket's timeline.
 */
@Controller
class PageController {

  private final DashboardCatalog catalog;
  private final long refreshMillis;
  private final String zone;

  PageController(DashboardCatalog catalog, ViewerProperties properties) {
    this.catalog = catalog;
    this.refreshMillis = properties.refresh().toMillis();
    this.zone = properties.zone().getId();
  }

  @GetMapping("/")
  String index(HttpServletRequest request, Model model) {
    Language language = language(request, model);
    model.addAttribute(
        "dashboards",
        catalog.dashboards().stream()
            .map(d -> new Link(d.id(), catalog.labels().dashboard(d, language)))
            .toList());
    return "viewer/index";
  }

  @GetMapping("/d/{dashboardId}")
  String dashboard(@PathVariable String dashboardId, HttpServletRequest request, Model model) {
    Language language = language(request, model);
    Dashboard dashboard = catalog.dashboard(dashboardId);
    DashboardView view = catalog.view(dashboard, language);
    model.addAttribute("dashboard", view);
    model.addAttribute(
        "charts",
        view.charts().stream().collect(Collectors.toMap(ChartView::id, Function.identity())));
    model.addAttribute("refreshMillis", refreshMillis);
    model.addAttribute("zone", zone);
    model.addAttribute(
        "others",
        catalog.dashboards().stream()
            .map(d -> new Link(d.id(), catalog.labels().dashboard(d, language)))
            .toList());
    return "viewer/dashboard";
  }

  @GetMapping("/tickets/{ticketId}")
  String ticket(@PathVariable String ticketId, HttpServletRequest request, Model model) {
    language(request, model);
    model.addAttribute("ticketId", ticketId);
    model.addAttribute("zone", zone);
    return "viewer/ticket";
  }

  private static Language language(HttpServletRequest request, Model model) {
    Language language = Language.of(request.getParameter("lang"));
    model.addAttribute("lang", language.code());
    model.addAttribute("dir", language.direction());
    model.addAttribute("other", language == Language.FA ? "en" : "fa");
    return language;
  }

  record Link(String id, String title) {}
}
