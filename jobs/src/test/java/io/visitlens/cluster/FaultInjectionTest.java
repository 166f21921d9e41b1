package io.visitlens.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault test's verdict, on event logs written for the test in Spark's JSON-lines format. */
class FaultInjectionTest {
  @TempDir Path dir;

  private final List<String> log = new ArrayList<>();

  private FaultInjectionTest app() {
    log.add("{\"Event\":\"SparkListenerApplicationStart\",\"App ID\":\"app-1\"}");
    log.add("{\"Event\":\"SparkListenerExecutorAdded\",\"Executor ID\":\"0\"}");
    log.add("{\"Event\":\"SparkListenerExecutorAdded\",\"Executor ID\":\"1\"}");
    return this;
  }

  private FaultInjectionTest job(int id, int... stages) {
    StringBuilder ids = new StringBuilder();
    for (int s : stages) {
      ids.append(ids.length() == 0 ? "" : ",").append(s);
    }
    log.add("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + id + ",\"Stage IDs\":[" + ids
        + "],\"Properties\":{\"spark.job.description\":\"VisitLens annotate\"}}");
    return this;
  }

  private FaultInjectionTest task(int stage, int stageAttempt, int index, long tid, String executor, String reason) {
    log.add("{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":" + stage + ",\"Stage Attempt ID\":" + stageAttempt
        + ",\"Task End Reason\":{\"Reason\":\"" + reason + "\"},\"Task Info\":{\"Task ID\":" + tid + ",\"Index\":"
        + index + ",\"Attempt\":0,\"Executor ID\":\"" + executor + "\"}}");
    return this;
  }

  private FaultInjectionTest stageSubmitted(int stage, int attempt) {
    log.add("{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":{\"Stage ID\":" + stage
        + ",\"Stage Attempt ID\":" + attempt + "}}");
    return this;
  }

  private FaultInjectionTest stageCompleted(int stage, int attempt, String failure) {
    log.add("{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":" + stage
        + ",\"Stage Attempt ID\":" + attempt + (failure == null ? "" : ",\"Failure Reason\":\"" + failure + "\"") + "}}");
    return this;
  }

  private FaultInjectionTest jobEnd(int id, String result) {
    log.add("{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + id + ",\"Job Result\":{\"Result\":\"" + result + "\"}}");
    return this;
  }

  private boolean verdict(String killed) throws IOException {
    Files.write(dir.resolve("app-1"), log);
    return FaultInjection.summary(dir, killed);
  }

  @Test
  void aTaskRetriedOnAnotherExecutorRecovers() throws IOException {
    app().job(0, 11, 12).task(12, 0, 1, 13, "0", "ExecutorLostFailure").task(12, 0, 1, 15, "1", "Success")
        .stageCompleted(12, 0, null).jobEnd(0, "JobSucceeded");
    assertTrue(verdict("0"), "a lost task that succeeded on its retry is a recovery");
  }

  @Test
  void aRetryThatFailsToFetchRecoversThroughTheStageResubmission() throws IOException {
    // As CI recorded it: the retry could not fetch its input from the killed executor, Spark resubmitted the stage,
    // and the partition was not run again as a task of stage 12 in the log, but the stage and its jobs completed.
    app().job(0, 11, 12).task(12, 0, 1, 13, "0", "ExecutorLostFailure").task(12, 0, 1, 15, "1", "FetchFailed")
        .stageCompleted(12, 0, "org.apache.spark.shuffle.FetchFailedException\\n\\tat ...")
        .stageSubmitted(11, 1).stageCompleted(11, 1, null).stageSubmitted(12, 1).stageCompleted(12, 1, null)
        .jobEnd(0, "JobSucceeded");
    assertTrue(verdict("0"), "a fetch failure healed by a resubmitted stage whose job succeeded is a recovery");
  }

  @Test
  void aStageWhoseLastAttemptFailedDidNotRecover() throws IOException {
    app().job(0, 11, 12).task(12, 0, 1, 13, "0", "ExecutorLostFailure").task(12, 0, 1, 15, "1", "FetchFailed")
        .stageCompleted(12, 0, "FetchFailed").jobEnd(0, "JobFailed");
    assertFalse(verdict("0"), "a stage that never completed after the kill is not a recovery");
  }

  @Test
  void aKillThatHitNothingRunningFails() throws IOException {
    app().job(0, 12).task(12, 0, 1, 13, "1", "Success").stageCompleted(12, 0, null).jobEnd(0, "JobSucceeded");
    assertFalse(verdict("0"), "the kill must have hit a running task of the killed executor");
  }
}
