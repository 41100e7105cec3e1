package org.sanjeh.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanjeh.survey.link.SurveyLinks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which environment variable Spring Boot's relaxed binding really reads for {@code
 * sanjeh.survey.signing-key}: the name the start-up error tells operators to set must be one.
 */
class SigningKeyVariableTest {

  private static Optional<String> boundFrom(String variable) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(variable, "a-secret-of-32-or-more-characters-here")));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bind("sanjeh.survey.signing-key", String.class)
        .map(Optional::of)
        .orElse(Optional.empty());
  }

  @Test
  void theVariableTheErrorNamesIsTheCanonicalOneSpringReads() {
    assertThat(SurveyLinks.SIGNING_KEY_VARIABLE).isEqualTo("SANJEH_SURVEY_SIGNINGKEY");
    assertThat(boundFrom(SurveyLinks.SIGNING_KEY_VARIABLE)).isPresent();
  }

  @Test
  void whatTheUnderscoredSpellingDoesIsRecordedHere() {
    // SANJEH_SURVEY_SIGNING_KEY is Spring's "legacy" form of the same name (dashes as
    // underscores); this pins whether this Spring Boot version still reads it.
    assertThat(boundFrom("SANJEH_SURVEY_SIGNING_KEY")).isPresent();
    assertThat(boundFrom("SANJEH_SURVEY_SIGNING_KEYS")).isEmpty();
  }
}
