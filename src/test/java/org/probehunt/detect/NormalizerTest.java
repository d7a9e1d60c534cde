package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

  @ParameterizedTest(name = "{0} -> {1} (unresolved {2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /index.html                          | /index.html          | /index.html
      /CGI-BIN//PHF                        | /cgi-bin/phf         | /cgi-bin/phf
      /%63gi-bin/phf                       | /cgi-bin/phf         | /cgi-bin/phf
      /a/./b/                              | /a/b                 | /a/./b
      /a/b/../c                            | /a/c                 | /a/b/../c
      /../../etc/passwd                    | /etc/passwd          | /../../etc/passwd
      /x/%2e%2e%2f%2e%2e%2fetc/passwd      | /etc/passwd          | /x/../../etc/passwd
      /x/%252e%252e%252fetc/passwd         | /etc/passwd          | /x/../etc/passwd
      /scripts/..%5c..%5cwinnt/cmd.exe     | /winnt/cmd.exe       | /scripts/../../winnt/cmd.exe
      /scripts/..\\..\\winnt/cmd.exe       | /winnt/cmd.exe       | /scripts/../../winnt/cmd.exe
      /scripts/..%c0%af../winnt/cmd.exe    | /winnt/cmd.exe       | /scripts/../../winnt/cmd.exe
      /scripts/..%c1%9c../winnt/cmd.exe    | /winnt/cmd.exe       | /scripts/../../winnt/cmd.exe
      /%u002e%u002e/secret                 | /secret              | /../secret
      /img/..;/web-inf/web.xml             | /web-inf/web.xml     | /img/../web-inf/web.xml
      /etc/passwd%00.png                   | /etc/passwd          | /etc/passwd
      /caf\\xc3\\xa9/menu                  | /café/menu           | /café/menu
      /caf%C3%A9/Menu                      | /café/menu           | /café/menu
      http://example.com/A/B               | /a/b                 | /a/b
      /                                    | /                    | /
      /a/b?x=../y                          | /a/b                 | /a/b
      """)
  void normalisesPaths(String target, String path, String unresolved) {
    Normalizer.Target n =
        Normalizer.target(Requests.of("GET " + target.replace("\\\\", "\\")).target());
    assertEquals(path, n.path(), "path");
    assertEquals(unresolved, n.unresolvedPath(), "unresolved path");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /s?q=a+b%20C                  | q=a b c
      /s?q=%2527                    | q='
      /s?q=%253Cscript%253E         | q=<script>
      /s?                           | ''
      """)
  void decodesQueries(String target, String query) {
    assertEquals(query, Normalizer.target(Requests.of("GET " + target).target()).query());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Mozilla/5.0 (X11)             | mozilla/5.0 (x11)
      %24%7Bjndi:ldap://x%7D        | ${jndi:ldap://x}
      %2524%257Bjndi%257D           | ${jndi}
      a+b                           | a+b
      \\x28\\x29 \\x7b              | () {
      100%                          | 100%
      """)
  void decodesHeaders(String userAgent, String expected) {
    String ua = userAgent.replace("\\\\", "\\");
    assertEquals(expected, Decoding.value(Requests.of("GET /", ua, null).userAgent(), false));
  }
}
