package org.probehunt.detect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of one field, grouped by match kind so a value is checked with few comparisons. */
final class FieldMatcher {

  private record Text(String text, int rule) {}

  private final boolean path;
  private final Map<String, int[]> exact = new HashMap<>();
  private final Map<String, List<Text>> segmentsByFirst = new HashMap<>();
  private final List<Text> wordList = new ArrayList<>();
  private final List<Text> prefixList = new ArrayList<>();
  private final List<Text> suffixList = new ArrayList<>();
  private final List<RuleRegex> regexList = new ArrayList<>();
  // Open-addressing table from a first segment's hash to the patterns starting with it: the hot
  // loop hashes each path segment in place, with no substring or HashMap lookup per segment.
  private int[] segmentHashes = new int[0];
  private Text[][] segmentGroups = new Text[0][];
  private Text[] words;
  private Text[] prefixes;
  private Text[] suffixes;
  // Suffix patterns by their last character (ASCII; others in slot 0): a value is compared only
  // with the suffixes that end as it does.
  private Text[][] suffixesByLast = new Text[128][];
  private RuleRegex[] regexes;
  private final Map<String, List<Text>> containsByHead = new LinkedHashMap<>();
  private String[] heads = new String[0];
  private int[] headMinLengths = new int[0];
  private final List<String> starts = new ArrayList<>();
  private boolean allAnchored = true;
  private Text[][] headGroups = new Text[0][];

  FieldMatcher(RequestPart field) {
    this.path = Patterns.pathField(field);
  }

  void add(Rule rule, int index) {
    for (String p : rule.patterns()) {
      add(rule.kind(), p, index);
    }
  }

  private void add(MatchKind kind, String p, int index) {
    String start =
        switch (kind) {
          case EXACT, PREFIX -> p;
          case REGEX -> p.startsWith("^") ? Patterns.literalHint(p) : "";
          default -> "";
        };
    if (start.isEmpty()) {
      allAnchored = false;
    } else {
      starts.add(start);
    }
    switch (kind) {
      case EXACT -> exact.merge(p, new int[] {index}, FieldMatcher::concat);
      case SEGMENT -> {
        if (path) {
          int slash = p.indexOf('/');
          String first = slash < 0 ? p : p.substring(0, slash);
          segmentsByFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(new Text(p, index));
        } else {
          wordList.add(new Text(p, index));
        }
      }
      case PREFIX -> prefixList.add(new Text(p, index));
      case SUFFIX -> suffixList.add(new Text(p, index));
      case CONTAINS ->
          containsByHead
              .computeIfAbsent(p.substring(0, Math.min(2, p.length())), k -> new ArrayList<>())
              .add(new Text(p, index));
      case REGEX ->
          regexList.add(
              new RuleRegex(
                  Patterns.compile(p),
                  Patterns.literalHint(p),
                  RequiredLiterals.of(p).toArray(new String[0]),
                  LiteralClauses.of(p).stream()
                      .map(c -> c.toArray(new LiteralClauses.Need[0]))
                      .toArray(LiteralClauses.Need[][]::new),
                  index));
    }
  }

  /**
   * The literal texts that every value this matcher can match starts with, one of them per pattern;
   * null when some pattern can match anywhere in the value.
   */
  String[] anchoredStarts() {
    return allAnchored ? starts.toArray(new String[0]) : null;
  }

  /** Makes the grouped patterns into arrays for the hot loop; call once all rules are added. */
  FieldMatcher freeze() {
    int size = Integer.highestOneBit(Math.max(4, segmentsByFirst.size() * 4) - 1) << 1;
    segmentHashes = new int[size];
    segmentGroups = new Text[size][];
    segmentsByFirst.forEach(
        (first, texts) -> {
          int slot = first.hashCode() & (size - 1);
          while (segmentGroups[slot] != null) {
            slot = (slot + 1) & (size - 1);
          }
          segmentHashes[slot] = first.hashCode();
          segmentGroups[slot] = texts.toArray(new Text[0]);
        });
    words = wordList.toArray(new Text[0]);
    prefixes = prefixList.toArray(new Text[0]);
    suffixes = suffixList.toArray(new Text[0]);
    Map<Integer, List<Text>> byLast = new HashMap<>();
    for (Text t : suffixes) {
      char last = t.text().charAt(t.text().length() - 1);
      byLast.computeIfAbsent(last < 128 ? (int) last : 0, k -> new ArrayList<>()).add(t);
    }
    byLast.forEach((last, texts) -> suffixesByLast[last] = texts.toArray(new Text[0]));
    regexes = regexList.toArray(new RuleRegex[0]);
    heads = containsByHead.keySet().toArray(new String[0]);
    headGroups =
        containsByHead.values().stream().map(l -> l.toArray(new Text[0])).toArray(Text[][]::new);
    headMinLengths = new int[headGroups.length];
    for (int h = 0; h < headGroups.length; h++) {
      int min = Integer.MAX_VALUE;
      for (Text t : headGroups[h]) {
        min = Math.min(min, t.text().length());
      }
      headMinLengths[h] = min;
    }
    return this;
  }

  void match(String value, BitSet hits) {
    if (value == null) {
      return;
    }
    if (!exact.isEmpty()) {
      int[] rules = exact.get(value);
      if (rules != null) {
        for (int rule : rules) {
          hits.set(rule);
        }
      }
    }
    if (!segmentsByFirst.isEmpty()) {
      segments(value, hits);
    }
    for (Text t : words) {
      if (Words.contains(value, t.text())) {
        hits.set(t.rule());
      }
    }
    for (Text t : prefixes) {
      if (value.startsWith(t.text())) {
        hits.set(t.rule());
      }
    }
    if (suffixes.length > 0 && !value.isEmpty()) {
      char last = value.charAt(value.length() - 1);
      Text[] candidates = suffixesByLast[last < 128 ? last : 0];
      if (candidates != null) {
        for (Text t : candidates) {
          if (value.endsWith(t.text())) {
            hits.set(t.rule());
          }
        }
      }
    }
    for (int h = 0; h < heads.length; h++) {
      // Patterns sharing their first two characters (log4shell's many "${" forms) cost one search.
      if (value.length() >= headMinLengths[h] && value.contains(heads[h])) {
        for (Text t : headGroups[h]) {
          if (value.contains(t.text())) {
            hits.set(t.rule());
          }
        }
      }
    }
    for (RuleRegex r : regexes) {
      int from = r.hint().isEmpty() ? 0 : value.indexOf(r.hint());
      if (from >= 0 && r.mayMatch(value) && r.pattern().matcher(value).find(from)) {
        hits.set(r.rule());
      }
    }
  }

  /** Looks each path segment up once, then checks the following segments of longer patterns. */
  private void segments(String value, BitSet hits) {
    int mask = segmentGroups.length - 1;
    int n = value.length();
    int start = 0;
    int hash = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? value.charAt(i) : '/';
      if (c != '/') {
        hash = 31 * hash + c; // String.hashCode of the segment, computed in passing
        continue;
      }
      if (i > start) {
        for (int slot = hash & mask; segmentGroups[slot] != null; slot = (slot + 1) & mask) {
          if (segmentHashes[slot] == hash) {
            for (Text t : segmentGroups[slot]) {
              int end = start + t.text().length();
              if (value.startsWith(t.text(), start) && (end == n || value.charAt(end) == '/')) {
                hits.set(t.rule());
              }
            }
          }
        }
      }
      start = i + 1;
      hash = 0;
    }
  }

  private static int[] concat(int[] a, int[] b) {
    int[] both = new int[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
