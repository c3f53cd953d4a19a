#!/bin/bash
# Run 5: EngineBenchmark (default windows, listener false and true, -prof gc) and the 256 MB soak,
# base (9ffa67a, the head of main before the engine-perf branch) against the engine-perf head,
# interleaved in two rounds. Each run holds /tmp/tradeserver-bench.lock (the machine is shared)
# and records the load average at its start in load-<name>.txt.
# /tmp/engine-base.jar and /tmp/engine-final.jar are benchmarks/target/benchmarks.jar built from
# the two commits (mvn -B -o -q package -DskipTests -pl benchmarks -am).
out=${1:-benchmarks/results/run5}
for round in 1 2; do
  for j in base final; do
    uptime > $out/load-engine-$j-$round.txt
    flock /tmp/tradeserver-bench.lock java -jar /tmp/engine-$j.jar EngineBenchmark \
      -p windows=default -prof gc -rf json -rff $out/engine-$j-$round.json \
      > $out/engine-$j-$round.log 2>&1
  done
done
for j in base final; do
  uptime > $out/load-soak-$j.txt
  flock /tmp/tradeserver-bench.lock java -Xmx256m -XX:+UseParallelGC \
    -cp /tmp/engine-$j.jar io.tradeserver.bench.EngineSoak --orders 1000000 --report-every 100000 \
    > $out/soak-$j.log 2>&1
done
