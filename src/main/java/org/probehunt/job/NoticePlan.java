package org.probehunt.job;

import java.util.List;
import org.probehunt.contact.Actors;
import org.probehunt.contact.ContactBook;
import org.probehunt.contact.RdapBootstrap;
import org.probehunt.contact.RdapLimits;
import org.probehunt.contact.RirStats;
import org.probehunt.notify.NoticeSettings;

/**
 * How the flagged hosts are turned into contacts and drafts.
 *
 * @param notices what the drafts say and how they are encoded
 * @param contacts contacts for address ranges and domains (--contacts)
 * @param rir the registries' delegation files (--rir-stats), or null
 * @param whoisFiles the registries' whois dumps (--whois-db)
 * @param rdap how to ask RDAP servers (--rdap), or null when they are not to be asked
 * @param country only hosts of this country get a draft (--country), or null for all
 * @param resolve whether IP hosts are looked up in reverse DNS (--resolve)
 * @param actors the research scanners recognised in hosts.csv's actor column (built in, and
 *     --actors)
 * @param notifyResearch whether the actors' hosts are drafted too (--notify-research)
 * @param ledger what was reported before, which decides who is drafted again (--ledger)
 */
public record NoticePlan(
    NoticeSettings notices,
    ContactBook contacts,
    RirStats rir,
    List<String> whoisFiles,
    Rdap rdap,
    String country,
    boolean resolve,
    Actors actors,
    boolean notifyResearch,
    LedgerPlan ledger) {
  public NoticePlan {
    whoisFiles = List.copyOf(whoisFiles);
    ledger = ledger == null ? LedgerPlan.NONE : ledger;
  }

  /** Without a ledger: every host is new. */
  public NoticePlan(
      NoticeSettings notices,
      ContactBook contacts,
      RirStats rir,
      List<String> whoisFiles,
      Rdap rdap,
      String country,
      boolean resolve,
      Actors actors,
      boolean notifyResearch) {
    this(
        notices,
        contacts,
        rir,
        whoisFiles,
        rdap,
        country,
        resolve,
        actors,
        notifyResearch,
        LedgerPlan.NONE);
  }

  /** The same plan with {@code ledger}. */
  public NoticePlan withLedger(LedgerPlan ledger) {
    return new NoticePlan(
        notices, contacts, rir, whoisFiles, rdap, country, resolve, actors, notifyResearch, ledger);
  }

  /** The built-in actors, whose hosts are not drafted. */
  public NoticePlan(
      NoticeSettings notices,
      ContactBook contacts,
      RirStats rir,
      List<String> whoisFiles,
      Rdap rdap,
      String country,
      boolean resolve) {
    this(notices, contacts, rir, whoisFiles, rdap, country, resolve, Actors.defaults(), false);
  }

  /** Registry data and the network stay out of it: the files and settings of a plain run. */
  public NoticePlan(
      NoticeSettings notices, ContactBook contacts, RirStats rir, String country, boolean resolve) {
    this(notices, contacts, rir, List.of(), null, country, resolve);
  }

  /**
   * RDAP lookups.
   *
   * @param bootstrap which server answers for which addresses
   * @param limits the pace and patience per registry
   * @param cache the cache file (--rdap-cache), read before and written after, or null
   */
  public record Rdap(RdapBootstrap bootstrap, RdapLimits limits, String cache) {}
}
