package io.visitlens.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) for runs on embedded local Spark, without a child process per file.
 *
 * <p>Without Hadoop's native library (which Spark's jars do not ship), {@link RawLocalFileSystem} sets a permission
 * by running {@code chmod} and reads one by running {@code ls -ld}: every directory, part file and checksum a write
 * creates, and every file listed with its location, forks the JVM. A seed run forked 307 processes (101
 * {@code chmod 0755}, 72 {@code chmod 0644}, 129 {@code ls -ld}), measured with JFR's {@code jdk.ProcessStart}. This
 * class does the same through {@code java.nio.file} on a POSIX file system, and falls back to Hadoop's way where
 * that is not possible (a sticky bit, a file system without POSIX attributes).
 *
 * <p>It writes no {@code .crc} side files either: reports are for DuckDB and BI tools, which see a directory's
 * every file, and Hadoop verifies a checksum on read only where a {@code .crc} exists. The launcher's sessions
 * select it with {@code spark.hadoop.fs.file.impl}; a cluster keeps its own file systems.
 */
public final class LocalFiles extends LocalFileSystem {
  /** The Hadoop setting that selects this class for {@code file:} paths. */
  public static final String IMPL_KEY = "fs.file.impl";

  public LocalFiles() {
    super(new Raw());
    setWriteChecksum(false);
  }

  /** Selects this class for {@code file:} paths in a Hadoop configuration. */
  public static void select(Configuration conf) {
    conf.set(IMPL_KEY, LocalFiles.class.getName());
  }

  /** The raw local file system, with POSIX permissions through {@code java.nio.file}. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      short mode = permission.toShort();
      if ((mode & ~0777) != 0) {
        super.setPermission(p, permission); // a sticky bit: java.nio.file cannot set it
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), permissions(mode));
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission);
      }
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return withPermission(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] statuses = super.listStatus(f);
      if (statuses != null) {
        for (int i = 0; i < statuses.length; i++) {
          statuses[i] = withPermission(statuses[i]);
        }
      }
      return statuses;
    }

    /**
     * A status whose permission, owner and group are read with one {@code stat} call, where Hadoop's would run
     * {@code ls -ld} the first time any of them is asked for (as a {@code LocatedFileStatus} does for every file).
     */
    private FileStatus withPermission(FileStatus status) throws IOException {
      if (status.isSymlink()) {
        return status;
      }
      PosixFileAttributes attributes;
      try {
        attributes = Files.readAttributes(pathToFile(status.getPath()).toPath(), PosixFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException | IOException e) {
        return status; // Hadoop's own way when asked, as before
      }
      return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
          status.getModificationTime(), status.getAccessTime(), new FsPermission(mode(attributes.permissions())),
          attributes.owner().getName(), attributes.group().getName(), status.getPath());
    }

    /** The permission set of a mode without special bits, through both libraries' {@code rwxr-xr-x} form. */
    static Set<PosixFilePermission> permissions(short mode) {
      return PosixFilePermissions.fromString(new FsPermission(mode).toString());
    }

    /** The mode of a permission set; {@link FsPermission#valueOf} reads {@code ls -l}'s form, type letter first. */
    static short mode(Set<PosixFilePermission> permissions) {
      return FsPermission.valueOf("-" + PosixFilePermissions.toString(permissions)).toShort();
    }
  }
}
