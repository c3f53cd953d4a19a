package io.tradeserver.bench.mock;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server with WebSocket upgrades, for load tests on loopback: one blocking thread
 * per connection (keep-alive, no pipelining needed by the clients measured), requests parsed with a
 * reused buffer and answered with one write. It costs a few microseconds of CPU per request, so the
 * venue is not the bottleneck; {@link #threadIds()} lets the load test subtract its CPU and
 * allocation from the client's.
 */
public final class MockServer implements AutoCloseable {
  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** What a venue personality implements. Called on the connection's thread. */
  public interface Handler {
    void http(MockRequest request, MockResponse response);

    /** A WebSocket connection opened on {@code path}. */
    default void wsOpen(WsSession session, String path) {}

    /** A text frame arrived. */
    default void wsText(WsSession session, String text) {}

    default void wsClosed(WsSession session) {}
  }

  private final Handler handler;
  private final ServerSocket server;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final Set<Long> threadIds = ConcurrentHashMap.newKeySet();
  private final AtomicLong retiredCpuNanos = new AtomicLong();
  private final AtomicLong retiredAllocatedBytes = new AtomicLong();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean closed;

  /** Binds {@code port} (0 = any free port) on loopback and starts accepting. */
  public MockServer(Handler handler, int port) throws IOException {
    this.handler = handler;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    this.acceptor = new Thread(this::accept, "mock-venue-accept");
    acceptor.setDaemon(true);
    threadIds.add(acceptor.getId());
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Ids of this server's live threads (for CPU and allocation accounting). */
  public long[] threadIds() {
    return threadIds.stream().mapToLong(Long::longValue).toArray();
  }

  /** CPU time used by all of this server's threads so far, including finished ones. */
  public long cpuNanos() {
    long total = retiredCpuNanos.get();
    for (long id : threadIds()) {
      total += Math.max(0, THREADS.getThreadCpuTime(id));
    }
    return total;
  }

  /** Bytes allocated by all of this server's threads so far, including finished ones. */
  public long allocatedBytes() {
    long total = retiredAllocatedBytes.get();
    for (long id : threadIds()) {
      total += Math.max(0, THREADS.getThreadAllocatedBytes(id));
    }
    return total;
  }

  public long requests() {
    return requests.get();
  }

  public long connections() {
    return connections.get();
  }

  private void accept() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      Thread t = new Thread(() -> serve(s), "mock-venue-conn-" + connections.get());
      t.setDaemon(true);
      threadIds.add(t.getId());
      t.start();
    }
  }

  private void serve(Socket socket) {
    sockets.add(socket);
    try {
      serveRequests(socket);
    } finally {
      sockets.remove(socket);
      retiredCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime());
      retiredAllocatedBytes.addAndGet(THREADS.getCurrentThreadAllocatedBytes());
      threadIds.remove(Thread.currentThread().getId());
    }
  }

  private void serveRequests(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
      RequestReader reader = new RequestReader(in);
      while (!closed) {
        MockRequest r = reader.next();
        if (r == null) {
          return;
        }
        requests.incrementAndGet();
        String upgrade = r.header("Upgrade");
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
          webSocket(r, in, out);
          return;
        }
        MockResponse resp = new MockResponse();
        try {
          handler.http(r, resp);
        } catch (RuntimeException e) {
          resp = new MockResponse().status(500, "Internal Server Error").json("{}");
        }
        buf.reset();
        resp.writeTo(buf);
        buf.writeTo(out);
        if ("close".equalsIgnoreCase(r.header("Connection"))) {
          return;
        }
      }
    } catch (EOFException | SocketException e) {
      // client went away
    } catch (IOException e) {
      if (!closed) {
        System.err.println("mock venue connection failed: " + e);
      }
    }
  }

  private void webSocket(MockRequest r, InputStream in, OutputStream out) throws IOException {
    String accept = sha1Base64(r.header("Sec-WebSocket-Key") + WS_GUID);
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    WsSession session = new WsSession(out);
    handler.wsOpen(session, r.path());
    try {
      String text;
      while ((text = session.readText(in)) != null) {
        handler.wsText(session, text);
      }
    } finally {
      session.markClosed();
      handler.wsClosed(session);
    }
  }

  private static String sha1Base64(String s) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder().encodeToString(sha1.digest(s.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** Parses requests from one connection with a reused line buffer. */
  private static final class RequestReader {
    private final InputStream in;
    private byte[] line = new byte[1024];

    RequestReader(InputStream in) {
      this.in = in;
    }

    /** The next request, or null at a clean end of stream. */
    MockRequest next() throws IOException {
      String requestLine = readLine(true);
      if (requestLine == null) {
        return null;
      }
      int sp1 = requestLine.indexOf(' ');
      int sp2 = requestLine.indexOf(' ', sp1 + 1);
      if (sp1 < 0 || sp2 < 0) {
        throw new IOException("bad request line: " + requestLine);
      }
      List<String[]> headers = new ArrayList<>(12);
      long length = 0;
      boolean chunked = false;
      String h;
      while (!(h = readLine(false)).isEmpty()) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = h.substring(0, colon).trim();
        String value = h.substring(colon + 1).trim();
        headers.add(new String[] {name, value});
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = value.equalsIgnoreCase("chunked");
        }
      }
      byte[] body = chunked ? readChunked() : in.readNBytes((int) length);
      if (!chunked && body.length != length) {
        throw new EOFException("body cut short");
      }
      return new MockRequest(
          requestLine.substring(0, sp1), requestLine.substring(sp1 + 1, sp2), headers, body);
    }

    private byte[] readChunked() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine(false);
        int semi = size.indexOf(';');
        int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          while (!readLine(false).isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(n));
        readLine(false);
      }
    }

    private String readLine(boolean eofAllowed) throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          if (eofAllowed && n == 0) {
            return null;
          }
          throw new EOFException("connection closed mid-request");
        }
        if (n == line.length) {
          line = java.util.Arrays.copyOf(line, n * 2);
        }
        line[n++] = (byte) b;
      }
      if (n > 0 && line[n - 1] == '\r') {
        n--;
      }
      return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }
  }
}
