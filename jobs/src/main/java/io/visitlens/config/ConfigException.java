package io.visitlens.config;

/**
 * A configuration input (visit catalogue, lexicon, command-line flag) that VisitLens refuses.
 * The message names the place, {@code file:line} or the flag, and the reason; the CLI exits with code 2.
 */
public class ConfigException extends RuntimeException {
  private final String file;
  private final long line;
  private final String reason;

  /** A problem at a line of a file; {@code line} is 1-based, or 0 when the problem is the file as a whole. */
  public ConfigException(String file, long line, String reason) {
    super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** The same, caused by another exception (an I/O error reading the file). */
  public ConfigException(String file, long line, String reason, Throwable cause) {
    this(file, line, reason);
    initCause(cause);
  }

  /** A problem with something that is not a file, such as a flag: the message is {@code where: reason}. */
  public static ConfigException of(String where, String reason) {
    return new ConfigException(where, 0, reason);
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
