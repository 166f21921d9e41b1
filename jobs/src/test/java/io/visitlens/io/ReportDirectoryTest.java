package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {
  final Configuration conf = new Configuration();

  @Test
  void refusesAnOutputInsideOrEqualToTheCorpus(@TempDir Path tmp) throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (String out : List.of(corpus.toString(), corpus.resolve("reports").toString(), tmp.toString())) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> ReportDirectory.check(conf, out, corpus.toString(), true), () -> "out " + out);
      assertTrue(e.getMessage().startsWith("--out: "), e.getMessage());
    }
  }

  @Test
  void refusesToReplaceAForeignDirectoryUnlessForced(@TempDir Path tmp) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("thesis.docx"), "precious");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ReportDirectory.check(conf, out.toString(), tmp.resolve("corpus").toString(), false));
    assertEquals("--out: " + out + " exists and is not a VisitLens report directory (no run.json); pass --force to "
        + "replace it", e.getMessage());
    ReportDirectory.check(conf, out.toString(), tmp.resolve("corpus").toString(), true);
    Files.delete(out.resolve("thesis.docx"));
    Files.writeString(out.resolve("README.md"), "shipped");
    ReportDirectory.check(conf, out.toString(), tmp.resolve("corpus").toString(), false);
  }

  @Test
  void publishSwapsAndAbortLeavesThePreviousReports(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    String corpus = tmp.resolve("corpus").toString();
    ReportDirectory first = ReportDirectory.prepare(conf, out.toString(), corpus, false);
    Files.writeString(Path.of(first.staging().toUri()).resolve("run.json"), "{\"run\":1}");
    first.publish();
    assertEquals("{\"run\":1}", Files.readString(out.resolve("run.json")));

    ReportDirectory failed = ReportDirectory.prepare(conf, out.toString(), corpus, false);
    Files.writeString(Path.of(failed.staging().toUri()).resolve("run.json"), "{\"run\":2}");
    failed.abort();
    assertEquals("{\"run\":1}", Files.readString(out.resolve("run.json")));

    ReportDirectory second = ReportDirectory.prepare(conf, out.toString(), corpus, false);
    Files.writeString(Path.of(second.staging().toUri()).resolve("run.json"), "{\"run\":3}");
    second.publish();
    assertEquals("{\"run\":3}", Files.readString(out.resolve("run.json")));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of("out"), left.map(p -> p.getFileName().toString()).toList(), "no staging or old dirs left");
    }
  }

  @Test
  void nextRunCleansUpAKilledRunAndRestoresReportsMovedAside(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    // a run killed while writing left its staging directory; one killed mid-swap left the old reports aside
    Files.createDirectories(tmp.resolve(".out.staging-20260101000000-deadbeef"));
    Path aside = Files.createDirectories(tmp.resolve(".out.old-20260101000000-cafecafe"));
    Files.writeString(aside.resolve("run.json"), "{\"run\":\"previous\"}");

    ReportDirectory next = ReportDirectory.prepare(conf, out.toString(), tmp.resolve("corpus").toString(), false);

    assertEquals("{\"run\":\"previous\"}", Files.readString(out.resolve("run.json")), "previous reports restored");
    assertFalse(Files.exists(tmp.resolve(".out.staging-20260101000000-deadbeef")));
    assertFalse(Files.exists(aside));
    assertTrue(Files.isDirectory(Path.of(next.staging().toUri())));
    next.abort();
  }
}
