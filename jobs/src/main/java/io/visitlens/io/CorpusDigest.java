package io.visitlens.io;

import static org.apache.spark.sql.functions.expr;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/** run.json's {@code content_sha256}: a digest of the corpus that depends on neither file order nor partitioning. */
public final class CorpusDigest {
  private CorpusDigest() {}

  /**
   * The sum behind the digest, as an aggregate column over documents ({@code doc_id}, {@code text}), so that a job
   * counting the documents takes it in the same pass: the decimal sum of the first 60 bits of each document's
   * SHA-256 over {@code doc_id NUL text}. Computed on the executors; only the sum reaches the driver.
   */
  public static Column sum() {
    return org.apache.spark.sql.functions.sum(expr(
        "cast(conv(substring(sha2(concat(doc_id, '\u0000', text), 256), 1, 15), 16, 10) as decimal(38,0))"));
  }

  /** The digest: the SHA-256 of a {@link #sum}'s decimal text (null, no documents: "0"). */
  public static String of(BigDecimal sum) {
    return Sha256.hex(sum == null ? "0" : sum.toPlainString());
  }
}
