package io.visitlens.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two halves of the cluster fault test, around the {@code kill -9} the test script does itself.
 *
 * <pre>
 * java io.visitlens.cluster.FaultInjection busy-executor EVENT_LOG_DIR DRIVER_PID TIMEOUT_S WORKER_DIR...
 *     waits until an executor of the application runs a task of the annotate step, and prints
 *     "PID EXECUTOR_ID STAGE TASK" of one such executor JVM; exit 1 on timeout or when the driver ended first
 * java io.visitlens.cluster.FaultInjection summary EVENT_LOG_DIR KILLED_EXECUTOR_ID
 *     prints what the application's event log says about the lost executor and the tasks Spark retried;
 *     exit 1 when no task of the killed executor failed (the kill hit nothing running) or a job failed
 * </pre>
 *
 * The annotate step is found by its job description ({@code VisitLens annotate}, set by AnalysisJob) in the
 * driver's event log; running tasks by the executors' own logs ({@code Running task 1.0 in stage 41.0}
 * without its {@code Finished task}) in the workers' directories; the executor's JVM by its command line
 * ({@code CoarseGrainedExecutorBackend --executor-id N ... --app-id APP}).
 */
public final class FaultInjection {
  /** The job description of the annotate step's Spark jobs (job.Steps). */
  public static final String ANNOTATE = "VisitLens annotate";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RUNNING = Pattern.compile("Running task (\\S+) in stage (\\d+)\\.(\\d+) \\(TID (\\d+)\\)");
  private static final Pattern FINISHED = Pattern.compile("Finished task \\S+ in stage \\d+\\.\\d+ \\(TID (\\d+)\\)");

  /** How long a task must be seen running before its executor is killed. */
  private static final long STILL_RUNNING_NANOS = 1_000_000_000L;

