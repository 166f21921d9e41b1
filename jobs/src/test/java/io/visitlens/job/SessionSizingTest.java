package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session settings the job sizes to its corpus. */
class SessionSizingTest extends SparkTestBase {
  private static final String COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

  @AfterEach
  void putBack() {
    spark.conf().unset(COMPRESSED);
    spark.conf().unset(AnalysisJob.CODEGEN_FACTORY_MODE);
  }

  @Test
  void theCachesAreUncompressedWhileTheCorpusCachedFitsInTwiceTheStorageMemory() {
    long storage = AnalysisJob.storageMemory(spark);
    assertTrue(storage > 0, "the local block manager's storage memory: " + storage);
    long largestUncompressed = 2 * storage / AnalysisJob.CACHE_BYTES_PER_CORPUS_BYTE;

    AnalysisJob.chooseCacheCompression(spark, largestUncompressed);
    assertEquals("false", spark.conf().get(COMPRESSED), "a corpus of " + largestUncompressed + " bytes");
    AnalysisJob.chooseCacheCompression(spark, largestUncompressed + 1);
    assertEquals("true", spark.conf().get(COMPRESSED), "a corpus of " + (largestUncompressed + 1) + " bytes");
  }

  @Test
  void aCorpusOfUnknownSizeLeavesSparksDefault() {
    AnalysisJob.chooseCacheCompression(spark, -1);
    assertEquals("true", spark.conf().get(COMPRESSED), "Spark's default");
  }

  @Test
  void expressionsAreInterpretedOnlyForASmallCorpus() {
    long largest = AnalysisJob.MAX_INTERPRETED_CORPUS_BYTES;
    AnalysisJob.chooseExpressionEvaluation(spark, largest);
    assertEquals("NO_CODEGEN", spark.conf().get(AnalysisJob.CODEGEN_FACTORY_MODE), "a corpus of " + largest + " bytes");
    AnalysisJob.chooseExpressionEvaluation(spark, largest + 1);
    assertEquals("FALLBACK", spark.conf().get(AnalysisJob.CODEGEN_FACTORY_MODE),
        "a corpus of " + (largest + 1) + " bytes");
    AnalysisJob.chooseExpressionEvaluation(spark, -1);
    assertEquals("FALLBACK", spark.conf().get(AnalysisJob.CODEGEN_FACTORY_MODE), "a corpus of unknown size");
  }
}
