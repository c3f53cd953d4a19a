package io.tradeserver.bench.mock;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server side of one WebSocket connection (RFC 6455): text frames out (unmasked), text frames
 * in (masked, possibly fragmented); pings are answered, a close frame ends the session. {@link
 * #send} is thread-safe, so an HTTP thread can push a stream event after answering an order.
 */
public final class WsSession {
  private final OutputStream out;
  private volatile boolean closed;
  private volatile Object attachment;

  WsSession(OutputStream out) {
    this.out = out;
  }

  /** Sends one text frame; false when the connection is gone. */
  public boolean send(String text) {
    if (closed) {
      return false;
    }
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    try {
      synchronized (out) {
        writeFrame(0x1, payload);
      }
      return true;
    } catch (IOException e) {
      closed = true;
      return false;
    }
  }

  public boolean isOpen() {
    return !closed;
  }

  /** Whatever the personality wants to keep with this session (e.g. its channel). */
  public Object attachment() {
    return attachment;
  }

  public void attach(Object value) {
    attachment = value;
  }

  void markClosed() {
    closed = true;
  }

  private void writeFrame(int opcode, byte[] payload) throws IOException {
    int n = payload.length;
    byte[] head;
    if (n < 126) {
      head = new byte[] {(byte) (0x80 | opcode), (byte) n};
    } else if (n < 65_536) {
      head = new byte[] {(byte) (0x80 | opcode), 126, (byte) (n >>> 8), (byte) n};
    } else {
      head = new byte[10];
      head[0] = (byte) (0x80 | opcode);
      head[1] = 127;
      for (int i = 0; i < 8; i++) {
        head[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
      }
    }
    byte[] frame = new byte[head.length + n];
    System.arraycopy(head, 0, frame, 0, head.length);
    System.arraycopy(payload, 0, frame, head.length, n);
    out.write(frame);
  }

  /** The next complete text message, or null when the client closed. Answers pings. */
  String readText(InputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        return null;
      }
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0f;
      long len = b1 & 0x7f;
      if (len == 126) {
        len = (readByte(in) << 8) | readByte(in);
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | readByte(in);
        }
      }
      byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
      byte[] payload = in.readNBytes((int) len);
      if (payload.length != len) {
        return null;
      }
      if (mask != null) {
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i & 3];
        }
      }
      switch (opcode) {
        case 0x8 -> {
          synchronized (out) {
            writeFrame(0x8, new byte[0]);
          }
          return null;
        }
        case 0x9 -> {
          synchronized (out) {
            writeFrame(0xA, payload);
          }
        }
        case 0xA -> {
          // pong: nothing to do
        }
        default -> {
          message.write(payload);
          if (fin) {
            return message.toString(StandardCharsets.UTF_8);
          }
        }
      }
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }
}
