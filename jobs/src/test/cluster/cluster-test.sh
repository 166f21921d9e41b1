#!/usr/bin/env bash
# The cluster test and the fault test: VisitLens's application jar on a real Spark 3.5.7 standalone cluster
# (a Master and two 1-core Workers on 127.0.0.1), compared report by report with a local run.
#
#   1. assemble a Spark home (jars/) from Maven: spark-home-pom.xml
#   2. generate a corpus of $ARTICLES articles from the seeds (jobs/bin/visitlens generate)
#   3. local run: jobs/bin/visitlens run (embedded local Spark), the reference
#   4. start the Master and two Workers; submit jobs/target/visitlens.jar through SparkSubmit
#   5. check every report equals the local run's (io.visitlens.cluster.SameReports)
#   6. fault run: submit again, kill -9 one executor JVM while it runs an annotate task, check the job still
#      finishes with the same reports (io.visitlens.cluster.FaultInjection, SameReports)
#
# Needs jobs/target/visitlens.jar and jobs/target/test-classes: run `mvn -B verify` (or package) first.
# Everything it writes is under jobs/target/cluster-test; every process it starts is stopped by pid on exit.
# Environment: ARTICLES (default 3000), MAVEN_ARGS (added to the one Maven call, e.g. -o).
set -euo pipefail

jobs_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
repo=$(dirname "$jobs_dir")
target="$jobs_dir/target"
work="$target/cluster-test"
articles=${ARTICLES:-3000}

jar="$target/visitlens.jar"
for needed in "$jar" "$target/test-classes/io/visitlens/cluster/SameReports.class"; do
  if [[ ! -f $needed ]]; then
    echo "cluster-test: $needed is missing; run mvn -B verify first" >&2
    exit 2
  fi
done

