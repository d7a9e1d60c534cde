package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the version comes from: the jar's manifest, else the resource the build filtered. */
class ProbehuntVersionTest {
  private static final String CLASS = "org/probehunt/report/ProbehuntVersion.class";
  private static final String RESOURCE = "org/probehunt/report/version.properties";

  @TempDir Path tmp;

  /** The project's version as pom.xml states it. */
  private static String pomVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("<artifactId>probehunt</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertTrue(m.find(), "pom.xml names the project's version");
    return m.group(1);
  }

  /** A jar holding the class (and the resource text, if given), with this manifest version. */
  private Path jar(String manifestVersion, String resource) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (manifestVersion != null) {
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, manifestVersion);
    }
    Path jar = tmp.resolve("probehunt-" + System.nanoTime() + ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream cls = ProbehuntVersion.class.getClassLoader().getResourceAsStream(CLASS)) {
      assertNotNull(cls, CLASS + " on the class path");
      out.putNextEntry(new JarEntry(CLASS));
      cls.transferTo(out);
      if (resource != null) {
        out.putNextEntry(new JarEntry(RESOURCE));
        out.write(resource.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return jar;
  }

  /** current() as the class answers when it is loaded from that jar alone. */
  private static String currentIn(Path jar) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> cls = loader.loadClass(ProbehuntVersion.class.getName());
      assertEquals(loader, cls.getClassLoader(), "the class comes from the jar");
      return (String) cls.getMethod("current").invoke(null);
    }
  }

  @Test
  void fromClassesItIsTheVersionTheBuildFilteredIn() throws Exception {
    assertEquals(
        pomVersion(),
        ProbehuntVersion.current(),
        "target/classes has no manifest: the filtered resource answers");
  }

  @Test
  void fromAJarTheManifestWins() throws Exception {
    assertEquals("9.8.7", currentIn(jar("9.8.7", "version=1.0.0\n")), "manifest first");
    assertEquals("1.0.0", currentIn(jar(null, "version=1.0.0\n")), "then the resource");
    assertEquals(ProbehuntVersion.UNKNOWN, currentIn(jar(null, null)), "then nothing");
  }

  @Test
  void anUnfilteredResourceIsNoVersion() {
    assertEquals(ProbehuntVersion.UNKNOWN, ProbehuntVersion.choose(null, "${project.version}"));
    assertEquals(ProbehuntVersion.UNKNOWN, ProbehuntVersion.choose(" ", null));
    assertEquals("0.2.0", ProbehuntVersion.choose(null, " 0.2.0 "));
    assertEquals("0.3.0", ProbehuntVersion.choose("0.3.0", "0.2.0"));
  }

  @Test
  void summaryCarriesTheVersionAsText() {
    String json =
        new String(
            new Summary().put("lines", 3).put("version", "0.1.0").toJson(), StandardCharsets.UTF_8);
    assertEquals("{\n  \"lines\": 3,\n  \"version\": \"0.1.0\"\n}\n", json);
  }
}
