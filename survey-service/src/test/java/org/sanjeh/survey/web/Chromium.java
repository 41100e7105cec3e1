package org.sanjeh.survey.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket), for what the command
 * line cannot do: press keys, tap at a point, read the page's state between steps.
 */
final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private final Path profile;

  private Chromium(Process process, WebSocket socket, Path profile) {
    this.process = process;
    this.socket = socket;
    this.profile = profile;
  }

  /** A browser with one page of a phone's size. */
  static Chromium start(Path binary, int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("chromium-cdp-");
    Process process =
        new ProcessBuilder(
                command(binary, profile, width, height, "--remote-debugging-port=0", "about:blank"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String browserUrl = devToolsUrl(process);
    URI http = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
    HttpClient client = HttpClient.newHttpClient();
    String pageSocket = null;
    for (JsonNode target :
        JSON.readTree(
            client
                .send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString())
                .body())) {
      if ("page".equals(target.path("type").asText())) {
        pageSocket = target.get("webSocketDebuggerUrl").asText();
      }
    }
    if (pageSocket == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium opened no page: " + http);
    }
    Chromium[] self = new Chromium[1];
    WebSocket socket =
        client
            .newWebSocketBuilder()
            .buildAsync(URI.create(pageSocket), new Listener(() -> self[0]))
            .get(30, TimeUnit.SECONDS);
    self[0] = new Chromium(process, socket, profile);
    return self[0];
  }

  /** The command line of a headless Chromium of the given window size, then {@code extra}. */
  static List<String> command(Path binary, Path profile, int width, int height, String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height));
    command.addAll(List.of(extra));
    return command;
  }

  private static String devToolsUrl(Process process) throws Exception {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (java.io.IOException ignored) {
                // the browser closed
              }
              url.completeExceptionally(new IllegalStateException("Chromium printed no URL"));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return url.get(60, TimeUnit.SECONDS);
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode reply = answer.get(30, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.path("result");
  }

  void open(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
    awaitTrue("document.readyState === 'complete' && location.href !== 'about:blank'");
  }

  /** The value of a JavaScript expression in the page. */
  JsonNode evaluate(String expression) throws Exception {
    return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
        .path("result")
        .path("value");
  }

  /** Waits (up to 10 s) until the expression is true in the page, across navigations. */
  void awaitTrue(String expression) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (evaluate("!!(" + expression + ")").asBoolean()) {
          return;
        }
      } catch (IllegalStateException navigating) {
        // the page is being replaced: ask again
      }
      Thread.sleep(100);
    }
    throw new AssertionError("never true in the page: " + expression);
  }

  void press(String key, int keyCode) throws Exception {
    for (String type : new String[] {"rawKeyDown", "keyUp"}) {
      call(
          "Input.dispatchKeyEvent",
          Map.of("type", type, "key", key, "code", key, "windowsVirtualKeyCode", keyCode));
    }
  }

  /** Enter, with the character it types, as a keyboard sends it (activates a focused button). */
  void pressEnter() throws Exception {
    call(
        "Input.dispatchKeyEvent",
        Map.of(
            "type",
            "keyDown",
            "key",
            "Enter",
            "code",
            "Enter",
            "windowsVirtualKeyCode",
            13,
            "text",
            "\r"));
    call(
        "Input.dispatchKeyEvent",
        Map.of("type", "keyUp", "key", "Enter", "code", "Enter", "windowsVirtualKeyCode", 13));
  }

  /** A tap (mouse press and release) at the centre of the element the selector finds. */
  void tap(String selector) throws Exception {
    JsonNode centre =
        evaluate(
            "(() => { const r = document.querySelector('"
                + selector
                + "').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");
    for (String type : new String[] {"mousePressed", "mouseReleased"}) {
      call(
          "Input.dispatchMouseEvent",
          Map.of(
              "type",
              type,
              "x",
              centre.get(0).asDouble(),
              "y",
              centre.get(1).asDouble(),
              "button",
              "left",
              "clickCount",
              1));
    }
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    List<ProcessHandle> helpers = process.descendants().toList(); // renderer, GPU, zygote
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
      helper.onExit().get(10, TimeUnit.SECONDS);
    }
    deleteProfile(profile);
  }

  /**
   * Removes a browser profile folder (a few megabytes each) after the browser has gone; best
   * effort, since a helper process may still be writing into it when the browser exits.
   */
  static void deleteProfile(Path profile) {
    try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (java.io.IOException leftBehind) {
      // a temporary folder: the system's cleaner takes what is left
    }
  }

  /** Collects each text message (possibly in parts) and completes the call it answers. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Supplier<Chromium> owner;
    private final StringBuilder text = new StringBuilder();

    Listener(java.util.function.Supplier<Chromium> owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          Chromium chromium = owner.get();
          if (message.has("id") && chromium != null) {
            CompletableFuture<JsonNode> call = chromium.pending.remove(message.get("id").asInt());
            if (call != null) {
              call.complete(message);
            }
          }
        } catch (java.io.IOException e) {
          // not JSON: DevTools only sends JSON, so nothing to answer
        }
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
