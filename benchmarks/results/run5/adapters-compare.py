#!/usr/bin/env python3
"""Base vs after tables from adapters-*-{base,after}.json in this directory (load tests and JMH)."""
import glob, json, os, re

d = os.path.dirname(os.path.abspath(__file__))


def load_line(path):
    with open(path) as f:
        lines = [l for l in f.read().splitlines() if l.startswith('{')]
    return json.loads(lines[-1]) if lines else None


def start_load(path):
    m = re.search(r'load average: ([0-9.]+)', open(path[:-5] + '.log').readline())
    return m.group(1) if m else '?'


print('| scenario | build | load at start | orders/s | p50 µs | p99 µs | CPU µs/order | bytes/order '
      '| ctx sw/order | raw p50 µs | raw orders/s |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for base in sorted(glob.glob(os.path.join(d, 'adapters-*-base.json'))):
    name = os.path.basename(base)[len('adapters-'):-len('-base.json')]
    if name in ('codec', 's2w'):
        continue
    for build, path in (('base', base), ('after', base.replace('-base.json', '-after.json'))):
        if not os.path.exists(path):
            continue
        r = load_line(path)
        if r is None:
            print('| %s | %s | no result |' % (name, build)); continue
        raw = r.get('comparedWith', {}).get('raw-socket', {})
        print('| %s | %s | %s | %.0f | %.1f | %.1f | %.1f | %.0f | %.2f | %.1f | %.0f |' % (
            name, build, start_load(path), r['ordersPerSec'], r['p50Us'], r['p99Us'],
            r['cpuUsPerOrder'], r['bytesAllocatedPerOrder'], r['contextSwitchesPerOrder'],
            raw.get('p50Us', 0), raw.get('ordersPerSec', 0)))

print()
print('| benchmark | venue | build | p50 ns | p99 ns | B/op |')
print('|---|---|---|---|---|---|')
for name in ('codec', 's2w'):
    for build in ('base', 'after'):
        path = os.path.join(d, 'adapters-%s-%s.json' % (name, build))
        if not os.path.exists(path):
            continue
        for b in json.load(open(path)):
            p = b['primaryMetric']['scorePercentiles']
            alloc = b['secondaryMetrics'].get('gc.alloc.rate.norm', {}).get('score', float('nan'))
            print('| %s | %s | %s | %.0f | %.0f | %.0f |' % (
                b['benchmark'].split('.')[-1], b['params'].get('venue'), build, p['50.0'],
                p['99.0'], alloc))
