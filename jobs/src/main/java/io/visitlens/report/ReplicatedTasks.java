package io.visitlens.report;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Resampling work over one gathered value (the articles of two visits, as one row made by an aggregation on an
 * executor): the value is joined to each task row by a cartesian product that shuffles and replicates
 * ({@code shuffle_replicate_nl}, so it never passes through the driver as a broadcast would), the task rows are
 * spread over as many partitions, and each runs the task function; only the tasks' small result rows come back, at
 * most {@code maxRows}. The bootstrap ({@link EmphasisBootstrap}) and the permutation test
 * ({@link CooccurrenceChangeReport}) share it.
 */
final class ReplicatedTasks {

  private ReplicatedTasks() {}

  /**
   * The rows {@code task} returns for each row of {@code tasks} (its columns, then the gathered value's), collected.
   *
   * @param tasks    one row per task, its columns the task's key
   * @param n        how many rows {@code tasks} has: the partitions
   * @param gathered one row: the value every task reads
   */
  static List<Row> run(Dataset<Row> tasks, int n, Dataset<Row> gathered, FlatMapFunction<Row, Row> task,
      StructType schema, long maxRows) {
    return tasks.hint("shuffle_replicate_nl").crossJoin(gathered)
        .repartition(Math.max(1, n), Arrays.stream(tasks.columns()).map(k -> col(k)).toArray(Column[]::new))
        .flatMap(task, Encoders.row(schema))
        .limit((int) Math.min(Integer.MAX_VALUE, maxRows))
        .collectAsList();
  }
}
