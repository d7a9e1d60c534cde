package org.probehunt.job;

import org.probehunt.contact.ContactBook;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.contact.RirStats;

/**
 * How the flagged hosts are turned into contacts and drafts.
 *
 * @param notices what the drafts say and how they are encoded
 * @param contacts contacts for address ranges and domains (--contacts)
 * @param rir the registries' delegation files (--rir-stats), or null
 * @param country only hosts of this country get a draft (--country), or null for all
 * @param resolve whether IP hosts are looked up in reverse DNS (--resolve)
 */
public record NoticePlan(
    NoticeSettings notices, ContactBook contacts, RirStats rir, String country, boolean resolve) {}
