package io.visitlens.io;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema recorded in a Parquet file's footer by the Spark that wrote it, read on the driver. Given to
 * {@code spark.read().schema(...)}, it spares the Spark job that schema inference runs to read footers: on a
 * small run, where the page opens seven reports, those jobs and their scheduling were half a second.
 */
public final class ParquetFooter {
  /** The footer key under which Spark stores a file's schema as JSON. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private ParquetFooter() {}

  /** The schema Spark wrote into {@code file}'s footer; empty when the file has none (not written by Spark). */
  public static Optional<StructType> sparkSchema(Configuration conf, Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      String json = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
      if (json == null) {
        return Optional.empty();
      }
      DataType type = DataType.fromJson(json);
      return type instanceof StructType s ? Optional.of(s) : Optional.empty();
    }
  }
}
