package io.visitlens.report;

import io.visitlens.io.ReportWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A report: what the catalogue says of it, its name (the file and directory names under {@code csv/} and
 * {@code parquet/}), its sort order (the columns its rows are sorted by, {@code desc} where descending) and its
 * columns; and how its rows are planned from the analysis's shared {@link Products}. Each report's class
 * ({@link DocumentsReport}, …) holds its {@code REPORT} and builds it; {@link Reports#ALL} lists them, and the
 * analysis plans, and the job writes, every report listed there.
 */
public record Report(String name, List<String> order, StructType schema,
    Function<Products, ReportWriter.Plan> planner) {

  /**
   * The report's rows, planned from the analysis's products; nothing is written. Null when the run does not compute
   * the report ({@code --no-speech} leaves out the speech pass's three).
   */
  public ReportWriter.Plan plan(Products products) {
    ReportWriter.Plan plan = planner.apply(products);
    if (plan != null && !plan.name().equals(name)) {
      throw new IllegalStateException(name + " planned rows named " + plan.name());
    }
    return plan;
  }

  /**
   * The columns with those named required (not nullable), the others nullable: the schema of rows a report builds
   * on the driver, whose Parquet files have always marked those columns required.
   */
  StructType schemaRequiring(String... required) {
    List<String> names = Arrays.asList(required);
    StructType s = new StructType();
    for (org.apache.spark.sql.types.StructField f : schema.fields()) {
      s = s.add(f.name(), f.dataType(), !names.contains(f.name()));
    }
    return s;
  }

  /** Rows the writer sorts into this report's order; at most {@code maxRows} expected ({@link ReportWriter.Plan}). */
  ReportWriter.Plan sorted(Dataset<Row> rows, long maxRows) {
    return ReportWriter.Plan.sorted(name, rows, order, maxRows);
  }

  /** Rows already in this report's order. */
  ReportWriter.Plan inOrder(Dataset<Row> rows) {
    return ReportWriter.Plan.inOrder(name, rows);
  }

  /** {@code rows} with this report's columns, in their order (the others dropped). */
  public Dataset<Row> select(Dataset<Row> rows) {
    return rows.select(Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The sort order as the writer takes it. */
  public String[] orderColumns() {
    return order.toArray(new String[0]);
  }

  static final DataType STRING = DataTypes.StringType;
  static final DataType INT = DataTypes.IntegerType;
  static final DataType LONG = DataTypes.LongType;
  static final DataType DOUBLE = DataTypes.DoubleType;
  static final DataType BOOLEAN = DataTypes.BooleanType;
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

  static Report of(String name, StructType schema, Function<Products, ReportWriter.Plan> planner, String... order) {
    return new Report(name, Arrays.asList(order), schema, planner);
  }
}
