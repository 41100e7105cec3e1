package org.sanjeh.warehouse.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options; the first bare argument is kept under {@code "_"}. */
public final class CliOptions {

  private CliOptions() {}

  public static Map<String, String> parse(List<String> args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("option " + arg + " needs a value");
        }
        options.put(arg.substring(2), args.get(++i));
      } else {
        options.putIfAbsent("_", arg);
      }
    }
    return options;
  }
}
