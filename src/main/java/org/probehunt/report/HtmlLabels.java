package org.probehunt.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.html's words in English and Japanese. */
public final class HtmlLabels {
  /** The languages report.html is written in. */
  public static final List<String> LANGUAGES = List.of("en", "ja");

  private static final Map<String, String> EN =
      Map.ofEntries(
          Map.entry("title", "probehunt report"),
          Map.entry("period", "Flagged hosts' requests from %s to %s"),
          Map.entry("no-period", "No host was flagged."),
          Map.entry("server", "Server: %s"),
          Map.entry("counts", "The run in numbers"),
          Map.entry("counts-note", "The counts of summary.json, with its keys."),
          Map.entry("inputs", "Inputs read"),
          Map.entry("skipped_inputs", "Inputs skipped"),
          Map.entry("damaged_inputs", "Damaged inputs"),
          Map.entry("lines", "Lines"),
          Map.entry("parsed", "Requests"),
          Map.entry("rejected", "Lines that are not requests"),
          Map.entry("flagged_hosts", "Flagged hosts"),
          Map.entry("probes", "Probes"),
          Map.entry("requests", "Requests of flagged hosts"),
          Map.entry("campaigns", "Campaigns"),
          Map.entry("contacts", "Contacts"),
          Map.entry("notices", "Notice drafts"),
          Map.entry("version", "probehunt version"),
          Map.entry("rules_digest", "Rule set (SHA-256)"),
          Map.entry("research_hosts", "Research scanners"),
          Map.entry("again_hosts", "Reported before, probing again"),
          Map.entry("known_hosts", "Reported before, quiet since"),
          Map.entry("other", "Directive and other loggers' lines"),
          Map.entry("per-day", "Probes per day"),
          Map.entry("chart", "Bar chart of probes per day, %s to %s; most on %s: %s"),
          Map.entry("chart-empty", "No probes"),
          Map.entry("per-day-numbers", "Probes per day as numbers"),
          Map.entry("day", "Day"),
          Map.entry("rules", "Top rules"),
          Map.entry("rules-note", "A request may match several rules."),
          Map.entry("rule", "Rule"),
          Map.entry("categories", "Top categories"),
          Map.entry("category", "Category"),
          Map.entry("paths", "Most probed paths"),
          Map.entry("path", "Path"),
          Map.entry("agents", "User agents of the probes"),
          Map.entry("agent", "User agent"),
          Map.entry("campaign", "Campaign"),
          Map.entry("campaigns-note", "The %,d of %,d campaigns with most hosts; all are in %s."),
          Map.entry("some-hosts", "Hosts (first %,d by name)"),
          Map.entry("networks", "Top networks"),
          Map.entry("network", "Network"),
          Map.entry("holder", "Holder"),
          Map.entry("contacts-top", "Top contacts"),
          Map.entry("contact", "Contact"),
          Map.entry("country", "Country"),
          Map.entry("hosts", "Hosts"),
          Map.entry("none", "None."),
          Map.entry("hosts-title", "Flagged hosts"),
          Map.entry("hosts-all", "All %,d flagged hosts, by probes; the same hosts are in %s."),
          Map.entry(
              "hosts-cap",
              "%,d hosts were flagged; the %,d with most probes are shown here. All of them are in"
                  + " %s."),
          Map.entry("host", "Host"),
          Map.entry("rules-col", "Rules"),
          Map.entry("requests-col", "Requests"),
          Map.entry("first-seen", "First seen"),
          Map.entry("last-seen", "Last seen"),
          Map.entry("actor", "Research scanner"),
          Map.entry("filter", "Filter hosts"),
          Map.entry("sort-note", "Select a column heading to sort by it."),
          Map.entry(
              "footer", "Written by probehunt %s from the same tables as the CSV files beside it."),
          Map.entry("top-note", "Top %,d."));

