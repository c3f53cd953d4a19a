#!/bin/bash
cd /tmp/bench
for round in 1 2; do
for j in base after; do
  uptime > load-$j-$round.txt
  java -jar /tmp/bench-$j.jar SignalToWireBenchmark.toSend -rf json -rff s2w-$j-$round.json > s2w-$j-$round.log 2>&1
  java -jar /tmp/bench-$j.jar EngineBenchmark -p listener=false -rf json -rff engine-$j-$round.json > engine-$j-$round.log 2>&1
done
done
for j in base after; do
  java -jar /tmp/bench-$j.jar RiskCheckBenchmark -rf json -rff risk-$j.json > risk-$j.log 2>&1
done
echo finished > done.txt
