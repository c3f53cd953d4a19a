package io.tradeserver.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The baseline: one blocking keep-alive socket per in-flight slot, writing the same signed request
 * the adapter builds (the adapter's own body writer and signer) and parsing the answer with the
 * adapter's own parser. What it leaves out is the transport (OkHttp, its dispatcher and connection
 * pool) and the adapter's bookkeeping, so {@code adapter p50 / raw p50} is their cost.
 */
final class RawSocketClient implements LoadClient {
  private final String host;
  private final int port;
  private final Supplier<WireCodec> codecs;
  private final Conn[] slots;

  RawSocketClient(String baseUrl, int concurrency, Supplier<WireCodec> codecs) {
    URI u = URI.create(baseUrl);
    this.host = u.getHost();
    this.port = u.getPort();
    this.codecs = codecs;
    this.slots = new Conn[concurrency];
  }

  @Override
  public String name() {
    return "raw-socket";
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public void start() throws IOException {
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Conn(codecs.get());
    }
  }

  @Override
  public void place(long seq, int slot, Completion done) {
    Conn c = slots[slot];
    try {
      done.done(seq, c.call(seq));
    } catch (IOException e) {
      c.reset();
      done.done(seq, e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    for (Conn c : slots) {
      if (c != null) {
        c.reset();
      }
    }
  }

  /** One keep-alive connection and its reused buffers. */
  private final class Conn {
    private final WireCodec codec;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
    private final byte[] line = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Conn(WireCodec codec) {
      this.codec = codec;
    }

    String call(long seq) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
      }
      request.reset();
      codec.writeRequest(seq, request);
      request.writeTo(out);
      int status = statusOf(readLine());
      int length = -1;
      boolean close = false;
      String h;
      while (!(h = readLine()).isEmpty()) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          String name = h.substring(0, colon);
          if (name.equalsIgnoreCase("Content-Length")) {
            length = Integer.parseInt(h.substring(colon + 1).trim());
          } else if (name.equalsIgnoreCase("Connection")) {
            close = h.substring(colon + 1).trim().equalsIgnoreCase("close");
          }
        }
      }
      if (length < 0) {
        throw new IOException("answer without Content-Length");
      }
      byte[] body = in.readNBytes(length);
      if (body.length != length) {
        throw new EOFException("answer cut short");
      }
      if (close) {
        reset();
      }
      return codec.verdict(status, body);
    }

    private String readLine() throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new EOFException("connection closed");
        }
        if (n < line.length) {
          line[n++] = (byte) b;
        }
      }
      if (n > 0 && line[n - 1] == '\r') {
        n--;
      }
      return new String(line, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private int statusOf(String statusLine) throws IOException {
      int sp = statusLine.indexOf(' ');
      if (sp < 0 || statusLine.length() < sp + 4) {
        throw new IOException("bad status line " + statusLine);
      }
      return Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
    }

    void reset() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // reconnect on next call
        }
      }
      socket = null;
    }
  }
}
