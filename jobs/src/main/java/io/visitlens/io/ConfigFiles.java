package io.visitlens.io;

import io.visitlens.config.ConfigException;
import io.visitlens.config.LineIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The one reader of the configuration files a run is given (the visit catalogue, the sector lexicon): the whole
 * file, which must be UTF-8, as text without its byte-order mark. A file that cannot be read, or bytes that are not
 * valid UTF-8 (a Latin-1 or Windows-1252 export, say), are refused with a {@link ConfigException} that names the
 * file and the line, never decoded with replacement characters.
 */
public final class ConfigFiles {
  /** Larger configuration files are refused rather than read into memory (the shipped ones are a few kB). */
  static final long MAX_BYTES = 64L << 20;

  private ConfigFiles() {}

  /** The text of {@code location} on any Hadoop file system (a local path, {@code file:}, {@code hdfs:}, …). */
  public static String read(Configuration conf, String location) {
    byte[] bytes;
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
      FileSystem fs = path.getFileSystem(conf);
      long length = fs.getFileStatus(path).getLen();
      if (length > MAX_BYTES) {
        throw new ConfigException(location, 0, tooLarge(length));
      }
      try (InputStream in = fs.open(path)) {
        bytes = in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(location, 0, "cannot read the file (" + e + ")", e);
    }
    return text(bytes, location);
  }

  /** The text of a local file; errors name it as {@code file} prints. */
  public static String read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      long length = Files.size(file);
      if (length > MAX_BYTES) {
        throw new ConfigException(name, 0, tooLarge(length));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(name, 0, "cannot read the file (" + e + ")", e);
    }
    return text(bytes, name);
  }

  /**
   * The text of a configuration file's bytes, without a byte-order mark; {@code name} names the file in errors.
   *
   * @throws ConfigException at the line of the first byte that is not valid UTF-8
   */
  public static String text(byte[] bytes, String name) {
    try {
      return LineIndex.stripBom(Utf8.decode(bytes));
    } catch (Utf8.Malformed e) {
      throw new ConfigException(name, LineIndex.lineOfByte(bytes, e.offset()), e.getMessage() + "; save the file as UTF-8",
          e);
    }
  }

  private static String tooLarge(long length) {
    return String.format(Locale.ROOT, "%,d bytes: larger than the %,d bytes a configuration file may have", length,
        MAX_BYTES);
  }
}
