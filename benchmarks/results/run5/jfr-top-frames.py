import sys, re, collections
# parse `jfr print --events jdk.ExecutionSample` output; aggregate top frames and inclusive frames
top = collections.Counter(); incl = collections.Counter(); n = 0
cur = []; inst = False
thread_filter = sys.argv[2] if len(sys.argv) > 2 else None
def flush(st, thr):
    global n
    if not st: return
    if thread_filter and thread_filter not in (thr or ''): return
    n += 1
    top[st[0]] += 1
    for f in set(st): incl[f] += 1
thr = None
for line in open(sys.argv[1]):
    s = line.strip()
    if s.startswith('jdk.ExecutionSample'):
        flush(cur, thr); cur = []; thr = None; inst = False
    elif s.startswith('sampledThread'):
        thr = s
    elif s.startswith('stackTrace'):
        inst = True
    elif inst and s and s[0].isalpha() and '(' in s and 'line:' in s:
        m = re.match(r'(.*?)\(.*', s)
        cur.append(m.group(1) if m else s)
    elif inst and s.startswith(']'):
        inst = False
flush(cur, thr)
print("samples", n)
print("== top frames")
for k, v in top.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 40): print(f"{100*v/n:5.1f}% {k}")
print("== inclusive (io.tradeserver)")
for k, v in incl.most_common(400):
    if 'tradeserver' in k or 'HashMap' in k or 'ObjectMethods' in k:
        print(f"{100*v/n:5.1f}% {k}")
