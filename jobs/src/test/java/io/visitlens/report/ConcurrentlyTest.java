package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest extends SparkTestBase {

  @Test
  void theActionsRunAtOnceAndAllHaveEndedWhenItReturns() {
    // Each action waits for the other to start: run one after the other, they would never end.
    CountDownLatch started = new CountDownLatch(2);
    ConcurrentHashMap<String, Boolean> ended = new ConcurrentHashMap<>();
    Concurrently.run("test", () -> meet(started, ended, "a"), () -> meet(started, ended, "b"));
    assertEquals(2, ended.size(), "both actions ended before run returned: " + ended.keySet());
  }

  @Test
  void theEarliestActionsFailureIsRethrownAfterEveryActionHasEndedTheOthersSuppressed() {
    AtomicBoolean slowEnded = new AtomicBoolean();
    IllegalStateException first = new IllegalStateException("first");
    CountDownLatch laterFailed = new CountDownLatch(1);
    // The third action fails first in time; the first action's failure is still the one rethrown.
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> Concurrently.run("test", () -> {
      await(laterFailed);
      sleep(100);
      first.fillInStackTrace();
      throw first;
    }, () -> {
      await(laterFailed);
      sleep(200);
      slowEnded.set(true);
    }, () -> {
      laterFailed.countDown();
      throw new IllegalArgumentException("second");
    }));
    assertSame(first, thrown, "the failure of the earliest action in argument order, whichever failed first");
    assertTrue(slowEnded.get(), "the slow action had ended when the failure was rethrown");
    assertEquals(List.of("second"), List.of(thrown.getSuppressed()).stream().map(Throwable::getMessage).toList(),
        "the other failure, suppressed");
  }

  @Test
  void theActionsSeeTheCallersJobDescriptionAndSparkRunsTheirJobs() {
    spark.sparkContext().setJobDescription("VisitLens test-step");
    try {
      ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();
      long[] counts = new long[2];
      Concurrently.run("test", () -> {
        seen.put("a", spark.sparkContext().getLocalProperty("spark.job.description"));
        counts[0] = spark.range(1000).count();
      }, () -> {
        seen.put("b", spark.sparkContext().getLocalProperty("spark.job.description"));
        counts[1] = spark.range(10).count();
      });
      assertEquals("VisitLens test-step", seen.get("a"), "the calling thread's action");
      assertEquals("VisitLens test-step", seen.get("b"), "the new thread's action");
      assertEquals(1000, counts[0], "the first action's count");
      assertEquals(10, counts[1], "the second action's count");
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  @Test
  void noActionsIsNothingToDo() {
    Concurrently.run("test");
    assertFalse(Thread.currentThread().isInterrupted(), "the caller is not left interrupted");
  }

  private static void meet(CountDownLatch started, ConcurrentHashMap<String, Boolean> ended, String name) {
    started.countDown();
    await(started);
    ended.put(name, true);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other action never started: the actions do not run at once");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
