#!/bin/bash
# Engine round 2: EngineBenchmark (default windows, listener false and true, -prof gc) and the 256 MB
# soak, base (8395f88, main before engine-perf2) against the engine-perf2 head, interleaved in two
# rounds. Each run holds /tmp/tradeserver-bench.lock and records the load average at its start.
# /tmp/engine2-base.jar and /tmp/engine2-final.jar: benchmarks/target/benchmarks.jar built from the
# two commits (mvn -B -o -q package -DskipTests -pl benchmarks -am).
out=${1:-benchmarks/results/run5}
for round in 1 2; do
  for j in base final; do
    uptime > $out/engine2-load-$j-$round.txt
    flock /tmp/tradeserver-bench.lock java -jar /tmp/engine2-$j.jar EngineBenchmark \
      -p windows=default -wi 2 -w 3 -i 4 -r 3 -prof gc -rf json -rff $out/engine2-$j-$round.json \
      > $out/engine2-$j-$round.log 2>&1
  done
done
for j in base final; do
  uptime > $out/engine2-load-soak-$j.txt
  flock /tmp/tradeserver-bench.lock java -Xmx256m -XX:+UseParallelGC \
    -cp /tmp/engine2-$j.jar io.tradeserver.bench.EngineSoak --orders 1000000 --report-every 100000 \
    > $out/engine2-soak-$j.log 2>&1
done
