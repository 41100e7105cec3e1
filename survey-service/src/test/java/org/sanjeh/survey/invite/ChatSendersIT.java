package org.sanjeh.survey.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.Channel;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The Telegram and WhatsApp senders against an HTTP server on this machine that answers with the
 * APIs' documented success and error bodies (the real services need accounts and the internet),
 * with the customers' identities in a real ClickHouse.
 */
@ExtendWith(ClickHouseExtension.class)
class ChatSendersIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private HttpServer api;
  private final List<String> paths = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final List<JsonNode> bodies = new ArrayList<>();
  private final Deque<Map.Entry<Integer, String>> answers = new ArrayDeque<>();

  @BeforeEach
  void startApi() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          bodies.add(JSON.readTree(exchange.getRequestBody()));
          Map.Entry<Integer, String> answer =
              answers.isEmpty() ? Map.entry(200, "{\"ok\":true}") : answers.removeFirst();
          byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.getKey(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    api.start();
  }

  @AfterEach
  void stopApi() {
    api.stop(0);
  }

  @Test
  void telegramInvitationsGoToTheCustomersChatAndABlockedBotIsASkip(Warehouse warehouse) {
    String customer = identity(warehouse, "telegram", "5550001");
    TelegramSender telegram =
        new TelegramSender(url(), "123:secret", new WarehouseRecipients(warehouse));

    telegram.send(message("inv-t1", customer, Channel.TELEGRAM, "fa"));

    assertThat(paths).containsExactly("/bot123:secret/sendMessage");
    assertThat(bodies.get(0).get("chat_id").asText()).isEqualTo("5550001");
    assertThat(bodies.get(0).get("text").asText())
        .isEqualTo("لطفاً با یک کلیک به ما بگویید چطور بودیم: https://s.test/s/tok?lang=fa\n");

    answers.add(
        Map.entry(
            403,
            "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));
    assertThatThrownBy(() -> telegram.send(message("inv-t2", customer, Channel.TELEGRAM, "en")))
        .isInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining("bot was blocked by the user");

    answers.add(Map.entry(502, "Bad Gateway"));
    assertThatThrownBy(() -> telegram.send(message("inv-t3", customer, Channel.TELEGRAM, "en")))
        .isNotInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining("answered 502 for invitation inv-t3");

    assertThatThrownBy(
            () -> telegram.send(message("inv-t4", run + "-nobody", Channel.TELEGRAM, "en")))
        .isInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining("no Telegram identity");
  }

  @Test
  void whatsappInvitationsUseTheCloudApiAndAClosedWindowIsExplained(Warehouse warehouse) {
    String customer = identity(warehouse, "whatsapp", "+989121234567");
    WhatsAppSender whatsapp =
        new WhatsAppSender(
            url() + "/v21.0", "10987", "token-1", new WarehouseRecipients(warehouse));

    whatsapp.send(message("inv-w1", customer, Channel.WHATSAPP, "en"));

    assertThat(paths).containsExactly("/v21.0/10987/messages");
    assertThat(authorizations).containsExactly("Bearer token-1");
    JsonNode body = bodies.get(0);
    assertThat(body.get("messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(body.get("to").asText()).isEqualTo("989121234567");
    assertThat(body.get("text").get("body").asText())
        .isEqualTo("How did we do? Tell us in one click: https://s.test/s/tok?lang=en\n");

    answers.add(
        Map.entry(
            400,
            "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047}}"));
    assertThatThrownBy(() -> whatsapp.send(message("inv-w2", customer, Channel.WHATSAPP, "en")))
        .isInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining("more than 24 hours")
        .hasMessageContaining("template");

    answers.add(
        Map.entry(401, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}"));
    assertThatThrownBy(() -> whatsapp.send(message("inv-w3", customer, Channel.WHATSAPP, "en")))
        .isNotInstanceOf(Sender.Undeliverable.class)
        .hasMessageContaining("Invalid OAuth access token");
  }

  @Test
  void eachChannelGoesToItsOwnSenderAndTheRestToTheDefault() {
    List<String> used = new ArrayList<>();
    ChannelSenders senders =
        new ChannelSenders(
            Map.of(Channel.TELEGRAM, m -> used.add("telegram " + m.invitationId())),
            m -> used.add("default " + m.invitationId()));

    senders.send(message("a", "C", Channel.TELEGRAM, "en"));
    senders.send(message("b", "C", Channel.EMAIL, "en"));
    senders.send(message("c", "C", Channel.WHATSAPP, "en"));

    assertThat(used).containsExactly("telegram a", "default b", "default c");
  }

  private String identity(Warehouse warehouse, String kind, String value) {
    String customer = run + "-" + kind;
    warehouse.execute(
        "INSERT INTO customer_identities VALUES ('%s:%s', '%s', '%s', 'test', '2026-05-01 00:00:00')"
            .formatted(kind, value, kind, customer));
    return customer;
  }

  private String url() {
    return "http://127.0.0.1:" + api.getAddress().getPort();
  }

  private static Sender.Message message(
      String id, String customer, Channel channel, String language) {
    return new Sender.Message(
        id,
        customer,
        channel,
        SurveyKind.CSAT,
        language,
        "https://s.test/s/tok?lang=" + language,
        Map.of(5, "https://s.test/s/tok?lang=" + language + "&score=5"));
  }
}
