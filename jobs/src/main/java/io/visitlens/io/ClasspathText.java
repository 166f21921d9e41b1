package io.visitlens.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files that ship inside the application jar (cue lists, stop lists, the page's scripts), read as UTF-8. */
public final class ClasspathText {
  private ClasspathText() {}

  /**
   * The text of the resource {@code path}, relative to {@code anchor}'s package unless it starts with {@code /};
   * an {@link IllegalStateException} naming it and {@code where} ("the jar", "the ECharts WebJar") when it is not
   * on the classpath.
   */
  public static String read(Class<?> anchor, String path, String where) {
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from " + where);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
