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
    spark.conf().unset(AnalysisJob.WHOLE_STAGE_CODEGEN);
  }

  @Test
  void wholeStageCodeIsOffForTheRunAndThenAsItWas() {
    java.util.Map<String, String> before = AnalysisJob.sessionSettings(spark);
    assertEquals(null, before.get(AnalysisJob.WHOLE_STAGE_CODEGEN), "not set in this session before");
    AnalysisJob.withoutWholeStageCodegen(spark);
    assertEquals("false", spark.conf().get(AnalysisJob.WHOLE_STAGE_CODEGEN), "during the run");
    before.forEach((key, value) -> AnalysisJob.restore(spark, key, value));
    assertEquals(false, spark.conf().contains(AnalysisJob.WHOLE_STAGE_CODEGEN), "unset again after it");
    assertEquals("true", spark.conf().get(AnalysisJob.WHOLE_STAGE_CODEGEN, "true"), "Spark's default after it");

    spark.conf().set(AnalysisJob.WHOLE_STAGE_CODEGEN, "true");
    before = AnalysisJob.sessionSettings(spark);
    assertEquals("true", before.get(AnalysisJob.WHOLE_STAGE_CODEGEN), "the session's own value");
    AnalysisJob.withoutWholeStageCodegen(spark);
    assertEquals("false", spark.conf().get(AnalysisJob.WHOLE_STAGE_CODEGEN), "during the run");
    before.forEach((key, value) -> AnalysisJob.restore(spark, key, value));
    assertEquals("true", spark.conf().get(AnalysisJob.WHOLE_STAGE_CODEGEN), "the session's own value after it");
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
