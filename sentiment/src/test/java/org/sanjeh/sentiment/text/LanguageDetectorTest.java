package org.sanjeh.sentiment.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  private final LanguageDetector detector = new LanguageDetector();

  @Test
  void persianScriptWithPersianLettersIsPersian() {
    assertThat(detector.detect("سفارشم هنوز نرسیده")).isEqualTo("fa");
  }

  @Test
  void arabicScriptWithOnlyArabicLettersIsArabic() {
    assertThat(detector.detect("شكرا جزيلا على المساعدة")).isEqualTo("ar");
  }

  @Test
  void englishTextIsEnglish() {
    assertThat(detector.detect("The app crashes every time I open it")).isEqualTo("en");
  }

  @Test
  void frenchFunctionWordsMakeLatinTextFrench() {
    assertThat(detector.detect("Je ne suis pas content, le colis est en retard")).isEqualTo("fr");
  }

  @Test
  void theMajorityScriptDecidesMixedText() {
    assertThat(detector.detect("کد خطای ERROR_42 در برنامه نمایش داده می‌شود")).isEqualTo("fa");
    assertThat(detector.detect("Thanks, Reza was very helpful with my order")).isEqualTo("en");
  }

  @Test
  void otherScriptsAndTextWithoutLettersAreUndetermined() {
    assertThat(detector.detect("Спасибо за помощь")).isEqualTo("und");
    assertThat(detector.detect("12345 !!!")).isEqualTo("und");
  }
}
