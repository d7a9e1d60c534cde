package org.probehunt.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** report.html's fixed parts: its style, its one script, and the policy that allows only them. */
final class HtmlPage {
  static final String STYLE =
      """
      :root{color-scheme:light;--ink:#1d2430;--muted:#5b6574;--line:#d9dee6;--accent:#b4441c;\
      --soft:#f4f6f9}
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",\
      "Yu Gothic",sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:24px 28px 48px}
      h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 8px;padding-bottom:4px;\
      border-bottom:2px solid var(--line)}
      p.sub,p.note,footer{color:var(--muted);margin:2px 0 8px}footer{margin-top:40px;font-size:13px}
      dl.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;\
      margin:12px 0}
      dl.counts div{background:var(--soft);border:1px solid var(--line);border-radius:6px;\
      padding:8px 12px}
      dl.counts dt{font-size:13px;color:var(--muted)}dl.counts dd{margin:0;font-size:22px;\
      font-weight:600;overflow-wrap:anywhere}dl.counts dd.long{font-size:12px;font-family:monospace}dl.counts dd.key{font-size:11px;font-weight:400;\
      color:var(--muted)}
      .chart{width:100%;height:auto;max-width:900px;display:block}
      .chart .bar{fill:var(--accent)}.chart .grid{stroke:var(--line)}.chart .frame{fill:none;\
      stroke:var(--line)}.chart text{font-size:12px;fill:var(--muted)}
      .pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:8px 32px}
      table{border-collapse:collapse;margin:8px 0;font-size:14px}
      th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;\
      vertical-align:top}
      thead th,thead td{background:var(--soft);position:sticky;top:0}
      table#hosts{width:100%;font-size:13px}table#hosts td,table#hosts th{padding:4px 6px}td.time{min-width:10ch}td.host{min-width:20ch;\
      max-width:40ch;overflow-wrap:anywhere}td.list{min-width:18ch;overflow-wrap:anywhere}\
      td.id{white-space:nowrap}td.contact{min-width:14ch;overflow-wrap:anywhere}\
      div.wide{overflow-x:auto}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.text{overflow-wrap:anywhere;max-width:520px}
      .meter{display:inline-block;width:90px;height:9px;background:var(--soft);\
      border:1px solid var(--line)}.meter span{display:block;height:100%;background:var(--accent)}
      details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
      th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;\
      color:inherit;text-align:inherit}
      th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] \
      button::after{content:" \\25BC"}
      label.filter{display:block;margin:8px 0}label.filter input{font:inherit;padding:3px 6px;\
      width:280px}
      """;

  /** Sorts the hosts table by a heading and filters it by text; the table reads without it. */
  static final String SCRIPT =
      """
      (function () {
        var table = document.getElementById('hosts');
        if (!table) { return; }
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var label = document.createElement('label');
        label.className = 'filter';
        label.textContent = table.getAttribute('data-filter') + ' ';
        var input = document.createElement('input');
        input.type = 'search';
        label.appendChild(input);
        table.parentNode.insertBefore(label, table);
        input.addEventListener('input', function () {
          var q = input.value.toLowerCase();
          rows.forEach(function (r) {
            r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
          });
        });
        var heads = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (th, col) {
          var button = document.createElement('button');
          button.type = 'button';
          while (th.firstChild) { button.appendChild(th.firstChild); }
          th.appendChild(button);
          button.addEventListener('click', function () {
            var up = th.getAttribute('aria-sort') !== 'ascending';
            var num = th.classList.contains('num');
            Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
            rows.sort(function (a, b) {
              var x = a.cells[col].textContent, y = b.cells[col].textContent;
              var d = num ? parseFloat(x.replace(/,/g, '')) - parseFloat(y.replace(/,/g, ''))
                  : x.localeCompare(y);
              return up ? d : -d;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          });
        });
      })();
      """;

  /**
   * Nothing may be fetched, and only this page's own script may run: were a log's text ever to slip
   * through unescaped, the browser would still refuse it.
   */
  static final String POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
          + sha256(SCRIPT)
          + "'; base-uri 'none'; form-action 'none'";

  private HtmlPage() {}

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
