#!/bin/sh
# The load-test runs behind BENCHMARKS.md; each writes one JSON line (.json) and its progress (.log).
cd "$(dirname "$0")/../../.."
J="java -cp benchmarks/target/benchmarks.jar io.tradeserver.bench.LoadTest"
R=benchmarks/results/run3
run() { name=$1; shift; echo "== $name $(uptime)" >&2; $J "$@" > $R/$name.json 2> $R/$name.log; echo "   $(uptime)" >> $R/$name.log; }
run binance-c1-peers    --exchange binance --concurrency 1  --orders 60000  --warmup 20000 --warmup-seconds 10 --peer xchange,binance-connector
run binance-c64-peers   --exchange binance --concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10 --peer xchange,binance-connector
run binance-c1-ws       --exchange binance --concurrency 1  --orders 60000  --warmup 20000 --warmup-seconds 10 --order-entry websocket
run binance-c64-ws      --exchange binance --concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10 --order-entry websocket
run binance-c1-calltimeout --exchange binance --concurrency 1 --orders 60000 --warmup 20000 --warmup-seconds 10 --http-timeouts call-only
run kucoin-c1           --exchange kucoin  --concurrency 1  --orders 60000  --warmup 20000 --warmup-seconds 10
run kucoin-c64          --exchange kucoin  --concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10
run kraken-c1           --exchange kraken  --concurrency 1  --orders 60000  --warmup 20000 --warmup-seconds 10
run kraken-c64          --exchange kraken  --concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10
run binance-engine-c1   --exchange binance --mode engine --concurrency 1  --orders 60000  --warmup 20000 --warmup-seconds 10
run binance-engine-c1-spin --exchange binance --mode engine --concurrency 1 --orders 60000 --warmup 20000 --warmup-seconds 10 --idle spin
run binance-engine-c64  --exchange binance --mode engine --concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10
# The venue in its own process, so the client's CPU and allocation are measured alone.
java -cp benchmarks/target/benchmarks.jar io.tradeserver.bench.MockVenue --exchange binance --port 18090 > $R/mockvenue.out 2>&1 &
MOCK=$!
sleep 5
run binance-c1-external  --exchange binance --base-url http://127.0.0.1:18090 --concurrency 1  --orders 60000  --warmup 20000 --warmup-seconds 10
run binance-c64-external --exchange binance --base-url http://127.0.0.1:18090 --concurrency 64 --orders 120000 --warmup 40000 --warmup-seconds 10
kill $MOCK
