package org.sanjeh.devtools;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.core.survey.SurveyKind;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo's customers: answers a share of the invitations the survey service left in its outbox,
 * through the answer pages as a browser does (the page first, for its form token, then the score by
 * POST, then now and then a comment). Scores follow each ticket's SLA outcome (see {@link
 * DemoRespondents}). Waits when the service's rate limit says so.
 */
@Command(
    name = "answer-surveys",
    description =
        "Simulated customers answer a share of the invitations in the survey outbox, through the"
            + " answer pages (demo data).",
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class AnswerSurveysCommand implements Callable<Integer> {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/s/[A-Za-z0-9_.-]+");
  private static final Pattern FORM = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");
  private static final String INVITATIONS =
      "SELECT invitation_id, kind, language, breached FROM (SELECT invitation_id, kind, language,"
          + " ticket_id FROM survey_invitations FINAL) AS invited ANY LEFT JOIN (SELECT ticket_id,"
          + " max(fr_status = 'breached' OR nr_status = 'breached' OR res_status = 'breached') AS"
          + " breached FROM sla_tickets FINAL GROUP BY ticket_id) AS outcome USING (ticket_id)";

  @Option(
      names = "--outbox",
      paramLabel = "DIR",
      defaultValue = "var/survey/outbox",
      description = "The survey service's outbox (one file per invitation, named by its id).")
  Path outbox;

  @Option(
      names = "--share",
      paramLabel = "S",
      defaultValue = "0.6",
      description = "The share of invitations that get an answer.")
  double share;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "7",
      description = "The same seed gives the same answers.")
  long seed;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** An invitation as the warehouse has it. */
  record Invited(SurveyKind kind, String language, boolean breached) {}

  @Override
  public Integer call() throws Exception {
    Map<String, Invited> invited = invitations();
    Map<String, String> links = links(outbox);
    Tally tally = answerAll(links, invited, new Random(seed), share, this::answerPage);
    System.out.printf(
        "answered %d of %d invitations (%d with a comment)%s%s%n",
        tally.answers(),
        links.size(),
        tally.comments(),
        tally.unknown() == 0
            ? ""
            : "; " + tally.unknown() + " not in the warehouse yet, left unanswered",
        tally.failed() == 0
            ? ""
            : "; " + tally.failed() + " failed, the first: " + tally.firstFailure());
    // one refused page (an expired link, a changed page) does not stop the others; none at all
    // answered while some were tried means the service is not working
    return tally.answers() == 0 && tally.failed() > 0 ? Commands.FAILED : Commands.OK;
  }

  /** What answering did: answers given, comments among them, invitations skipped or failed. */
  record Tally(int answers, int comments, int unknown, int failed, String firstFailure) {}

  /** Answers one invitation's page: its score, then its comment if it has one. */
  @FunctionalInterface
  interface Respondent {
    void answer(String link, String language, DemoRespondents.Answer answer)
        throws IOException, InterruptedException;
  }

  /**
   * Answers {@code share} of the linked invitations the warehouse knows. An answer that fails is
   * counted with its reason and the next one is tried; a service that cannot be reached at all
   * ({@link ConnectException}) stops it.
   */
  static Tally answerAll(
      Map<String, String> links,
      Map<String, Invited> invited,
      Random random,
      double share,
      Respondent respondent)
      throws IOException, InterruptedException {
    int answers = 0;
    int comments = 0;
    int unknown = 0;
    int failed = 0;
    String firstFailure = null;
    for (Map.Entry<String, String> link : links.entrySet()) {
      if (random.nextDouble() >= share) {
        continue;
      }
      Invited invitation = invited.get(link.getKey());
      if (invitation == null) {
        unknown++; // not in the warehouse yet: the service writes invitations in batches
        continue;
      }
      DemoRespondents.Answer answer =
          DemoRespondents.answer(
              invitation.kind(), invitation.breached(), invitation.language(), random);
      try {
        respondent.answer(link.getValue(), invitation.language(), answer);
      } catch (ConnectException down) {
        throw down;
      } catch (IOException | IllegalStateException e) {
        failed++;
        if (firstFailure == null) {
          firstFailure = "invitation " + link.getKey() + ": " + e.getMessage();
        }
        continue;
      }
      answers++;
      if (answer.hasComment()) {
        comments++;
      }
    }
    return new Tally(answers, comments, unknown, failed, firstFailure);
  }

  private void answerPage(String link, String language, DemoRespondents.Answer answer)
      throws IOException, InterruptedException {
    String thanks = answer(link, language, answer);
    if (answer.hasComment()) {
      comment(link, language, answer, formToken(thanks));
    }
  }

  private Map<String, Invited> invitations() {
    Warehouse warehouse = Warehouse.connect(WarehouseConfig.fromEnvironment(System.getenv()));
    return warehouse
        .query(
            INVITATIONS,
            row ->
                Map.entry(
                    row.getString(1),
                    new Invited(
                        SurveyKind.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
                        row.getString(3),
                        row.getInt(4) == 1)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
  }

  /** Invitation id → its answer page, from the outbox's messages (e-mail or chat). */
  static Map<String, String> links(Path outbox) throws IOException {
    Map<String, String> links = new TreeMap<>();
    if (!Files.isDirectory(outbox)) {
      throw new IllegalArgumentException(
          "no survey outbox at "
              + outbox
              + ": start the survey service first (sanjeh survey start)");
    }
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        Matcher link = LINK.matcher(Files.readString(file));
        if (name.contains(".") && link.find()) {
          links.putIfAbsent(name.substring(0, name.lastIndexOf('.')), link.group());
        }
      }
    }
    return links;
  }

  private String answer(String link, String language, DemoRespondents.Answer answer)
      throws IOException, InterruptedException {
    String page = send(HttpRequest.newBuilder(URI.create(link + "?lang=" + language)).GET());
    return post(
        link,
        List.of(
            "lang", language, "score", Integer.toString(answer.score()), "form", formToken(page)));
  }

  private void comment(String link, String language, DemoRespondents.Answer answer, String form)
      throws IOException, InterruptedException {
    List<String> fields =
        new ArrayList<>(
            List.of(
                "lang",
                language,
                "score",
                Integer.toString(answer.score()),
                "form",
                form,
                "step",
                "comment",
                "comment",
                answer.comment()));
    answer.reasons().forEach(reason -> fields.addAll(List.of("reasons", reason)));
    post(link, fields);
  }

  private String post(String link, List<String> fields) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.size(); i += 2) {
      body.append(i == 0 ? "" : "&")
          .append(fields.get(i))
          .append('=')
          .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
    }
    return send(
        HttpRequest.newBuilder(URI.create(link))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Sends, waiting as long as a 429's Retry-After says (the answer pages are rate limited). */
  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 30; attempt++) {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        Optional<String> wait = response.headers().firstValue("Retry-After");
        Thread.sleep(1000L * wait.map(Long::parseLong).orElse(5L));
        continue;
      }
      if (response.statusCode() / 100 != 2) {
        // not the link itself: it is the customer's signed credential
        throw new IOException(
            "the survey service answered "
                + response.statusCode()
                + " to a "
                + response.request().method()
                + " of an answer page: see var/survey.log");
      }
      return response.body();
    }
    throw new IOException("the survey service kept refusing (429) for minutes: is it overloaded?");
  }

  static String formToken(String page) {
    Matcher form = FORM.matcher(page);
    if (!form.find()) {
      throw new IllegalStateException("the answer page has no form token: has the page changed?");
    }
    return form.group(1);
  }
}
