package org.probehunt.detect;

/** Whole-word search, used for {@code segment} rules on fields that are not paths. */
final class Words {

  private Words() {}

  /**
   * Whether {@code word} occurs in {@code value} with no letter or digit right before or after it;
   * an edge of the word that is itself not a letter or digit needs no such boundary.
   */
  static boolean contains(String value, String word) {
    boolean checkBefore = Character.isLetterOrDigit(word.charAt(0));
    boolean checkAfter = Character.isLetterOrDigit(word.charAt(word.length() - 1));
    for (int at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + 1)) {
      int end = at + word.length();
      boolean startOk = !checkBefore || at == 0 || !Character.isLetterOrDigit(value.charAt(at - 1));
      boolean endOk =
          !checkAfter || end == value.length() || !Character.isLetterOrDigit(value.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }
}
