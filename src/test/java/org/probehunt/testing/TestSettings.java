package org.probehunt.testing;

import java.util.List;
import org.probehunt.contact.ContactBook;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.job.JobSettings;
import org.probehunt.job.NoticePlan;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.notify.TemplateSet;
import org.probehunt.pass.PassSettings;
import org.probehunt.pass.TimeWindow;

/** The settings a plain {@code probehunt run --out OUT PATH...} gets. */
public final class TestSettings {
  private TestSettings() {}

  public static JobSettings of(List<String> paths, String out) {
    return of(paths, out, 1);
  }

  /** As {@link #of(List, String)}, with {@code --min-probes minProbes}. */
  public static JobSettings of(List<String> paths, String out, int minProbes) {
    return new JobSettings(
        paths,
        out,
        false,
        false,
        new PassSettings(
            null, ReadOptions.defaults(), RuleSet.defaults(), HostAllowList.NONE, TimeWindow.ALL),
        minProbes,
        true,
        new NoticePlan(
            new NoticeSettings(
                "www.myname.co.jp", "Suzuki", null, "UTF-8", 200, false, TemplateSet.defaults()),
            ContactBook.EMPTY,
            null,
            null,
            false));
  }
}
