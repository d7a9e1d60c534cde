package org.probehunt.contact;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probehunt.parse.AddressRange;

/** Reads the {@code --contacts} CSV, one row per line so that errors can name the line. */
final class ContactFile {
  private static final Set<String> HEADER_WORDS =
      Set.of("cidr", "domain", "network", "target", "cidr_or_domain", "cidr/domain", "block");

  private ContactFile() {}

  static ContactBook read(Reader reader, String source) throws ContactException {
    Map<String, List<String>> addresses = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AddressRange> cidrs = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int lineNo = 0;
    boolean first = true;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        String text = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (text.isBlank() || text.strip().startsWith("#")) {
          continue;
        }
        List<String> cells = FileRows.cells(text, source, lineNo);
        boolean header = first && HEADER_WORDS.contains(cells.get(0).toLowerCase(Locale.ROOT));
        first = false;
        if (header) {
          continue;
        }
        if (cells.size() < 2 || cells.size() > 3) {
          throw FileRows.error(
              source,
              lineNo,
              "expected 2 or 3 columns (CIDR or domain, address, name),"
                  + " found "
                  + cells.size());
        }
        String target = target(cells.get(0), source, lineNo, cidrs);
        addresses
            .computeIfAbsent(target, t -> new ArrayList<>())
            .add(address(cells.get(1), source, lineNo));
        if (cells.size() == 3 && !cells.get(2).isEmpty()) {
          names.putIfAbsent(target, cells.get(2));
        }
      }
    } catch (IOException e) {
      throw FileRows.error(source, lineNo, "cannot read: " + e.getMessage());
    }
    List<ContactBook.Block> blocks = new ArrayList<>();
    Map<String, ContactBook.Entry> domains = new LinkedHashMap<>();
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> row : addresses.entrySet()) {
      String target = row.getKey();
      List<String> to = row.getValue().stream().distinct().toList();
      String name = names.getOrDefault(target, cidrs.containsKey(target) ? domainOf(to) : target);
      ContactBook.Entry entry = new ContactBook.Entry(key(name, to, keys), to, name);
      AddressRange cidr = cidrs.get(target);
      if (cidr == null) {
        domains.put(target, entry);
      } else {
        blocks.add(new ContactBook.Block(cidr, entry));
      }
    }
    return new ContactBook(blocks, domains);
  }

  private static String domainOf(List<String> to) {
    return to.get(0).substring(to.get(0).lastIndexOf('@') + 1);
  }

  /**
   * {@code file_NAME}: a kind of key no domain, mailbox or holder has (no dot, no {@code @}). Rows
   * that share a name but not their addresses are told apart by a number, in file order.
   */
  private static String key(String name, List<String> to, Map<String, List<String>> taken) {
    String base = "file_" + Domains.safeKey(name).replace('.', '-');
    String key = base;
    for (int n = 2; taken.containsKey(key) && !taken.get(key).equals(to); n++) {
      key = base + "-" + n;
    }
    taken.putIfAbsent(key, to);
    return key;
  }

  /** Returns the map key of the row's target: the CIDR's text or the lower-cased domain. */
  private static String target(
      String cell, String source, int lineNo, Map<String, AddressRange> cidrs)
      throws ContactException {
    if (cell.contains("/") || cell.contains(":") || cell.matches("[0-9.]+")) {
      Optional<AddressRange> cidr = AddressRange.parse(cell);
      if (cidr.isEmpty()) {
        throw FileRows.error(source, lineNo, "bad CIDR '" + FileRows.quoted(cell) + "'");
      }
      String key = cidr.get().toString();
      cidrs.put(key, cidr.get());
      return key;
    }
    return Domains.normalise(cell)
        .orElseThrow(
            () -> FileRows.error(source, lineNo, "bad domain '" + FileRows.quoted(cell) + "'"));
  }

  private static String address(String cell, String source, int lineNo) throws ContactException {
    try {
      InternetAddress parsed = new InternetAddress(cell, true);
      String address = parsed.getAddress();
      int at = address.lastIndexOf('@');
      if (parsed.getPersonal() == null
          && address.equals(cell)
          && at > 0
          && address.substring(0, at).matches("[A-Za-z0-9._%+-]+")
          && Domains.isHostName(address.substring(at + 1))) {
        return address;
      }
    } catch (AddressException e) {
      // reported below, with the line
    }
    throw FileRows.error(
        source, lineNo, "bad address '" + FileRows.quoted(cell) + "' (expected user@domain)");
  }
}
