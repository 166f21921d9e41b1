package io.visitlens.io;

import io.visitlens.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The output directory and its atomic publication.
 *
 * <p>A run builds everything in a staging directory beside {@code --out}
 * ({@code .<name>.staging-<run>}) and only when every report is written swaps it in: the old directory is
 * renamed aside ({@code .<name>.old-<run>}), the staging directory renamed to {@code --out}, and the old one
 * deleted. A failed, refused or killed run therefore leaves the previous reports as they were; the next
 * run deletes the leftovers, and if a run died between the two renames it first puts the old reports back.
 * On HDFS and local disks renames are atomic; on object stores (S3A) a directory rename is a copy, so the
 * swap is not atomic there: see the README.
 */
public final class ReportDirectory {
  private static final Logger LOG = LogManager.getLogger(ReportDirectory.class);

  /** Files VisitLens itself writes into a report directory beside the reports, also committed in {@code reports/}. */
  public static final Set<String> SHIPPED_FILES = Set.of("README.md", "duckdb.sql");
  /** The file whose presence makes a directory a VisitLens report directory. */
  public static final String MARKER = "run.json";

  private final FileSystem fs;
  private final Path out;
  private final Path staging;
  private final String runId;

  private ReportDirectory(FileSystem fs, Path out, String runId) {
    this.fs = fs;
    this.out = out;
    this.runId = runId;
    this.staging = sibling(out, "staging-" + runId);
  }

  /**
   * Checks that {@code out} may be replaced, cleans up what earlier killed runs left, and creates the staging
   * directory. Refuses an output equal to or inside the corpus, and an existing directory that is not a
   * VisitLens report directory unless {@code force}.
   */
  public static ReportDirectory prepare(Configuration conf, String outLocation, String corpusLocation, boolean force) {
    try {
      Path out = check(conf, outLocation, corpusLocation, force);
      String runId = Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
          + UUID.randomUUID().toString().substring(0, 8);
      ReportDirectory dir = new ReportDirectory(out.getFileSystem(conf), out, runId);
      dir.recoverLeftovers();
      if (!dir.fs.mkdirs(dir.staging)) {
        throw new IOException("cannot create " + dir.staging);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks, writing nothing, that {@code out} may be replaced: not the corpus, not inside it, not containing
   * it, and either absent, a VisitLens report directory, or {@code force}. Returns the qualified path.
   */
  public static Path check(Configuration conf, String outLocation, String corpusLocation, boolean force) {
    try {
      Path outPath = new Path(outLocation);
      FileSystem fs = outPath.getFileSystem(conf);
      Path out = fs.makeQualified(outPath);
      Path corpus = new Path(corpusLocation);
      corpus = corpus.getFileSystem(conf).makeQualified(corpus);
      if (isSameOrInside(out, corpus)) {
        throw ConfigException.of("--out", outLocation + " is the corpus or inside it (" + corpusLocation
            + "); reports must go elsewhere");
      }
      if (isSameOrInside(corpus, out)) {
        throw ConfigException.of("--out", outLocation + " contains the corpus (" + corpusLocation
            + "); replacing it would delete the articles");
      }
      if (fs.exists(out)) {
        if (!fs.getFileStatus(out).isDirectory()) {
          throw ConfigException.of("--out", outLocation + " is a file, not a directory");
        }
        if (!force && !isReportDirectory(fs, out)) {
          throw ConfigException.of("--out", outLocation + " exists and is not a VisitLens report directory (no "
              + MARKER + "); pass --force to replace it");
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSameOrInside(Path child, Path parent) {
    String c = child.toUri().normalize().toString().replaceAll("/+$", "");
    String p = parent.toUri().normalize().toString().replaceAll("/+$", "");
    return c.equals(p) || c.startsWith(p + "/");
  }

  private static boolean isReportDirectory(FileSystem fs, Path out) throws IOException {
    FileStatus[] entries = fs.listStatus(out);
    boolean onlyShipped = true;
    for (FileStatus e : entries) {
      String name = e.getPath().getName();
      if (name.equals(MARKER)) {
        return true;
      }
      onlyShipped &= e.isFile() && SHIPPED_FILES.contains(name);
    }
    return onlyShipped;
  }

  /** Puts back reports a run died before restoring, and deletes staging and old directories of dead runs. */
  private void recoverLeftovers() throws IOException {
    Path parent = out.getParent();
    if (parent == null || !fs.exists(parent)) {
      return;
    }
    String prefix = "." + out.getName() + ".";
    FileStatus[] leftovers = fs.globStatus(new Path(parent, prefix + "*"));
    if (leftovers == null) {
      return;
    }
    if (!fs.exists(out)) {
      for (FileStatus f : leftovers) {
        if (f.getPath().getName().startsWith(prefix + "old-") && fs.rename(f.getPath(), out)) {
          LOG.warn("restored the previous reports from {}, left by a run that died while publishing", f.getPath());
          break;
        }
      }
    }
    for (FileStatus f : leftovers) {
      if (fs.exists(f.getPath())) {
        LOG.info("removing {} left by an earlier run that did not finish", f.getPath().getName());
        fs.delete(f.getPath(), true);
      }
    }
  }

  private static Path sibling(Path out, String suffix) {
    return new Path(out.getParent(), "." + out.getName() + "." + suffix);
  }

  public Path staging() {
    return staging;
  }

  public Path out() {
    return out;
  }

  public String runId() {
    return runId;
  }

  /** Swaps the staging directory in for the output directory. */
  public void publish() {
    try {
      HadoopFiles.removeChecksums(fs, staging);
      Path old = sibling(out, "old-" + runId);
      boolean hadOld = fs.exists(out);
      if (hadOld && !fs.rename(out, old)) {
        throw new IOException("cannot move " + out + " aside to " + old);
      }
      if (!fs.rename(staging, out)) {
        if (hadOld) {
          fs.rename(old, out);
        }
        throw new IOException("cannot move " + staging + " to " + out);
      }
      if (hadOld) {
        fs.delete(old, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the staging directory of a failed run; the published reports are untouched. */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      LOG.warn("could not delete staging directory {}: {}", staging, e.getMessage());
    }
  }
}
