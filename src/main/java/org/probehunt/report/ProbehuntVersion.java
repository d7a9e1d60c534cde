package org.probehunt.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of probehunt that is running, for --version and summary.json. */
public final class ProbehuntVersion {
  /** What the version is when neither the manifest nor the resource names one. */
  public static final String UNKNOWN = "unknown";

  /** Beside this class; Maven fills in {@code ${project.version}} when it copies it. */
  static final String RESOURCE = "version.properties";

  private static final String CURRENT =
      choose(ProbehuntVersion.class.getPackage().getImplementationVersion(), fromResource());

  private ProbehuntVersion() {}

  /**
   * The jar manifest's {@code Implementation-Version}; when the classes run from a folder (tests,
   * an IDE), which has no manifest, the version the build wrote into the resource.
   */
  public static String current() {
    return CURRENT;
  }

  /** The manifest's version when there is one, else the resource's, else {@link #UNKNOWN}. */
  static String choose(String manifestVersion, String resourceVersion) {
    if (isSet(manifestVersion)) {
      return manifestVersion.strip();
    }
    return isSet(resourceVersion) ? resourceVersion.strip() : UNKNOWN;
  }

  private static boolean isSet(String version) {
    // An unfiltered resource still says ${project.version}: that is no version.
    return version != null && !version.isBlank() && !version.contains("${");
  }

  private static String fromResource() {
    try (InputStream in = ProbehuntVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
