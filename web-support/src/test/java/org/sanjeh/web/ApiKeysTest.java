package org.sanjeh.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;

class ApiKeysTest {

  private final ApiKeys keys =
      new ApiKeys(
          List.of("shop:" + ApiKeys.sha256("shop-key"), " crm : " + ApiKeys.sha256("crm-key")),
          "sanjeh.test.api-keys");

  @Test
  void aKeyNamesTheSourceItWasIssuedTo() {
    assertThat(keys.sourceOf("shop-key")).contains("shop");
    assertThat(keys.sourceOf("crm-key")).contains("crm");
  }

  @Test
  void anUnknownOrMissingKeyNamesNoSource() {
    assertThat(keys.sourceOf("guess")).isEmpty();
    assertThat(keys.sourceOf("")).isEmpty();
    assertThat(keys.sourceOf(null)).isEmpty();
  }

  @Test
  void theHashItselfIsNotAKey() {
    assertThat(keys.sourceOf(ApiKeys.sha256("shop-key"))).isEmpty();
  }

  @Test
  void anUpperCaseHashIsTheSameHash() {
    ApiKeys upper =
        new ApiKeys(List.of("shop:" + ApiKeys.sha256("k").toUpperCase()), "sanjeh.test.api-keys");

    assertThat(upper.sourceOf("k")).contains("shop");
  }

  @Test
  void anEntryThatIsNotSourceColonHashIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new ApiKeys(List.of("shop:plain-key"), "sanjeh.intake.api-keys"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sanjeh.intake.api-keys entry 'shop:plain-key'");
    assertThatThrownBy(() -> new ApiKeys(List.of(ApiKeys.sha256("k")), "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theInterceptorLetsAKnownKeyInAndNamesItsSource() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/events");
    request.addHeader(ApiKeyInterceptor.HEADER, "crm-key");

    boolean admitted =
        new ApiKeyInterceptor(keys, ApiKeysTest::refused)
            .preHandle(request, new MockHttpServletResponse(), new Object());

    assertThat(admitted).isTrue();
    assertThat(request.getAttribute(ApiKeyInterceptor.SOURCE)).isEqualTo("crm");
  }

  @Test
  void theInterceptorAnswersAnUnknownKeyWithTheServicesOwnProblem() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/events");
    request.addHeader(ApiKeyInterceptor.HEADER, "guess");

    assertThatThrownBy(
            () ->
                new ApiKeyInterceptor(keys, ApiKeysTest::refused)
                    .preHandle(request, new MockHttpServletResponse(), new Object()))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getBody().getTitle()).isEqualTo("refused by the test"));
    assertThat(request.getAttribute(ApiKeyInterceptor.SOURCE)).isNull();
  }

  private static ErrorResponseException refused() {
    ErrorResponseException e = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
    e.getBody().setTitle("refused by the test");
    return e;
  }
}
