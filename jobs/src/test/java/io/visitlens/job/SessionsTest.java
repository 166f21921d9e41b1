package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The settings the CLI gives its session, and that a user's own setting wins. */
class SessionsTest {

  @Test
  void theGeneratedCodeCacheIsSizedForARunUnlessTheUserSetsIt() {
    assertEquals(Map.of(Sessions.CODEGEN_CACHE_KEY, "1000"), Sessions.tunedDefaults(new SparkConf(false)),
        "Spark's default of 100 generated classes is fewer than one run's");
    assertEquals(Map.of(), Sessions.tunedDefaults(new SparkConf(false).set(Sessions.CODEGEN_CACHE_KEY, "50")),
        "a --conf value is left alone");
  }
}
