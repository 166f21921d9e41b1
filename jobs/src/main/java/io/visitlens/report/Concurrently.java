package io.visitlens.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Runs a step's independent Spark actions (reports that read the same cached data and not each other) on threads
 * of their own. Spark schedules jobs from several threads at once: while the driver analyses, optimises and plans
 * one report's query, another's tasks run, and a report sorted in one task no longer leaves the other core idle.
 *
 * <p>Each thread is created here, so it inherits the caller's Spark local properties (the step's job description).
 * Every action is waited for, failed or not, before this returns: nothing still writes into the staging directory
 * when a failure aborts it. The failure of the earliest failed action in argument order is rethrown, the others added
 * to it as suppressed in that order: which error a failed step reports does not depend on which thread was faster.
 */
public final class Concurrently {
  private Concurrently() {}

  /** Runs every action, the first on the calling thread and each other on a new one; returns when all have ended. */
  public static void run(String step, Runnable... actions) {
    AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(actions.length);
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i < actions.length; i++) {
      Runnable action = actions[i];
      int index = i;
      Thread t = new Thread(() -> attempt(Runnable::run, action, failures, index), "visitlens-" + step + "-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    if (actions.length > 0) {
      attempt(Runnable::run, actions[0], failures, 0);
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    rethrow(failures);
  }

  /** Rethrows the earliest failure, the later ones suppressed in it in order; returns when there is none. */
  private static void rethrow(AtomicReferenceArray<Throwable> failures) {
    Throwable first = null;
    for (int i = 0; i < failures.length(); i++) {
      Throwable f = failures.get(i);
      if (f == null) {
        continue;
      }
      if (first == null) {
        first = f;
      } else {
        first.addSuppressed(f);
      }
    }
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
    if (first != null) {
      throw new IllegalStateException(first);
    }
  }

  /**
   * Runs {@code action} on every item, on at most {@code threads} threads (the calling thread one of them), which take
   * the items in list order as each becomes free; returns when all have ended. Failures as {@link #run}: every item
   * is attempted, and the failure of the earliest failed item in list order is rethrown with the others suppressed.
   */
  public static <T> void each(String step, int threads, List<T> items, Consumer<T> action) {
    AtomicInteger next = new AtomicInteger();
    AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(items.size());
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        attempt(action, items.get(i), failures, i);
      }
    };
    Runnable[] workers = new Runnable[Math.max(1, Math.min(threads, items.size()))];
    Arrays.fill(workers, worker);
    run(step, workers);
    rethrow(failures);
  }

  private static <T> void attempt(Consumer<T> action, T item,
      AtomicReferenceArray<Throwable> failures, int index) {
    try {
      action.accept(item);
    } catch (Throwable t) {
      failures.set(index, t);
    }
  }
}
