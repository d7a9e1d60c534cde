package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternsTest {

  @ParameterizedTest(name = "{0} -> ''{1}''")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
      /count\\.cgi\\?[^ ]{200,}   ; /count.cgi?
      ^/Admin/x                   ; /admin/x
      \\.php(?:\\.bak|~)$         ; .php
      ab|cd                       ; ''
      [|]ab                       ; ''
      a\\|b                       ; a|b
      \\.php(?:\\.bak)?$          ; .php
      wp-config\\.php[^/]*$       ; wp-config.php
      abc*                        ; ab
      abc+d                       ; abc
      \\d+x                       ; ''
      (?i)x                       ; ''
      (?:^|&)phpinfo=             ; ''
      [\\s\\v]+x                  ; ''
      \\x{ad}x                    ; ''
      """)
  void findsTheLiteralEveryMatchStartsWith(String regex, String hint) {
    assertEquals(hint, Patterns.literalHint(regex.replace("\\\\", "\\")));
  }
}