log() { printf '%s cluster-test: %s\n' "$(date +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }

# --- processes: every pid this script starts, stopped on exit whatever happens -----------------------------
pids=()        # the Master and the Workers
driver_pid=""  # the driver of the submission under way
stop_all() {
  local status=$?
  set +e
  if [[ -n $driver_pid ]]; then
    pids+=("$driver_pid")
  fi
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    kill -TERM "${pids[i]}" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
  done
  # Executors are the Workers' children and end with them; any JVM still running from this Spark home was
  # started by this test (its class path names the directory), so it is stopped too, by pid.
  for pid in $(pgrep -f -- "$spark_home/jars" 2>/dev/null); do
    log "stopping leftover process $pid"
    kill -KILL "$pid" 2>/dev/null
  done
  exit "$status"
}
spark_home="$work/spark-home"
trap stop_all EXIT
trap 'exit 130' INT TERM

rm -rf "$work"
mkdir -p "$work"

# --- 1. the Spark home: Spark's jars as a distribution has them --------------------------------------------
log "assembling a Spark home from Maven in $spark_home"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -f "$jobs_dir/src/test/cluster/spark-home-pom.xml" dependency:copy-dependencies \
  -DoutputDirectory="$spark_home/jars" >"$work/spark-home.log" 2>&1 || { cat "$work/spark-home.log"; exit 1; }
log "Spark home: $(find "$spark_home/jars" -name '*.jar' | wc -l) jars, $(du -sh "$spark_home/jars" | cut -f1)"

export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.12
# Everything on loopback: bind addresses, advertised addresses and UI links.
export SPARK_LOCAL_IP=127.0.0.1 SPARK_PUBLIC_DNS=127.0.0.1 SPARK_LOCAL_DIRS="$work/spark-local"
mkdir -p "$SPARK_LOCAL_DIRS"
read -r -a opens < "$target/classes/io/visitlens/launcher/jvm-options.txt"
log_config="-Dlog4j2.configurationFile=$target/classes/io/visitlens/log4j2-visitlens.properties"
tools_cp="$target/test-classes:$jar:$spark_home/jars/*"

# --- 2. the corpus -----------------------------------------------------------------------------------------
corpus="$work/corpus/articles.jsonl"
"$jobs_dir/bin/visitlens" generate --docs "$articles" --out "$corpus" --seeds-corpus "$repo/seeds/corpus" \
  --visits "$repo/seeds/visits.csv" --lexicon "$repo/seeds/lexicon/sectors.csv"
run_args=(run --corpus "$corpus" --visits "$repo/seeds/visits.csv" --lexicon "$repo/seeds/lexicon/sectors.csv"
  --aliases "$repo/seeds/aliases.csv")

# --- 3. the local run, the reference -----------------------------------------------------------------------
log "local run: jobs/bin/visitlens (embedded local Spark, local[*])"
t0=$(now_ms)
VISITLENS_JAVA_OPTS="-Xmx3g" "$jobs_dir/bin/visitlens" "${run_args[@]}" --out "$work/local" \
  >"$work/local.out" 2>"$work/local.err" || { tail -50 "$work/local.err"; exit 1; }
local_ms=$(( $(now_ms) - t0 ))
tail -1 "$work/local.out"

# --- 4. the cluster: a Master and two Workers with one core each ---------------------------------------------
start_daemon() { # name, main class, arguments...
  local name=$1
  shift
  java "${opens[@]}" -Xmx512m -cp "$spark_home/jars/*" "$@" >"$work/$name.log" 2>&1 &
  pids+=("$!")
  log "started $name, pid $!"
}
wait_for() { # file, pattern, seconds
  for _ in $(seq $(( $3 * 5 ))); do
    if grep -q -- "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  log "timed out waiting for '$2' in $1"
  tail -30 "$1"
  return 1
}

start_daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
wait_for "$work/master.log" "Starting Spark master at spark://" 60
master_url=$(grep -o 'spark://127\.0\.0\.1:[0-9]*' "$work/master.log" | head -1)
log "master at $master_url"
for w in 1 2; do
  mkdir -p "$work/worker$w"
  start_daemon "worker$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 2g --work-dir "$work/worker$w" "$master_url"
done
for w in 1 2; do
  wait_for "$work/worker$w.log" "Successfully registered with master" 60
done

submit() { # name: writes $work/$name, logs $work/$name.{out,err}, events in $work/events-$name
  local name=$1
  mkdir -p "$work/events-$name"
  # Client mode: the driver is this JVM, so its heap and the add-opens flags are set here (bin/spark-submit
  # would add the flags itself); executors get theirs from SparkContext.
  java "${opens[@]}" -Xmx2g -cp "$spark_home/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$master_url" --deploy-mode client \
    --class io.visitlens.job.VisitLens \
    --conf spark.executor.memory=2g \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$work/events-$name" \
    "$jar" "${run_args[@]}" --out "$work/$name" >"$work/$name.out" 2>"$work/$name.err" &
  driver_pid=$!
}
finish() { # name: waits for the driver of the submission, fails the test when it failed
  local status=0
  wait "$driver_pid" || status=$?
  driver_pid=""
  if (( status != 0 )); then
    log "the $1 run failed (exit code $status)"
    tail -50 "$work/$1.err"
    exit 1
  fi
}

log "cluster run: SparkSubmit --master $master_url visitlens.jar run"
t0=$(now_ms)
submit cluster
finish cluster
cluster_ms=$(( $(now_ms) - t0 ))
tail -1 "$work/cluster.out"

# --- 5. same reports ---------------------------------------------------------------------------------------
log "comparing the cluster run's reports with the local run's"
java "${opens[@]}" -Xmx2g "$log_config" -cp "$tools_cp" io.visitlens.cluster.SameReports "$work/local" "$work/cluster"

# --- 6. the fault run --------------------------------------------------------------------------------------
log "fault run: the same submission; one executor JVM is killed (kill -9) while it runs an annotate task"
t0=$(now_ms)
submit fault
busy=$(java -cp "$tools_cp" io.visitlens.cluster.FaultInjection busy-executor "$work/events-fault" "$driver_pid" 600 \
  "$work/worker1" "$work/worker2") || { log "found no executor running an annotate task"; exit 1; }
read -r victim_pid victim_executor victim_stage victim_task <<<"$busy"
log "killing executor $victim_executor (pid $victim_pid) while it runs task $victim_task of stage $victim_stage"
kill -9 "$victim_pid"
finish fault
fault_ms=$(( $(now_ms) - t0 ))
tail -1 "$work/fault.out"
java -cp "$tools_cp" io.visitlens.cluster.FaultInjection summary "$work/events-fault" "$victim_executor"
log "comparing the fault run's reports with the local run's"
java "${opens[@]}" -Xmx2g "$log_config" -cp "$tools_cp" io.visitlens.cluster.SameReports "$work/local" "$work/fault"

# --- wall times ----------------------------------------------------------------------------------------------
awk -v n="$articles" -v bytes="$(stat -c %s "$corpus")" -v l="$local_ms" -v c="$cluster_ms" -v f="$fault_ms" 'BEGIN {
  printf "cluster-test: wall time, %d articles (%.1f MB): local[*] %.1f s | standalone cluster, 2 executors x 1 core %.1f s | the same with an executor killed %.1f s\n", n, bytes / 1e6, l / 1000, c / 1000, f / 1000
}' | tee "$work/wall-times.txt"
log "PASS"