  private static final Map<String, String> JA =
      Map.ofEntries(
          Map.entry("title", "probehunt レポート"),
          Map.entry("period", "検出ホストのリクエスト: %s 〜 %s"),
          Map.entry("no-period", "検出されたホストはありません。"),
          Map.entry("server", "サーバ: %s"),
          Map.entry("counts", "集計"),
          Map.entry("counts-note", "summary.json の値です（キー付き）。"),
          Map.entry("inputs", "読み込んだ入力"),
          Map.entry("skipped_inputs", "読み飛ばした入力"),
          Map.entry("damaged_inputs", "破損した入力"),
          Map.entry("lines", "行数"),
          Map.entry("parsed", "リクエスト"),
          Map.entry("rejected", "リクエストでない行"),
          Map.entry("flagged_hosts", "検出ホスト"),
          Map.entry("probes", "プローブ"),
          Map.entry("requests", "検出ホストのリクエスト"),
          Map.entry("campaigns", "キャンペーン"),
          Map.entry("contacts", "連絡先"),
          Map.entry("notices", "通知の下書き"),
          Map.entry("version", "probehunt のバージョン"),
          Map.entry("rules_digest", "ルールセット (SHA-256)"),
          Map.entry("research_hosts", "調査目的のスキャナ"),
          Map.entry("again_hosts", "通知済みで再びプローブしたホスト"),
          Map.entry("known_hosts", "通知済みでその後動きのないホスト"),
          Map.entry("other", "ディレクティブ行と他のロガーの行"),
          Map.entry("per-day", "日ごとのプローブ数"),
          Map.entry("chart", "日ごとのプローブ数の棒グラフ（%s 〜 %s）。最多は %s の %s 件"),
          Map.entry("chart-empty", "プローブはありません"),
          Map.entry("per-day-numbers", "日ごとのプローブ数（数値）"),
          Map.entry("day", "日付"),
          Map.entry("rules", "上位のルール"),
          Map.entry("rules-note", "1 つのリクエストが複数のルールに該当することがあります。"),
          Map.entry("rule", "ルール"),
          Map.entry("categories", "上位のカテゴリ"),
          Map.entry("category", "カテゴリ"),
          Map.entry("paths", "よく狙われたパス"),
          Map.entry("path", "パス"),
          Map.entry("agents", "プローブのユーザーエージェント"),
          Map.entry("agent", "ユーザーエージェント"),
          Map.entry("campaign", "キャンペーン"),
          Map.entry("campaigns-note", "ホスト数の多い %,d 件（全 %,d 件）。全件は %s にあります。"),
          Map.entry("some-hosts", "ホスト（名前順に最初の %,d 件）"),
          Map.entry("networks", "上位のネットワーク"),
          Map.entry("network", "ネットワーク"),
          Map.entry("holder", "保有者"),
          Map.entry("contacts-top", "上位の連絡先"),
          Map.entry("contact", "連絡先"),
          Map.entry("country", "国"),
          Map.entry("hosts", "ホスト数"),
          Map.entry("none", "ありません。"),
          Map.entry("hosts-title", "検出ホスト"),
          Map.entry("hosts-all", "検出ホスト全 %,d 件（プローブ数順）。同じホストが %s にあります。"),
          Map.entry("hosts-cap", "検出ホストは %,d 件です。プローブの多い %,d 件を表示しています。全件は %s にあります。"),
          Map.entry("host", "ホスト"),
          Map.entry("rules-col", "ルール"),
          Map.entry("requests-col", "リクエスト"),
          Map.entry("first-seen", "最初の記録"),
          Map.entry("last-seen", "最後の記録"),
          Map.entry("actor", "調査スキャナ"),
          Map.entry("filter", "ホストの絞り込み"),
          Map.entry("sort-note", "列見出しを選ぶとその列で並べ替えます。"),
          Map.entry("footer", "probehunt %s が、同じフォルダの CSV ファイルと同じ表から作成しました。"),
          Map.entry("top-note", "上位 %,d 件。"));

  private final String language;
  private final Map<String, String> words;

  private HtmlLabels(String language, Map<String, String> words) {
    this.language = language;
    this.words = words;
  }

  /** The labels of {@code language}, "en" or "ja". */
  public static HtmlLabels of(String language) {
    return switch (String.valueOf(language)) {
      case "en" -> new HtmlLabels("en", EN);
      case "ja" -> new HtmlLabels("ja", JA);
      default ->
          throw new IllegalArgumentException(
              "report language must be en or ja, not '" + Texts.printable(language) + "'");
    };
  }

  /** Japanese when the JVM's default locale is Japanese, else English. */
  public static String defaultLanguage() {
    return Locale.getDefault().getLanguage().equals("ja") ? "ja" : "en";
  }

  public String language() {
    return language;
  }

  /** The label, formatted with {@code args}; a key without label (a new summary key) as itself. */
  public String get(String key, Object... args) {
    String word = words.getOrDefault(key, key);
    return args.length == 0 ? word : String.format(Locale.ROOT, word, args);
  }

  /** Whether {@code key} has a label. */
  public boolean has(String key) {
    return words.containsKey(key);
  }
}
