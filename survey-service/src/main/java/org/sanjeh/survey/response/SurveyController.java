package org.sanjeh.survey.response;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanjeh.core.calendar.Digits;
import org.sanjeh.survey.SurveyProperties;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages customers answer on, server-rendered. Nothing is recorded by GET or HEAD: mail security
 * scanners fetch every link of a message, so {@code GET /s/{token}?score=N} (the one-click buttons
 * of an e-mail) only shows the page with that score chosen. A browser that shows the page sends it
 * at once by a small script ({@code survey.js}); without script, one press on the button sends it.
 * The answer is recorded by {@code POST /s/{token}}, which must carry the form token of a page this
 * service rendered for the same invitation (signed, short-lived). The page after it thanks and asks
 * for the optional comment (another POST). Persian pages are right-to-left with Persian digits and
 * Jalali dates; Persian or Arabic-Indic digits are accepted in scores.
 */
@Controller
class SurveyController {

  /** The page's form token field. */
  static final String FORM_FIELD = "form";

  private final SurveyLinks links;
  private final Responses responses;
  private final MeterRegistry meters;
  private final InvitationContexts contexts;
  private final SurveyProperties.Brand brand;

  SurveyController(
      SurveyLinks links,
      Responses responses,
      MeterRegistry meters,
      InvitationContexts contexts,
      SurveyProperties properties) {
    this.links = links;
    this.responses = responses;
    this.meters = meters;
    this.contexts = contexts;
    this.brand = properties.brand();
  }

  /** One score choice on the page. */
  record Choice(int value, String label, String ariaLabel, boolean chosen) {}

  @GetMapping("/s/{token}")
  String show(
      @PathVariable String token,
      @RequestParam(defaultValue = "en") String lang,
      @RequestParam(required = false) String score,
      Model model,
      HttpServletResponse response) {
    noStore(response);
    SurveyLinks.Invitation invitation = links.verify(token);
    Integer chosen = score == null ? null : checkedScore(invitation, score);
    String language = language(lang);
    common(model, language, invitation);
    model.addAttribute("token", token);
    model.addAttribute("choices", choices(invitation, language, chosen));
    model.addAttribute("chosen", chosen);
    model.addAttribute("form", links.formToken(invitation));
    model.addAttribute(
        "context",
        contexts
            .of(invitation.invitationId())
            .map(c -> SurveyTexts.context(language, c.resolvedAt(), c.channel(), c.subject()))
            .orElse(""));
    return "survey";
  }

  @PostMapping("/s/{token}")
  String save(
      @PathVariable String token,
      @RequestParam(defaultValue = "en") String lang,
      @RequestParam String score,
      @RequestParam(name = FORM_FIELD, required = false) String form,
      @RequestParam(required = false) String step,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) List<String> reasons,
      Model model,
      HttpServletResponse response) {
    noStore(response);
    SurveyLinks.Invitation invitation = links.verify(token);
    links.checkFormToken(invitation, form);
    boolean followUp = "comment".equals(step);
    List<String> known =
        reasons == null
            ? followUp ? List.of() : null
            : reasons.stream().filter(SurveyTexts.REASONS::contains).toList();
    int value = parseScore(score);
    responses.answer(invitation, value, followUp ? comment : null, known);
    meters
        .counter(
            "sanjeh.survey.answers",
            "kind",
            invitation.kind().name().toLowerCase(Locale.ROOT),
            "via",
            followUp ? "comment" : "score")
        .increment();
    String language = language(lang);
    common(model, language, invitation);
    model.addAttribute("token", token);
    model.addAttribute("score", value);
    model.addAttribute("form", links.formToken(invitation));
    model.addAttribute("askComment", !followUp);
    model.addAttribute("reasons", SurveyTexts.reasonLabels(language));
    return "thanks";
  }

  /** The business's colour as a style sheet, since the pages' policy allows no inline styles. */
  @GetMapping(value = "/brand.css", produces = "text/css")
  ResponseEntity<String> brandStyle() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)))
        .body(":root { --brand: " + brand.colour() + "; }\n");
  }

  @ExceptionHandler(SurveyLinks.RefusedLink.class)
  ModelAndView refusedLink(SurveyLinks.RefusedLink e, HttpServletResponse response) {
    noStore(response);
    meters
        .counter("sanjeh.survey.refused", "why", e.refusal().name().toLowerCase(Locale.ROOT))
        .increment();
    return refusal(status(e.refusal()), e.getMessage());
  }

  /**
   * Damaged links are bad requests; links or forms we did not sign are forbidden; a survey that
   * closed is gone for good. A stale form is forbidden too: reopening the link gives a fresh one.
   */
  static HttpStatus status(SurveyLinks.Refusal refusal) {
    return switch (refusal) {
      case MALFORMED -> HttpStatus.BAD_REQUEST;
      case FORGED, FORM_FORGED, FORM_STALE -> HttpStatus.FORBIDDEN;
      case EXPIRED -> HttpStatus.GONE;
    };
  }

  @ExceptionHandler(Responses.Refused.class)
  ModelAndView refusedAnswer(Responses.Refused e, HttpServletResponse response) {
    noStore(response);
    meters.counter("sanjeh.survey.refused", "why", "answer").increment();
    return refusal(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private static void noStore(HttpServletResponse response) {
    // The pages carry a form token and name the customer's conversation: no cache keeps them.
    response.setHeader("Cache-Control", "no-store");
  }

  private static ModelAndView refusal(HttpStatus status, String message) {
    ModelAndView page =
        new ModelAndView("refused", Map.of("message", message, "lang", "en", "dir", "ltr"));
    page.setStatus(status);
    return page;
  }

  private void common(Model model, String language, SurveyLinks.Invitation invitation) {
    model.addAttribute("lang", language);
    model.addAttribute("dir", SurveyTexts.persian(language) ? "rtl" : "ltr");
    model.addAttribute("brand", brand);
    model.addAttribute(
        "t",
        SurveyTexts.texts(
            language,
            invitation.kind(),
            LocalDate.ofInstant(invitation.expiresAt(), ZoneOffset.UTC)));
  }

  private static List<Choice> choices(
      SurveyLinks.Invitation invitation, String language, Integer chosen) {
    boolean persian = SurveyTexts.persian(language);
    Map<String, String> t = SurveyTexts.texts(language, invitation.kind(), LocalDate.EPOCH);
    int lowest = invitation.kind().lowest();
    int highest = invitation.kind().highest();
    List<Choice> choices = new ArrayList<>();
    for (int value = lowest; value <= highest; value++) {
      String label = SurveyTexts.digits(Integer.toString(value), persian);
      String aria =
          value == lowest
              ? label + ", " + t.get("low")
              : value == highest ? label + ", " + t.get("high") : label;
      choices.add(new Choice(value, label, aria, chosen != null && chosen == value));
    }
    return choices;
  }

  private static int checkedScore(SurveyLinks.Invitation invitation, String text) {
    int score = parseScore(text);
    try {
      return invitation.kind().check(score);
    } catch (IllegalArgumentException e) {
      throw new Responses.Refused(e.getMessage());
    }
  }

  private static String language(String lang) {
    return "fa".equals(lang) ? "fa" : "en";
  }

  private static int parseScore(String text) {
    try {
      return Integer.parseInt(Digits.toAscii(text.strip()));
    } catch (NumberFormatException e) {
      String shown = text.length() <= 8 ? "'" + text + "'" : "this value";
      throw new Responses.Refused(shown + " is not a score");
    }
  }
}
