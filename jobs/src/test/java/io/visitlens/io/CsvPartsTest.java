package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV cells a report's tasks print, and how the driver joins their parts. */
class CsvPartsTest {

  private static String printed(Object... cells) throws Exception {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, CsvParts.FORMAT)) {
      CsvParts.print(printer, RowFactory.create(cells));
    }
    return out.toString();
  }

  @Test
  void quotesOnlyWhatMustBeQuotedAndPrintsNumbersAndDatesAsJavaDoes() throws Exception {
    assertEquals("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",0.25,1.0E-5,7,true,2024-11-19,\n",
        printed("plain", "a, b", "say \"hi\"", "two\nlines", 0.25, 0.00001, 7L, true, Date.valueOf("2024-11-19"),
            null));
    assertEquals("\"\",x,,\n", printed("", "x", "", null), "an empty first cell is quoted, so the line is not blank");
    assertEquals("Vučić,Вучић,Астана\n", printed("Vučić", "Вучић", "Астана"), "UTF-16 text as it is");
  }

  @Test
  void anArrayOfCodesIsOneCellJoinedBySemicolons() throws Exception {
    // A Spark row holds an array as a Scala Seq.
    scala.collection.Seq<String> two = scala.collection.JavaConverters.asScalaBuffer(List.of("invalid_utf8",
        "invalid_date"));
    scala.collection.Seq<String> none = scala.collection.JavaConverters.asScalaBuffer(List.<String>of());
    assertEquals("a,invalid_utf8;invalid_date,,z\n", printed("a", two, none, "z"),
        "documents.input_flags in the CSV: codes joined by ';', empty when there are none");
  }

  @Test
  void prefixesTextThatASpreadsheetWouldRunAsAFormula() throws Exception {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@a,'\tb,a=b,-3\n",
        printed("=HYPERLINK(\"x\")", "+1", "-2", "@a", "\tb", "a=b", -3), "numbers are not text: -3 stays");
    assertEquals("", CsvParts.neutralised(""));
  }

  private static void part(Path dir, String name, String body) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), body, StandardCharsets.UTF_8);
  }

  @Test
  void joinsThePartsInPartitionOrderBehindTheHeaderAndLeavesNothingElse(@TempDir Path tmp) throws Exception {
    Path parts = tmp.resolve("_tmp_csv_r");
    part(parts, CsvParts.partName(10, 1), "k\n");
    part(parts, CsvParts.partName(2, 2), "c\nd\n");
    part(parts, CsvParts.partName(0, 2), "a\nb\n");
    part(parts, CsvParts.partName(3, 0), "");
    part(parts, "_attempt-00004-17.csv", "left by a failed attempt\n");
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Path target = tmp.resolve("csv/r.csv");
    CsvParts.concatenate(fs, new org.apache.hadoop.fs.Path(parts.toUri()),
        new org.apache.hadoop.fs.Path(target.toUri()), "t\n", 5);
    assertEquals(List.of("t", "a", "b", "c", "d", "k"), Files.readAllLines(target),
        "partition 10 after partition 2: the order is numeric");
    assertFalse(Files.exists(parts), "the parts' directory is deleted");
    try (var files = Files.list(target.getParent())) {
      assertEquals(List.of("r.csv"), files.map(f -> f.getFileName().toString()).toList(), "no .crc side file");
    }
  }

  @Test
  void refusesPartsThatDoNotHoldTheRowsTheParquetWriteCounted(@TempDir Path tmp) throws Exception {
    Path parts = tmp.resolve("_tmp_csv_r");
    part(parts, CsvParts.partName(0, 2), "a\nb\n");
    part(parts, CsvParts.partName(2, 1), "d\n");
    FileSystem fs = FileSystem.getLocal(new Configuration());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CsvParts.concatenate(fs,
        new org.apache.hadoop.fs.Path(parts.toUri()), new org.apache.hadoop.fs.Path(tmp.resolve("csv/r.csv").toUri()),
        "t\n", 4));
    assertTrue(e.getMessage().contains("r.csv") && e.getMessage().contains("hold 3 rows")
        && e.getMessage().contains("counted 4"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("csv/r.csv")), "no short CSV is written");
  }

  @Test
  void aTableWithNoPartIsItsHeader(@TempDir Path tmp) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Path target = tmp.resolve("csv/empty.csv");
    CsvParts.concatenate(fs, new org.apache.hadoop.fs.Path(tmp.resolve("none").toUri()),
        new org.apache.hadoop.fs.Path(target.toUri()), "k,t\n", 0);
    assertEquals(List.of("k,t"), Files.readAllLines(target));
  }
}
