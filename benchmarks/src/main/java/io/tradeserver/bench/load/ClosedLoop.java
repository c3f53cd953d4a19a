package io.tradeserver.bench.load;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Keeps {@code concurrency} orders in flight until {@code orders} are done (a closed loop: each
 * answer releases the next order), timing each from {@code place} to its answer. An asynchronous
 * client places the next order from the thread that completed the previous one; a blocking client
 * gets one thread per in-flight slot. Order numbers are unique in the process, so late answers from
 * an earlier phase are told apart and ignored.
 */
final class ClosedLoop {
  private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final LoadClient client;
  private final long base;
  private final long total;
  private final long[] starts;
  private final Recorder recorder = new Recorder(3);
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final LongAdder errors = new LongAdder();
  private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final ThreadLocal<Trampoline> trampoline = ThreadLocal.withInitial(Trampoline::new);
  private final LoadClient.Completion completion = this::done;
  private final AtomicLong slotBytes = new AtomicLong();

  private ClosedLoop(LoadClient client, long total) {
    this.client = client;
    this.total = total;
    this.base = SEQUENCE.getAndAdd(total);
    this.starts = new long[Math.toIntExact(total)];
  }

  /** Runs one phase and measures it. */
  static PhaseResult run(LoadClient client, long orders, int concurrency, ResourceMeter meter)
      throws InterruptedException {
    ClosedLoop loop = new ClosedLoop(client, orders);
    ResourceMeter.Snapshot before = meter.snapshot();
    long t0 = System.nanoTime();
    if (client.blocking()) {
      loop.runBlocking(concurrency);
    } else {
      loop.runAsync(concurrency);
    }
    long elapsed = System.nanoTime() - t0;
    ResourceMeter.Snapshot after = meter.snapshot();
    PhaseResult r = new PhaseResult();
    r.latencyNanos.add(loop.recorder.getIntervalHistogram());
    r.orders = orders;
    r.errors = loop.errors.sum();
    r.elapsedNanos = elapsed;
    r.usage = ResourceMeter.between(before, after).withMoreBytes(loop.slotBytes.get());
    loop.reasons.forEach((k, v) -> r.errorReasons.put(k, v.sum()));
    return r;
  }

  private void runAsync(int concurrency) throws InterruptedException {
    long first = Math.min(concurrency, total);
    for (long i = 0; i < first; i++) {
      launch(next.getAndIncrement());
    }
    awaitCompletion();
  }

  private void runBlocking(int concurrency) throws InterruptedException {
    Thread[] workers = new Thread[(int) Math.min(concurrency, total)];
    for (int s = 0; s < workers.length; s++) {
      Slot slot = new Slot(s);
      workers[s] = new Thread(slot, client.name() + "-slot-" + s);
      workers[s].setDaemon(true);
      workers[s].start();
    }
    awaitCompletion();
    for (Thread w : workers) {
      w.join(TimeUnit.SECONDS.toMillis(30)); // their allocation is counted when they end
    }
  }

  private void awaitCompletion() throws InterruptedException {
    long lastCount = -1;
    long lastProgress = System.nanoTime();
    while (!finished.await(200, TimeUnit.MILLISECONDS)) {
      long c = completed.get();
      if (c != lastCount) {
        lastCount = c;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
        long missing = total - c;
        errors.add(missing);
        reasons.computeIfAbsent("no answer within 30 s", k -> new LongAdder()).add(missing);
        return;
      }
    }
  }

  /** Places order {@code index}; re-entrant calls (an answer given inside place) are queued. */
  private void launch(long index) {
    Trampoline t = trampoline.get();
    if (t.active) {
      t.pending.addLast(index);
      return;
    }
    t.active = true;
    try {
      long i = index;
      while (true) {
        starts[(int) i] = System.nanoTime();
        client.place(base + i, -1, completion);
        Long queued = t.pending.pollFirst();
        if (queued == null) {
          break;
        }
        i = queued;
      }
    } finally {
      t.active = false;
    }
  }

  private void done(long seq, String error) {
    long i = seq - base;
    if (i < 0 || i >= total) {
      return; // a late answer from an earlier phase
    }
    record(System.nanoTime() - starts[(int) i], error);
    long n = next.getAndIncrement();
    if (n < total) {
      launch(n);
    }
    finish();
  }

  private void record(long latency, String error) {
    recorder.recordValue(Math.max(0, latency));
    if (error != null) {
      errors.increment();
      reasons.computeIfAbsent(error, k -> new LongAdder()).increment();
    }
  }

  private void finish() {
    if (completed.incrementAndGet() == total) {
      finished.countDown();
    }
  }

  private static final class Trampoline {
    boolean active;
    final ArrayDeque<Long> pending = new ArrayDeque<>();
  }

  /** One in-flight slot of a blocking client. */
  private final class Slot implements Runnable, LoadClient.Completion {
    private final int index;
    private long start;
    private boolean answered;

    Slot(int index) {
      this.index = index;
    }

    @Override
    public void run() {
      long bytes0 = ResourceMeter.currentThreadAllocatedBytes();
      try {
        loop();
      } finally {
        slotBytes.addAndGet(ResourceMeter.currentThreadAllocatedBytes() - bytes0);
      }
    }

    private void loop() {
      long i;
      while ((i = next.getAndIncrement()) < total) {
        answered = false;
        start = System.nanoTime();
        try {
          client.place(base + i, index, this);
        } catch (RuntimeException e) {
          if (!answered) {
            done(base + i, e.getClass().getSimpleName());
          }
        }
      }
    }

    @Override
    public void done(long seq, String error) {
      answered = true;
      record(System.nanoTime() - start, error);
      finish();
    }
  }
}
