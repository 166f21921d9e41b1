package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFooterTest extends SparkTestBase {

  @Test
  void readsTheSchemaSparkWroteAndReadingWithItGivesTheSameRows(@TempDir Path dir) throws Exception {
    StructType schema = new StructType()
        .add("visit_id", DataTypes.StringType, false)
        .add("start_date", DataTypes.DateType, true)
        .add("n_documents", DataTypes.LongType, false)
        .add("share", DataTypes.DoubleType, true)
        .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false), false);
    List<Row> rows = List.of(
        row("belgrade-2024", java.sql.Date.valueOf("2024-11-18"), 3L, 0.25, List.of("a", "b")),
        row("astana-2026", null, 0L, null, List.of()));
    Path out = dir.resolve("report");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(out.toString());
    Path part;
    try (Stream<Path> files = Files.list(out)) {
      part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }

    Optional<StructType> read = ParquetFooter.sparkSchema(new Configuration(),
        new org.apache.hadoop.fs.Path(part.toUri()));
    assertTrue(read.isPresent(), "Spark's schema is in the footer of " + part);
    assertEquals(schema.fieldNames().length, read.get().fieldNames().length, "every column: " + read.get());
    for (int i = 0; i < schema.fields().length; i++) {
      assertEquals(schema.fields()[i].name(), read.get().fields()[i].name(), "column " + i);
      assertEquals(schema.fields()[i].dataType(), read.get().fields()[i].dataType(), "type of " + schema.fields()[i]);
    }
    List<Row> inferred = spark.read().parquet(out.toString()).collectAsList();
    assertEquals(inferred, spark.read().schema(read.get()).parquet(out.toString()).collectAsList(),
        "the same rows as with the schema inferred");
    assertEquals(spark.read().parquet(out.toString()).schema(), spark.read().schema(read.get())
        .parquet(out.toString()).schema(), "and the same schema once read");
  }

  @Test
  void aFileNotWrittenBySparkHasNone(@TempDir Path dir) throws Exception {
    MessageType type = MessageTypeParser.parseMessageType("message m { required int64 n; }");
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("plain.parquet").toUri());
    try (ParquetWriter<org.apache.parquet.example.data.Group> writer = ExampleParquetWriter.builder(file)
        .withType(type).build()) {
      writer.write(new SimpleGroupFactory(type).newGroup().append("n", 7L));
    }
    assertEquals(Optional.empty(), ParquetFooter.sparkSchema(new Configuration(), file), "no Spark schema");
  }
}
