package org.probehunt.job;

/**
 * A report folder the run must not write into: a file, a folder that holds an input, one that
 * already holds reports, or one another run is writing. It states the folder and the problem; the
 * command line words the remedy in terms of its own options. A mistake in what was asked for.
 */
public final class OutputFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the user can do about the problem. */
  public enum Remedy {
    /** Only another folder will do. */
    ANOTHER_FOLDER,
    /** Another folder, or asking for an earlier run's reports to be replaced. */
    ANOTHER_FOLDER_OR_REPLACE,
    /** Another folder, or emptying this one by hand: probehunt removes nothing it did not write. */
    ANOTHER_FOLDER_OR_EMPTY_IT,
    /** Another folder, or waiting until the run that holds this one ends. */
    ANOTHER_FOLDER_OR_WAIT
  }

  private final String folder;
  private final String problem;
  private final Remedy remedy;

  /**
   * @param folder the folder as the user named it
   * @param problem what is wrong with it, a phrase that follows the folder's name
   * @param remedy what the user can do
   */
  public OutputFolderException(String folder, String problem, Remedy remedy) {
    super("report folder " + folder + " " + problem);
    this.folder = folder;
    this.problem = problem;
    this.remedy = remedy;
  }

  /** The folder as the user named it. */
  public String folder() {
    return folder;
  }

  /** What is wrong with it, a phrase that follows the folder's name. */
  public String problem() {
    return problem;
  }

  /** What the user can do. */
  public Remedy remedy() {
    return remedy;
  }
}
