package org.sanjeh.survey.response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sanjeh.core.calendar.Digits;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages customers answer on, server-rendered, no JavaScript needed. {@code GET /s/{token}}
 * shows the question; the scores are links, so the one-click score from an e-mail ({@code
 * ?score=N}) is recorded at once and the page then offers the optional follow-up (reasons and a
 * comment), which {@code POST /s/{token}} saves. Persian pages are right-to-left with Persian
 * digits and Jalali dates; Persian or Arabic-Indic digits are accepted in scores.
 */
@Controller
class SurveyController {

  private final SurveyLinks links;
  private final Responses responses;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  SurveyController(
      SurveyLinks links, Responses responses, io.micrometer.core.instrument.MeterRegistry meters) {
    this.links = links;
    this.responses = responses;
    this.meters = meters;
  }

  /** One score choice on the page. */
  record Choice(int value, String label, boolean chosen) {}

  @GetMapping("/s/{token}")
  String show(
      @PathVariable String token,
      @RequestParam(defaultValue = "en") String lang,
      @RequestParam(required = false) String score,
      Model model) {
    SurveyLinks.Invitation invitation = links.verify(token);
    Integer chosen = null;
    if (score != null) {
      chosen = parseScore(score);
      responses.answer(invitation, chosen, null, null);
      meters
          .counter(
              "sanjeh.survey.answers",
              "kind",
              invitation.kind().name().toLowerCase(java.util.Locale.ROOT),
              "via",
              "one-click")
          .increment();
    }
    fill(model, token, lang, invitation, chosen);
    return "survey";
  }

  @PostMapping("/s/{token}")
  String save(
      @PathVariable String token,
      @RequestParam(defaultValue = "en") String lang,
      @RequestParam String score,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) List<String> reasons,
      @RequestParam(required = false) String csrf,
      Model model) {
    SurveyLinks.Invitation invitation = links.verify(token);
    if (!links.formTokenValid(token, csrf)) {
      throw new Responses.Refused(
          "this form did not come from our survey page; open the link from your message again");
    }
    List<String> known =
        reasons == null
            ? List.of()
            : reasons.stream().filter(SurveyTexts.REASONS::contains).toList();
    responses.answer(invitation, parseScore(score), comment, known);
    meters
        .counter(
            "sanjeh.survey.answers",
            "kind",
            invitation.kind().name().toLowerCase(java.util.Locale.ROOT),
            "via",
            "form")
        .increment();
    model.addAttribute("lang", language(lang));
    model.addAttribute("dir", SurveyTexts.persian(lang) ? "rtl" : "ltr");
    model.addAttribute(
        "t",
        SurveyTexts.texts(
            language(lang),
            invitation.kind(),
            LocalDate.ofInstant(invitation.expiresAt(), ZoneOffset.UTC)));
    return "thanks";
  }

  @ExceptionHandler(SurveyLinks.RefusedLink.class)
  ModelAndView refusedLink(SurveyLinks.RefusedLink e) {
    meters
        .counter(
            "sanjeh.survey.refused", "why", e.refusal().name().toLowerCase(java.util.Locale.ROOT))
        .increment();
    HttpStatus status =
        switch (e.refusal()) {
          case EXPIRED -> HttpStatus.GONE;
          case FORGED -> HttpStatus.FORBIDDEN;
          case MALFORMED -> HttpStatus.BAD_REQUEST;
        };
    return refusal(status, e.getMessage());
  }

  @ExceptionHandler(Responses.Refused.class)
  ModelAndView refusedAnswer(Responses.Refused e) {
    meters.counter("sanjeh.survey.refused", "why", "answer").increment();
    return refusal(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private static ModelAndView refusal(HttpStatus status, String message) {
    ModelAndView page =
        new ModelAndView("refused", Map.of("message", message, "lang", "en", "dir", "ltr"));
    page.setStatus(status);
    return page;
  }

  private void fill(
      Model model, String token, String lang, SurveyLinks.Invitation invitation, Integer chosen) {
    String language = language(lang);
    boolean persian = SurveyTexts.persian(language);
    List<Choice> choices = new ArrayList<>();
    for (int value = invitation.kind().lowest(); value <= invitation.kind().highest(); value++) {
      choices.add(
          new Choice(
              value,
              SurveyTexts.digits(Integer.toString(value), persian),
              chosen != null && chosen == value));
    }
    model.addAttribute("token", token);
    model.addAttribute("lang", language);
    model.addAttribute("dir", persian ? "rtl" : "ltr");
    model.addAttribute(
        "t",
        SurveyTexts.texts(
            language,
            invitation.kind(),
            LocalDate.ofInstant(invitation.expiresAt(), ZoneOffset.UTC)));
    model.addAttribute("choices", choices);
    model.addAttribute("answered", chosen != null);
    model.addAttribute("chosen", chosen);
    model.addAttribute("csrf", links.formToken(token));
    model.addAttribute("reasons", SurveyTexts.reasonLabels(language));
  }

  private static String language(String lang) {
    return "fa".equals(lang) ? "fa" : "en";
  }

  private static int parseScore(String text) {
    try {
      return Integer.parseInt(Digits.toAscii(text.strip()));
    } catch (NumberFormatException e) {
      throw new Responses.Refused("'" + text + "' is not a score");
    }
  }
}
