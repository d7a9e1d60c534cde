package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The actors file: its format, its errors, and how hosts are recognised by it. */
class ActorsTest {
  private static final String CENSYS_AGENT =
      "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)";

  private static Actors load(String text) throws ContactException {
    return Actors.load(new StringReader(text), "my-actors.csv");
  }

  private static Optional<String> actorOf(Actors actors, List<String> agents, String name) {
    return actors.recognise(agents, name).map(Actor::name);
  }

  @Test
  void theBuiltInListKnowsTheBigSurveysByAgentAndByName() {
    Actors actors = Actors.defaults();
    assertEquals(Optional.of("Censys"), actorOf(actors, List.of("-", CENSYS_AGENT), null));
    assertEquals(Optional.of("Shodan"), actorOf(actors, List.of(), "census7.shodan.io"));
    assertEquals(Optional.of("Shodan"), actorOf(actors, List.of(), "Census7.Shodan.IO."));
    assertEquals(
        Optional.of("Shadowserver"), actorOf(actors, List.of(), "scan-12.shadowserver.org"));
    assertEquals(Optional.of("Stretchoid"), actorOf(actors, List.of(), "zg-1.stretchoid.com"));
    assertEquals(
        Optional.of("Palo Alto Cortex Xpanse"),
        actorOf(
            actors,
            List.of("Expanse, a Palo Alto Networks company, searches across the global IPv4 space"),
            null));
    assertEquals(
        Optional.of("Internet-Measurement"),
        actorOf(
            actors,
            List.of(
                "Mozilla/5.0 (compatible; InternetMeasurement/1.0;"
                    + " +https://internet-measurement.com/)"),
            null));
  }

  @Test
  void aHostIsTheActorOfTheFirstSignItsAgentsOrNameMatch() throws ContactException {
    Actors actors =
        load("Campus,rdns,scan.example-university.edu,https://scan.example-university.edu/\n"
                + "Survey,agent,surveybot,https://survey.example/\n")
            .then(Actors.defaults());
    int survey = actors.agentSign("Mozilla/5.0 SurveyBot/2");
    int campus = actors.nameSign("host7.scan.example-university.edu");
    int censys = actors.agentSign(CENSYS_AGENT);
    assertTrue(campus < survey && survey < censys, campus + " " + survey + " " + censys);
    assertEquals(Integer.MAX_VALUE, actors.agentSign("curl/8.5.0"));
    assertEquals(Integer.MAX_VALUE, actors.nameSign(null));
    assertEquals(Optional.empty(), actors.actorAt(Integer.MAX_VALUE));
    // The least place over agents and name is what recognise gives, whatever the order of agents.
    assertEquals(
        Optional.of("Campus"),
        actorOf(actors, List.of(CENSYS_AGENT, "SurveyBot"), "a.scan.example-university.edu"));
    assertEquals(Optional.of("Survey"), actorOf(actors, List.of(CENSYS_AGENT, "SurveyBot"), null));
    assertEquals(Optional.of("Survey"), actors.actorAt(Math.min(censys, survey)).map(Actor::name));
  }

  @Test
  void ordinaryScannersAndLookAlikeNamesAreNoActor() {
    Actors actors = Actors.defaults();
    assertEquals(Optional.empty(), actorOf(actors, List.of("Mozilla/5.0 zgrab/0.x", ""), null));
    assertEquals(Optional.empty(), actorOf(actors, List.of(), "notshodan.io"));
    assertEquals(Optional.empty(), actorOf(actors, List.of(), "shodan.io.evil.example"));
    assertEquals(Optional.empty(), actorOf(actors, List.of(), "11.0.0.1"));
  }

  @Test
  void aUsersLinesAreTriedBeforeTheBuiltInOnes() throws ContactException {
    Actors mine =
        load(
            "# our own survey, and Censys by another name\n"
                + "\n"
                + "Campus Survey,agent,CampusSurveyBot,https://survey.example.ac.jp/about\n"
                + "Censys Research,agent,censysinspect,https://about.censys.io/\n"
                + "Campus Survey,rdns,.scan.example.ac.jp,https://survey.example.ac.jp/about\n");
    Actors actors = mine.then(Actors.defaults());
    assertEquals(3, mine.size());
    assertEquals(
        Optional.of("Campus Survey"), actorOf(actors, List.of("CampusSurveyBot/2.0"), null));
    assertEquals(Optional.of("Campus Survey"), actorOf(actors, List.of(), "a1.scan.example.ac.jp"));
    assertEquals(Optional.of("Censys Research"), actorOf(actors, List.of(CENSYS_AGENT), null));
    assertEquals(Optional.of("Shodan"), actorOf(actors, List.of(), "census1.shodan.io"));
    assertEquals(
        "https://survey.example.ac.jp/about",
        actors.recognise(List.of("CampusSurveyBot"), null).orElseThrow().url());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Censys,agent,CensysInspect                          | 3: expected 4 columns",
        "Censys,ua,CensysInspect,https://about.censys.io/    | 3: expected agent or rdns",
        "Censys,agent,bot,https://about.censys.io/           | 3: bad user-agent text 'bot'",
        "Censys,rdns,censys,https://about.censys.io/         | 3: bad domain 'censys'",
        "Censys,rdns,1.2.3.4,https://about.censys.io/        | 3: bad domain '1.2.3.4'",
        "Censys,agent,CensysInspect,about.censys.io          | 3: bad url 'about.censys.io'",
        "Censys,agent,CensysInspect,javascript:alert(1)      | 3: bad url",
        "=HYPERLINK(1),agent,CensysInspect,https://a.example/ | 3: bad name '=HYPERLINK(1)'",
        "\"Censys\",\"agent,CensysInspect,https://a.example/ | 3: bad CSV",
      })
  void aBadLineIsAnErrorNamingFileAndLine(String line, String expected) {
    ContactException e =
        assertThrows(
            ContactException.class,
            () ->
                load(
                    "# name,how,text,url\n"
                        + "Campus Survey,agent,CampusSurveyBot,https://survey.example.ac.jp/\n"
                        + line
                        + "\n"));
    assertTrue(
        e.getMessage().startsWith("my-actors.csv:" + expected), "message: " + e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
  }

  @Test
  void aControlCharacterInAnAgentTextIsRefusedAndShownEscaped() {
    ContactException e =
        assertThrows(
            ContactException.class, () -> load("Lab,agent,Lab\u0007Bot,https://lab.example/\n"));
    assertEquals(
        "my-actors.csv:1: bad user-agent text 'Lab\\x07Bot' (printable, at least 4 characters)",
        e.getMessage());
  }
}
