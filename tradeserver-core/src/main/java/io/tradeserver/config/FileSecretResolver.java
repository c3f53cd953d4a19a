package io.tradeserver.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeserver.spi.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Scheme {@code file}: {@code file:/path} is the file's content without trailing line breaks;
 * {@code file:/path#field} is a string field of a JSON object in the file. The file must not be
 * readable by others (POSIX {@code o+r}, e.g. mode 644): such a file is refused, because anyone on
 * the host could read the key. On a file system without POSIX permissions the check is skipped.
 * Read on every call; nothing cached, so a rotated file is picked up by the next resolve.
 */
public final class FileSecretResolver implements SecretResolver {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public SecretResolver withSettings(Map<String, String> settings) {
    if (!settings.isEmpty()) {
      throw new IllegalArgumentException("file takes no settings, got " + settings.keySet());
    }
    return this;
  }

  @Override
  public Secret resolve(SecretRef ref) {
    Path path = Path.of(ref.location());
    checkPermissions(ref, path);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SecretException(ref, "no such file");
    } catch (IOException e) {
      throw new SecretException(ref, "cannot read: " + e.getClass().getSimpleName(), false, null);
    }
    String value = ref.field() == null ? stripLineBreaks(text) : field(ref, text);
    if (value.isEmpty()) {
      throw new SecretException(ref, "is empty");
    }
    return Secret.of(value);
  }

  private static void checkPermissions(SecretRef ref, Path path) {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    try {
      Path real = path.toRealPath();
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
      if (perms.contains(PosixFilePermission.OTHERS_READ)) {
        throw new SecretException(
            ref, "is readable by others (mode o+r); chmod o-r (e.g. 600 or 640) and retry");
      }
      if (!Files.isRegularFile(real)) {
        throw new SecretException(ref, "is not a regular file");
      }
    } catch (NoSuchFileException e) {
      throw new SecretException(ref, "no such file");
    } catch (IOException e) {
      throw new SecretException(ref, "cannot check permissions: " + e.getClass().getSimpleName());
    }
  }

  private static String field(SecretRef ref, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      // Jackson's message quotes the offending content: do not chain it.
      throw new SecretException(ref, "is not a JSON object (needed for #" + ref.field() + ")");
    }
    JsonNode v = root == null ? null : root.get(ref.field());
    if (v == null || !v.isTextual()) {
      throw new SecretException(ref, "has no string field " + ref.field());
    }
    return v.textValue();
  }

  static String stripLineBreaks(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public void invalidate(SecretRef ref) {
    // Read on every resolve: nothing cached.
  }

  @Override
  public String toString() {
    return "FileSecretResolver";
  }
}
