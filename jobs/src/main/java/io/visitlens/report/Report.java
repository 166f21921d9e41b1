package io.visitlens.report;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the catalogue says of a report: its name (the file and directory names under {@code csv/} and
 * {@code parquet/}), its sort order (the columns its rows are sorted by, {@code desc} where descending) and its
 * columns. Each report's class ({@link DocumentsReport}, …) holds these and builds the report; {@link Reports#ALL}
 * lists them.
 */
public record Report(String name, List<String> order, StructType schema) {

  /** The sort order as the writer takes it. */
  public String[] orderColumns() {
    return order.toArray(new String[0]);
  }

  static final DataType STRING = DataTypes.StringType;
  static final DataType INT = DataTypes.IntegerType;
  static final DataType LONG = DataTypes.LongType;
  static final DataType DOUBLE = DataTypes.DoubleType;
  static final DataType DATE = DataTypes.DateType;
  static final DataType CODES = DataTypes.createArrayType(DataTypes.StringType);

  /** A schema from (name, type) pairs; nullability is not part of the contract, so every column is nullable. */
  static StructType columns(Object... namesAndTypes) {
    StructType s = new StructType();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      s = s.add((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1], true);
    }
    return s;
  }

  static Report of(String name, StructType schema, String... order) {
    return new Report(name, Arrays.asList(order), schema);
  }
}
