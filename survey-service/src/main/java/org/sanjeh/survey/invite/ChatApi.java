package org.sanjeh.survey.invite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * One JSON POST to a messaging API, with the answer sorted into the three outcomes a {@link Sender}
 * knows: delivered; {@link Sender.Undeliverable} (this customer can never be reached this way:
 * recorded as a skip); any other exception (the API is down, throttling or misconfigured: the
 * invitation is kept and tried again).
 */
final class ChatApi {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String name;

  ChatApi(String name) {
    this.name = name;
  }

  /**
   * @param undeliverable reads an error answer and says why the customer can never be reached this
   *     way, or null when the error may pass (then the message is tried again)
   */
  void post(
      URI uri,
      String bearerToken,
      JsonNode body,
      Function<JsonNode, String> undeliverable,
      String invitationId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(name + " cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + name, e);
    }
    if (response.statusCode() / 100 == 2) {
      return;
    }
    JsonNode error;
    try {
      error = JSON.readTree(response.body());
    } catch (IOException e) {
      error = JSON.createObjectNode();
    }
    String reason = response.statusCode() / 100 == 4 ? undeliverable.apply(error) : null;
    if (reason != null) {
      throw new Sender.Undeliverable(reason);
    }
    throw new IllegalStateException(
        "%s answered %d for invitation %s: %s"
            .formatted(name, response.statusCode(), invitationId, abbreviate(response.body())));
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
