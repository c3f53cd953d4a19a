#!/bin/sh
# Run 6, base vs after, interleaved rounds under the bench lock:
#   base  = ec8e881 (run 5's final head)
#   new   = c4f5626 (receipt stamp beside the signal in the inbox; core Hmac sessions in the adapters)
# Build each jar with `git checkout <commit> && mvn -B -o -q package -DskipTests -pl benchmarks -am`
# and copy benchmarks/target/benchmarks.jar to /tmp/base.jar and /tmp/new.jar.
R=$(cd "$(dirname "$0")" && pwd)
L=/tmp/tradeserver-bench.lock
for r in 1 2; do for j in base new; do
  echo "== $j round $r $(uptime)" >> $R/codec-$j.log
  flock $L java -jar /tmp/$j.jar 'VenueCodecBenchmark.signAndBuild' -wi 3 -i 5 -prof gc \
    -rf json -rff $R/codec-$j-r$r.json >> $R/codec-$j.log 2>&1
done; done
for r in 1 2 3; do for j in base new; do
  echo "== $j round $r $(uptime)" >> $R/engine-$j.log
  flock $L java -jar /tmp/$j.jar EngineBenchmark -p listener=false -p windows=default -prof gc \
    -rf json -rff $R/engine-$j-r$r.json >> $R/engine-$j.log 2>&1
done; done
# Signal codec: /tmp/sj-base.jar built at 663db8d (the benchmark, old codec), /tmp/sj-new.jar at 8f2275d
for r in 1 2; do for j in base new; do
  echo "== $j round $r $(uptime)" >> $R/signaljson-$j.log
  flock $L java -jar /tmp/sj-$j.jar SignalJsonBenchmark -prof gc \
    -rf json -rff $R/signaljson-$j-r$r.json >> $R/signaljson-$j.log 2>&1
done; done
# Ed25519: /tmp/ed-base.jar built at 2a0500a (benchmark, JDK EdDSA), /tmp/ed-new.jar with Bouncy Castle
for r in 1 2; do for j in base new; do
  echo "== $j round $r $(uptime)" >> $R/ed25519-$j.log
  flock $L java -jar /tmp/ed-$j.jar 'VenueCodecBenchmark.signAndBuild' -p venue=binance-ed25519 \
    -wi 3 -i 5 -prof gc -rf json -rff $R/ed25519-$j-r$r.json >> $R/ed25519-$j.log 2>&1
done; done
# Signal to wire, session base (/tmp/base.jar, ec8e881) against the head (/tmp/head2.jar, 6cb4a9f)
for r in 1 2; do for j in base head2; do
  echo "== $j round $r $(uptime)" >> $R/s2w-$j.log
  flock $L java -jar /tmp/$j.jar 'SignalToWireBenchmark.toSend' -p venue=binance,kraken -prof gc \
    -rf json -rff $R/s2w-$j-r$r.json >> $R/s2w-$j.log 2>&1
done; done
# Engine inbox carrying refused inputs: /tmp/head2.jar (6cb4a9f) against /tmp/head3.jar (6e37838)
for r in 1 2; do for j in head2 head3; do
  echo "== $j round $r $(uptime)" >> $R/engine-inbox-$j.log
  flock $L java -jar /tmp/$j.jar EngineBenchmark -p listener=false -p windows=default -prof gc \
    -rf json -rff $R/engine-inbox-$j-r$r.json >> $R/engine-inbox-$j.log 2>&1
done; done
