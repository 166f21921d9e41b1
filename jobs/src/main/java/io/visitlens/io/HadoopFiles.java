package io.visitlens.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Small helpers for driver-side files (catalogues, run.json) on any Hadoop file system. */
public final class HadoopFiles {
  private HadoopFiles() {}

  public static boolean exists(Configuration conf, String location) {
    try {
      Path path = new Path(location);
      return path.getFileSystem(conf).exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  /** The SHA-256 of a file's bytes, in hex. */
  public static String sha256(Configuration conf, String location) {
    Path path = new Path(location);
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a small UTF-8 text file, replacing it. */
  public static void write(Configuration conf, Path path, String text) {
    try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a classpath resource into a file. */
  public static void copyResource(Configuration conf, String resource, Path target) {
    try (InputStream in = HadoopFiles.class.getResourceAsStream(resource);
         OutputStream out = target.getFileSystem(conf).create(target, true)) {
      if (in == null) {
        throw new IOException("resource " + resource + " is missing from the jar");
      }
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  /**
   * Deletes the {@code .crc} side file of one file (see {@link #removeChecksums}) and nothing else: safe while other
   * files of its directory are being written, which a listing of the directory is not (a side file listed, then
   * gone before it is examined, fails the listing).
   */
  public static void removeChecksum(FileSystem fs, Path file) throws IOException {
    if (fs instanceof ChecksumFileSystem checksummed) {
      checksummed.getRawFileSystem().delete(checksummed.getChecksumFile(file), false);
    }
  }

  /**
   * Deletes the {@code .crc} side files Hadoop's local file system writes beside every file below
   * {@code dir}: they are not reports, and DuckDB or a BI tool globbing a directory should see only data.
   * Other file systems write none, and this does nothing there.
   */
  public static void removeChecksums(FileSystem fs, Path dir) throws IOException {
    if (!(fs instanceof ChecksumFileSystem checksummed)) {
      return;
    }
    FileSystem raw = checksummed.getRawFileSystem();
    RemoteIterator<LocatedFileStatus> files = raw.listFiles(dir, true);
    List<Path> crcs = new ArrayList<>();
    while (files.hasNext()) {
      Path p = files.next().getPath();
      if (p.getName().startsWith(".") && p.getName().endsWith(".crc")) {
        crcs.add(p);
      }
    }
    for (Path p : crcs) {
      raw.delete(p, false);
    }
  }
}
