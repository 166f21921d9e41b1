package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The step timings, and the steps that run at the same time. */
class StepsTest extends SparkTestBase {

  /** Waits until every step of the group has started: fails unless they really run at the same time. */
  private static String meet(CountDownLatch all, long sleepMs, String line) {
    all.countDown();
    try {
      assertTrue(all.await(30, TimeUnit.SECONDS), "the other steps of the group never started");
      Thread.sleep(sleepMs);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return line;
  }

  @Test
  void concurrentStepsRunAtOnceEachTimedOnItsOwnAndKeptInTheOrderGiven() {
    Steps steps = new Steps(spark);
    steps.begin("first");
    steps.done("first", "one step");
    CountDownLatch all = new CountDownLatch(3);
    Map<String, String> descriptions = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    // the longest first: the timings keep the order given, not the order the steps end in
    steps.concurrently("group",
        new Steps.Concurrent("slow", () -> {
          descriptions.put("slow", spark.sparkContext().getLocalProperty("spark.job.description"));
          return meet(all, 300, "slow done");
        }),
        new Steps.Concurrent("quick", () -> {
          descriptions.put("quick", spark.sparkContext().getLocalProperty("spark.job.description"));
          return meet(all, 0, "quick done");
        }),
        new Steps.Concurrent("middle", () -> meet(all, 150, "middle done")));
    long groupMs = (System.nanoTime() - t0) / 1_000_000;
    steps.begin("after");
    steps.done("after", "the next step");

    Map<String, Long> timings = steps.timings();
    assertEquals(List.of("first", "slow", "quick", "middle", "after", "total"), List.copyOf(timings.keySet()),
        "timings: " + timings);
    assertTrue(timings.get("slow") >= 300 && timings.get("slow") <= groupMs, "slow: " + timings + ", group " + groupMs);
    assertTrue(timings.get("middle") >= 150, "middle: " + timings);
    assertTrue(timings.get("quick") < timings.get("slow"), "each step timed on its own: " + timings);
    assertTrue(timings.get("after") < 150, "the next step starts when the group ends: " + timings);
    assertEquals("VisitLens slow", descriptions.get("slow"), "each step's jobs carry its name");
    assertEquals("VisitLens quick", descriptions.get("quick"), "each step's jobs carry its name");
    steps.end();
  }

  @Test
  void aFailedStepFailsTheGroupAfterTheOthersHaveEnded() {
    Steps steps = new Steps(spark);
    CountDownLatch all = new CountDownLatch(2);
    boolean[] otherEnded = {false};
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> steps.concurrently("group",
        new Steps.Concurrent("fails", () -> {
          meet(all, 0, "");
          throw new IllegalStateException("no topics today");
        }),
        new Steps.Concurrent("ends", () -> {
          String line = meet(all, 200, "ended");
          otherEnded[0] = true;
          return line;
        })));
    assertEquals("no topics today", e.getMessage());
    assertTrue(otherEnded[0], "the group returns only when every step has ended");
    steps.end();
  }
}
