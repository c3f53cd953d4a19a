import json,sys
for f in sys.argv[1:]:
    for b in json.load(open(f)):
        name=b['benchmark'].split('.')[-2]+'.'+b['benchmark'].split('.')[-1]
        params=','.join('%s=%s'%kv for kv in (b.get('params') or {}).items())
        pm=b['primaryMetric']; unit=pm['scoreUnit']
        pct=pm.get('scorePercentiles',{})
        alloc=b.get('secondaryMetrics',{}).get('gc.alloc.rate.norm',{}).get('score')
        if b['mode']=='sample':
            print("%-40s %-22s mean %9.1f p50 %9.1f p90 %9.1f p99 %9.1f p99.9 %10.1f max %11.1f %s alloc %s B/op n=%s"%(name,params,pm['score'],pct['50.0'],pct['90.0'],pct['99.0'],pct['99.9'],pct['100.0'],unit, None if alloc is None else round(alloc,1), sum(len(x) for x in pm.get('rawDataHistogram',[[]])[0]) if False else ''))
        else:
            print("%-40s %-22s %s score %.3f ± %.3f %s alloc %s B/op"%(name,params,b['mode'],pm['score'],pm['scoreError'],unit,None if alloc is None else round(alloc,1)))
