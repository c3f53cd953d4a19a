#!/usr/bin/env python3
"""Prints the BENCHMARKS.md tables from a results directory (load-test JSON lines, JMH JSON)."""
import glob, json, os, sys

d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), 'run1')

def row(name, r):
    return "| %s | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %.0f | %.1f |" % (
        name, r.get('orders'), r['ordersPerSec'], r['p50Us'], r['p90Us'], r['p99Us'], r['p999Us'],
        r['maxUs'], r['errors'], r['cpuUsPerOrder'], r['bytesAllocatedPerOrder'],
        r.get('contextSwitchesPerOrder', 0))

head = ("| client | orders | orders/s | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | errors "
        "| CPU µs/order | bytes/order | ctx sw/order |\n|---|---|---|---|---|---|---|---|---|---|---|---|")
for f in sorted(glob.glob(os.path.join(d, '*.json'))):
    if os.path.basename(f).startswith('jmh'):
        continue
    try:
        r = json.load(open(f))
    except Exception as e:
        print("<!-- %s: %s -->" % (f, e)); continue
    print("\n#### %s — %s, mode %s, %d in flight, order entry %s, OkHttp timeouts %s" % (
        os.path.basename(f)[:-5], r['exchange'], r['mode'], r['concurrency'], r.get('orderEntry'),
        r.get('httpTimeouts')))
    print(head)
    print(row(r['client'], r))
    for k, v in r.get('comparedWith', {}).items():
        print(row(k, v))
    ratios = r.get('ratios', {})
    if ratios:
        print("\nTradeServer ÷ other: " + "; ".join(
            "%s p50 %.2f×, p99 %.2f×, orders/s %.2f×" % (k, v['p50'], v['p99'], v['ordersPerSec'])
            for k, v in ratios.items()))
    print("Embedded mock CPU: %.1f µs/order; %s" % (r['venue'].get('cpuUsPerOrder', 0),
          "errors: %s" % r['errorReasons'] if r['errors'] else "no errors"))
