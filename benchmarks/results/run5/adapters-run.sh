#!/bin/sh
# Adapter per-order cost, before and after branch adapter-perf, back to back under the bench lock.
# base = /tmp/adapters-base.jar (main at 9ffa67a), after = /tmp/adapters-after.jar (this branch);
# each built with: mvn -B -o -q package -DskipTests -pl benchmarks -am
# Writes adapters-<scenario>-<build>.json (JMH -rf json, or the load test's JSON line) and .log
# (progress, with `uptime` at the start and end of every run).
R=$(cd "$(dirname "$0")" && pwd)
L=/tmp/tradeserver-bench.lock
jmh() { name=$1; build=$2; shift 2
  flock $L sh -c "echo \"== start \$(uptime)\" > $R/adapters-$name-$build.log; java -jar /tmp/adapters-$build.jar $* -rf json -rff $R/adapters-$name-$build.json >> $R/adapters-$name-$build.log 2>&1; echo \"== end \$(uptime)\" >> $R/adapters-$name-$build.log"; }
load() { name=$1; build=$2; shift 2
  flock $L sh -c "echo \"== start \$(uptime)\" > $R/adapters-$name-$build.log; java -cp /tmp/adapters-$build.jar io.tradeserver.bench.LoadTest $* > $R/adapters-$name-$build.json 2>> $R/adapters-$name-$build.log; echo \"== end \$(uptime)\" >> $R/adapters-$name-$build.log"; }
C1="--concurrency 1 --orders 60000 --warmup 20000 --warmup-seconds 10"
C64="--concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10"
for b in base after; do jmh codec $b VenueCodecBenchmark -prof gc; done
for b in base after; do jmh s2w $b SignalToWireBenchmark.toSend -prof gc; done
for b in base after; do load binance-c1 $b --exchange binance $C1; done
for b in base after; do load binance-c64 $b --exchange binance $C64; done
for b in base after; do load binance-ws-c1 $b --exchange binance --order-entry websocket $C1; done
for b in base after; do load binance-ws-c64 $b --exchange binance --order-entry websocket $C64; done
for b in base after; do load kucoin-c64 $b --exchange kucoin $C64; done
for b in base after; do load kraken-c64 $b --exchange kraken $C64; done
for b in base after; do load kucoin-c1 $b --exchange kucoin $C1; done
for b in base after; do load kraken-c1 $b --exchange kraken $C1; done
# second round of the Binance REST pair, order reversed, for run-to-run variance
for b in after base; do load binance-c1-r2 $b --exchange binance $C1; done
for b in after base; do load binance-c64-r2 $b --exchange binance $C64; done
echo finished > $R/adapters-done.txt
