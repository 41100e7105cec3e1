package org.sanjeh.dashboards.viewer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The viewer's two languages, chosen by {@code ?lang=fa} or {@code ?lang=en} (English when absent
 * or unknown): every link the pages make carries it on, so no cookie is needed.
 */
public enum Language {
  EN(Locale.ENGLISH, "ltr"),
  FA(Locale.forLanguageTag("fa"), "rtl");

  private final Locale locale;
  private final String direction;

  Language(Locale locale, String direction) {
    this.locale = locale;
    this.direction = direction;
  }

  public Locale locale() {
    return locale;
  }

  public String direction() {
    return direction;
  }

  public String code() {
    return locale.getLanguage();
  }

  public static Language of(String lang) {
    return "fa".equals(lang) ? FA : EN;
  }

  public static Language of(Locale locale) {
    return "fa".equals(locale.getLanguage()) ? FA : EN;
  }

  /** Spring's locale for messages and templates, from the {@code lang} parameter. */
  static final class Resolver implements LocaleResolver {
    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      return of(request.getParameter("lang")).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      throw new UnsupportedOperationException("the language is chosen by ?lang=");
    }
  }
}
