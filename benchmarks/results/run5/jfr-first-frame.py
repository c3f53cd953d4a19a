import sys, re, collections
# attribute each sample to (first tradeserver frame, top frame)
cnt = collections.Counter(); first = collections.Counter(); n=0
cur=[]; inst=False; thr=None
def flush():
    global n
    if not cur or 'jmh-worker' not in (thr or ''): return
    n+=1
    ts = next((f for f in cur if 'tradeserver' in f), '?')
    first[ts]+=1
for line in open(sys.argv[1]):
    s=line.strip()
    if s.startswith('jdk.ExecutionSample'):
        flush(); cur=[]; thr=None; inst=False
    elif s.startswith('sampledThread'): thr=s
    elif s.startswith('stackTrace'): inst=True
    elif inst and '(' in s and 'line:' in s:
        cur.append(s.split('(')[0])
    elif inst and s.startswith(']'): inst=False
flush()
print("samples",n)
for k,v in first.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 50): print(f"{100*v/n:5.1f}% {k}")
