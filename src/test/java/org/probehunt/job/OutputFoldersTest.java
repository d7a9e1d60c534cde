package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.job.OutputFolderException.Remedy;

/** The job states what is wrong with a report folder; it knows nothing of the command line. */
class OutputFoldersTest {
  @TempDir Path tmp;

  @Test
  void aFolderWithFilesIsRefusedNamingTheFolderAndNoOption() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    OutputFolderException e =
        assertThrows(
            OutputFolderException.class,
            () -> OutputFolders.check(new Configuration(), out.toString(), false));
    assertEquals(out.toString(), e.folder());
    assertEquals("is not empty", e.problem());
    assertEquals(Remedy.ANOTHER_FOLDER_OR_REPLACE, e.remedy());
    assertFalse(e.getMessage().contains("--"), e.getMessage());

    OutputFolderException replace =
        assertThrows(
            OutputFolderException.class,
            () -> OutputFolders.check(new Configuration(), out.toString(), true));
    assertTrue(replace.problem().contains("no summary.json"), replace.problem());
    assertEquals(Remedy.ANOTHER_FOLDER_OR_EMPTY_IT, replace.remedy());
    assertFalse(replace.getMessage().contains("--"), replace.getMessage());
  }

  @Test
  void aFolderInsideAnInputIsRefusedOnlyWhenReportsWouldBeReplaced() throws IOException {
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    String out = logs.resolve("reports").toString();
    OutputFolders.checkAgainstInputs(new Configuration(), out, false, List.of(logs.toString()));
    OutputFolderException e =
        assertThrows(
            OutputFolderException.class,
            () ->
                OutputFolders.checkAgainstInputs(
                    new Configuration(), out, true, List.of(logs.toString())));
    assertTrue(e.problem().startsWith("lies inside the input folder " + logs), e.problem());
    assertFalse(e.getMessage().contains("--"), e.getMessage());
  }

  @Test
  void noJobSourceImportsTheCommandLine() throws IOException {
    Path job = Path.of("src/main/java/org/probehunt/job");
    try (Stream<Path> files = Files.list(job)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        assertFalse(text.contains("org.probehunt.cli"), file + " reaches up into cli");
        assertFalse(text.contains("\"--out"), file + " words its messages as the command line");
      }
    }
  }
}