  private FaultInjection() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("busy-executor")) {
      List<Path> workers = new ArrayList<>();
      for (int i = 4; i < args.length; i++) {
        workers.add(Path.of(args[i]));
      }
      Optional<String> found = busyExecutor(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]), workers);
      if (found.isEmpty()) {
        System.exit(1);
      }
      System.out.println(found.get());
    } else if (args.length == 3 && args[0].equals("summary")) {
      System.exit(summary(Path.of(args[1]), args[2]) ? 0 : 1);
    } else {
      System.err.println("usage: FaultInjection busy-executor EVENT_LOG_DIR DRIVER_PID TIMEOUT_S WORKER_DIR... | "
          + "summary EVENT_LOG_DIR KILLED_EXECUTOR_ID");
      System.exit(2);
    }
  }

  static Optional<String> busyExecutor(Path eventDir, long driverPid, long timeoutSeconds, List<Path> workers)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    // A task seen running once may be a short one about to finish (a CI run killed an executor just after its
    // only annotate task ended, so the kill hit nothing): the same task must still run a second later.
    String candidate = null;
    long candidateSince = 0;
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(driverPid).map(p -> !p.isAlive()).orElse(true)) {
        System.err.println("fault: the driver ended before the annotate step ran on an executor");
        return Optional.empty();
      }
      Optional<Path> log = eventLog(eventDir);
      if (log.isPresent()) {
        Events events = Events.read(log.get());
        if (events.appId != null && !events.annotateStages.isEmpty()) {
          for (Path worker : workers) {
            Optional<String> busy = runningTask(worker.resolve(events.appId), events.annotateStages, events.appId);
            if (busy.isPresent()) {
              if (!busy.get().equals(candidate)) {
                candidate = busy.get();
                candidateSince = System.nanoTime();
              } else if (System.nanoTime() - candidateSince >= STILL_RUNNING_NANOS) {
                return busy;
              }
              break;
            }
          }
        }
      }
      Thread.sleep(200);
    }
    System.err.println("fault: no executor ran an annotate task within " + timeoutSeconds + " s");
    return Optional.empty();
  }

  /** "PID EXECUTOR STAGE TASK" of an executor below {@code appDir} that runs a task of {@code stages}. */
  private static Optional<String> runningTask(Path appDir, Set<Integer> stages, String appId) {
    if (!Files.isDirectory(appDir)) {
      return Optional.empty();
    }
    try (Stream<Path> executors = Files.list(appDir)) {
      for (Path dir : executors.sorted().toList()) {
        Path stderr = dir.resolve("stderr");
        if (!Files.isRegularFile(stderr)) {
          continue;
        }
        String executorId = dir.getFileName().toString();
        Map<String, String> running = new LinkedHashMap<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
          Matcher m = RUNNING.matcher(line);
          if (m.find() && stages.contains(Integer.parseInt(m.group(2)))) {
            running.put(m.group(4), m.group(2) + " " + m.group(1));
          }
          Matcher f = FINISHED.matcher(line);
          if (f.find()) {
            running.remove(f.group(1));
          }
        }
        if (!running.isEmpty()) {
          Optional<Long> pid = executorPid(appId, executorId);
          if (pid.isPresent()) {
            return Optional.of(pid.get() + " " + executorId + " " + running.values().iterator().next());
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The pid of the executor JVM of {@code appId} with {@code executorId}, from its command line. */
  static Optional<Long> executorPid(String appId, String executorId) {
    return ProcessHandle.allProcesses().filter(p -> {
      List<String> args = List.of(p.info().arguments().orElse(new String[0]));
      return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
          && follows(args, "--executor-id", executorId) && follows(args, "--app-id", appId);
    }).map(ProcessHandle::pid).findFirst();
  }

  private static boolean follows(List<String> args, String flag, String value) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(value);
  }

  private static Optional<Path> eventLog(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("app-")).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean summary(Path eventDir, String killedExecutor) {
    Path log = eventLog(eventDir).orElseThrow(() -> new IllegalStateException("no event log in " + eventDir));
    Events e = Events.read(log);
    System.out.println("fault: event log " + log.getFileName() + ": executors added " + e.executorsAdded
        + ", removed " + e.executorsRemoved);
    // Every task (stage and partition) that had an attempt fail, with all its attempts in order.
    Map<String, List<TaskEnd>> hit = new TreeMap<>();
    for (TaskEnd t : e.tasks) {
      if (!t.reason.equals("Success") || hit.containsKey(t.key())) {
        hit.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
      }
    }
    long lostOnKilled = e.tasks.stream()
        .filter(t -> t.executor.equals(killedExecutor) && t.reason.equals("ExecutorLostFailure")).count();
    int reruns = 0;
    boolean allRecovered = true;
    for (var task : hit.entrySet()) {
      List<TaskEnd> attempts = task.getValue();
      reruns += attempts.size() - 1;
      TaskEnd last = attempts.get(attempts.size() - 1);
      // A retried task that then fails to fetch its input (the shuffle files were on the killed executor) is not
      // retried as a task: Spark resubmits the stages that lost output and runs what is missing again in a new stage
      // attempt, or in a later job's stage. So a task recovered when its last attempt succeeded, or when every job
      // that ran its stage succeeded (a job succeeds only with every partition computed). The script then compares
      // the run's reports with the local run's.
      String stageEnd = e.stageEnds.getOrDefault(last.stage(), "never completed");
      Set<Integer> jobs = e.jobsOfStage.getOrDefault(last.stage(), Set.of());
      boolean jobsOk = !jobs.isEmpty() && jobs.stream().allMatch(job -> "JobSucceeded".equals(e.jobResultById.get(job)));
      boolean recovered = last.reason.equals("Success") || jobsOk;
      allRecovered &= recovered;
      System.out.println("fault:   " + task.getKey() + ": " + String.join(" -> ", attempts.stream().map(TaskEnd::toString).toList())
          + (last.reason.equals("Success") ? "" : "; stage " + last.stage() + " " + stageEnd
              + (jobsOk ? ", its jobs succeeded" : ", a job that ran it did not succeed"))
          + (recovered ? "" : "  NOT RECOVERED"));
    }
    System.out.println("fault: " + hit.size() + " task(s) hit, " + reruns + " task retries; " + e.stageRetries
        + " stage attempt(s) resubmitted to recompute lost shuffle output or cached blocks; jobs " + e.jobResults);
    boolean ok = lostOnKilled > 0 && allRecovered && !e.jobResults.containsKey("JobFailed");
    System.out.println(ok
        ? "fault: PASS: executor " + killedExecutor + " was killed while running " + lostOnKilled
            + " task(s); Spark recovered every task it hit (by a task retry or a resubmitted stage) and every job succeeded"
        : "fault: FAIL: executor " + killedExecutor + " lost " + lostOnKilled + " running task(s); every hit task "
            + (allRecovered ? "recovered" : "did not recover") + "; jobs " + e.jobResults);
    return ok;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** One task attempt's end, from the event log. */
  record TaskEnd(int stage, int stageAttempt, int index, int attempt, long tid, String executor, String reason) {
    String key() {
      return String.format("stage %d task %d", stage, index);
    }

    @Override
    public String toString() {
      return String.format("%s on executor %s (stage attempt %d, TID %d)", reason, executor, stageAttempt, tid);
    }
  }

  /** What the tests need from a Spark event log (one JSON event per line). */
  static final class Events {
    String appId;
    final Set<Integer> annotateStages = new HashSet<>();
    final List<String> executorsAdded = new ArrayList<>();
    final List<String> executorsRemoved = new ArrayList<>();
    final List<TaskEnd> tasks = new ArrayList<>();
    int stageRetries;
    final Map<String, Integer> jobResults = new TreeMap<>();
    /** Per stage: how its last completed attempt ended ("completed in attempt N" or "failed in attempt N: ..."). */
    final Map<Integer, String> stageEnds = new TreeMap<>();
    final Map<Integer, Set<Integer>> jobsOfStage = new TreeMap<>();
    final Map<Integer, String> jobResultById = new TreeMap<>();

    static Events read(Path log) {
      Events e = new Events();
      List<String> lines;
      try {
        lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      for (String line : lines) {
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException ex) {
          continue; // the last line of a log still being written may be incomplete
        }
        switch (n.path("Event").asText()) {
          case "SparkListenerApplicationStart" -> e.appId = n.path("App ID").asText(null);
          case "SparkListenerJobStart" -> {
            int job = n.path("Job ID").asInt();
            n.path("Stage IDs").forEach(s -> e.jobsOfStage.computeIfAbsent(s.asInt(), k -> new HashSet<>()).add(job));
            if (ANNOTATE.equals(n.path("Properties").path("spark.job.description").asText())) {
              n.path("Stage IDs").forEach(s -> e.annotateStages.add(s.asInt()));
            }
          }
          case "SparkListenerExecutorAdded" -> e.executorsAdded.add(n.path("Executor ID").asText());
          case "SparkListenerExecutorRemoved" -> e.executorsRemoved.add(n.path("Executor ID").asText()
              + " (" + n.path("Removed Reason").asText() + ")");
          case "SparkListenerStageSubmitted" -> {
            if (n.path("Stage Info").path("Stage Attempt ID").asInt() > 0) {
              e.stageRetries++;
            }
          }
          case "SparkListenerTaskEnd" -> {
            JsonNode info = n.path("Task Info");
            e.tasks.add(new TaskEnd(n.path("Stage ID").asInt(), n.path("Stage Attempt ID").asInt(),
                info.path("Index").asInt(), info.path("Attempt").asInt(), info.path("Task ID").asLong(),
                info.path("Executor ID").asText(), n.path("Task End Reason").path("Reason").asText()));
          }
          case "SparkListenerStageCompleted" -> {
            JsonNode info = n.path("Stage Info");
            int attempt = info.path("Stage Attempt ID").asInt();
            e.stageEnds.put(info.path("Stage ID").asInt(), info.hasNonNull("Failure Reason")
                ? "failed in attempt " + attempt + ": " + firstLine(info.path("Failure Reason").asText())
                : "completed in attempt " + attempt);
          }
          case "SparkListenerJobEnd" -> {
            e.jobResultById.put(n.path("Job ID").asInt(), n.path("Job Result").path("Result").asText());
            e.jobResults.merge(n.path("Job Result").path("Result").asText(), 1, Integer::sum);
          }
          default -> { }
        }
      }
      return e;
    }
  }
}
