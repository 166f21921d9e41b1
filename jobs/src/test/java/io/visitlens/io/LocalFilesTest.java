package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalFiles} against Hadoop's own local file system, which reads and sets permissions with ls and chmod. */
class LocalFilesTest {
  @TempDir java.nio.file.Path dir;

  private FileSystem fs;
  private RawLocalFileSystem hadoops;

  @BeforeEach
  void open() throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("fs.permissions.umask-mode", "022");
    LocalFiles.select(conf);
    // newInstance, not get: the JVM-wide cache may already hold Hadoop's class for file:.
    fs = FileSystem.newInstance(new Path("file:///").toUri(), conf);
    hadoops = new RawLocalFileSystem();
    hadoops.initialize(new Path("file:///").toUri(), conf);
  }

  @AfterEach
  void close() throws IOException {
    fs.close();
    hadoops.close();
  }

  @Test
  void isSelectedForFilePathsAndIsALocalFileSystem() {
    assertInstanceOf(LocalFiles.class, fs, "fs.file.impl names LocalFiles");
    assertInstanceOf(LocalFiles.Raw.class, ((LocalFiles) fs).getRawFileSystem());
  }

  @Test
  void writesDirectoriesAndFilesWithTheUmaskedModesAndNoChecksumFiles() throws IOException {
    Path reports = new Path(dir.toUri().toString(), "reports/csv");
    assertTrue(fs.mkdirs(reports));
    Path file = new Path(reports, "visits.csv");
    try (OutputStream out = fs.create(file, false)) {
      out.write("visit_id\nbelgrade-2024\n".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals("rwxr-xr-x", posix(reports), "a directory: 0777 less the umask 022");
    assertEquals("rw-r--r--", posix(file), "a file: 0666 less the umask 022");
    List<String> names = new ArrayList<>();
    try (var listing = Files.list(dir.resolve("reports/csv"))) {
      listing.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertEquals(List.of("visits.csv"), names, "no .visits.csv.crc beside the report");
    assertEquals("visit_id\nbelgrade-2024\n", Files.readString(dir.resolve("reports/csv/visits.csv")));
  }

  @Test
  void setsEveryPermissionBitAsChmodWould() throws IOException {
    java.nio.file.Path file = Files.createFile(dir.resolve("a.txt"));
    Path path = new Path(file.toUri());
    for (String mode : List.of("640", "600", "755", "444", "000", "777")) {
      fs.setPermission(path, new FsPermission(mode));
      assertEquals(new FsPermission(mode), hadoops.getFileStatus(path).getPermission(),
          "mode " + mode + " read back by Hadoop's own ls -ld");
    }
  }

  @Test
  void aStickyBitGoesThroughHadoopsOwnChmod() throws Exception {
    Path shared = new Path(Files.createDirectory(dir.resolve("shared")).toUri());
    fs.setPermission(shared, new FsPermission((short) 01777));
    FsPermission read = hadoops.getFileStatus(shared).getPermission();
    assertTrue(read.getStickyBit(), "sticky bit kept: " + read);
    assertEquals("rwxrwxrwt", read.toString());
  }

  @Test
  void listsPermissionOwnerAndGroupAsHadoopsLsDoes() throws IOException {
    java.nio.file.Path sub = Files.createDirectories(dir.resolve("corpus/sr"));
    Files.writeString(sub.resolve("beograd.txt"), "Predsednik Vučić u Beogradu.");
    Files.writeString(dir.resolve("corpus/astana.txt"), "Визит в Астану.");
    Files.setPosixFilePermissions(dir.resolve("corpus/astana.txt"), PosixFilePermissions.fromString("rw-------"));
    Path corpus = new Path(dir.resolve("corpus").toUri());

    FileStatus[] ours = fs.listStatus(corpus);
    FileStatus[] theirs = hadoops.listStatus(corpus);
    assertEquals(theirs.length, ours.length);
    for (int i = 0; i < ours.length; i++) {
      String what = ours[i].getPath().toString();
      assertEquals(FileStatus.class, ours[i].getClass(), what + ": a status with its permission already read");
      assertEquals(theirs[i].getPath(), ours[i].getPath());
      assertEquals(theirs[i].getPermission(), ours[i].getPermission(), what);
      assertEquals(theirs[i].getOwner(), ours[i].getOwner(), what);
      assertEquals(theirs[i].getGroup(), ours[i].getGroup(), what);
      assertEquals(theirs[i].getLen(), ours[i].getLen(), what);
      assertEquals(theirs[i].isDirectory(), ours[i].isDirectory(), what);
      assertEquals(theirs[i].getModificationTime(), ours[i].getModificationTime(), what);
    }

    // listFiles wraps every file in a LocatedFileStatus, which asks for the permission at once.
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> located = fs.listFiles(corpus, true);
    while (located.hasNext()) {
      LocatedFileStatus f = located.next();
      files.add(f.getPath().getName() + " " + f.getPermission() + " " + f.getLen());
    }
    files.sort(String::compareTo);
    assertEquals(List.of("astana.txt rw------- 27", "beograd.txt rw-r--r-- 30"), files);
  }

  @Test
  void modesAndPermissionSetsRoundTrip() {
    for (short mode = 0; mode <= 0777; mode++) {
      assertEquals(mode, LocalFiles.Raw.mode(LocalFiles.Raw.permissions(mode)), "mode " + Integer.toOctalString(mode));
      assertEquals(new FsPermission(mode).toString(),
          PosixFilePermissions.toString(LocalFiles.Raw.permissions(mode)), "mode " + Integer.toOctalString(mode));
    }
  }

  private static String posix(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(java.nio.file.Paths.get(path.toUri())));
  }
}
