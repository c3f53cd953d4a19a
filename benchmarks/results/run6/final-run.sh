#!/bin/sh
# Run 6, final head: the headline figures, one after another under the bench lock (the machine is
# shared). benchmarks.jar built from the head with
#   mvn -B -o -q package -DskipTests -pl benchmarks -am
# Each .log starts with `uptime`.
R=$(cd "$(dirname "$0")" && pwd)
J=${JAR:-benchmarks/target/benchmarks.jar}
L=/tmp/tradeserver-bench.lock
run() { name=$1; shift
  flock $L sh -c "echo \"== start \$(uptime)\" > $R/final-$name.log; $* >> $R/final-$name.log 2>&1; echo \"== end \$(uptime)\" >> $R/final-$name.log"; }
run engine java -jar $J EngineBenchmark -p windows=default -prof gc -rf json -rff $R/final-engine.json
run s2w java -jar $J SignalToWireBenchmark.toSend -prof gc -rf json -rff $R/final-s2w.json
run soak java -Xmx256m -XX:+UseParallelGC -cp $J io.tradeserver.bench.EngineSoak --orders 1000000 --report-every 100000
C1="--concurrency 1 --orders 60000 --warmup 20000 --warmup-seconds 10"
C64="--concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10"
# load tests: the JSON line to final-<name>.json, progress to final-<name>.log
load() { name=$1; shift
  flock $L sh -c "echo \"== start \$(uptime)\" > $R/final-$name.log; java -cp $J io.tradeserver.bench.LoadTest $* > $R/final-$name.json 2>> $R/final-$name.log; echo \"== end \$(uptime)\" >> $R/final-$name.log"; }
load binance-ws-c64 --exchange binance --order-entry websocket $C64
load binance-c1 --exchange binance $C1
load binance-c64 --exchange binance $C64
load kucoin-c64 --exchange kucoin $C64
load kraken-c64 --exchange kraken $C64
