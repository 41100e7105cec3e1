package org.sanjeh.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The root command's registry: which commands run in this JVM and which in a module's own JVM, and
 * what must be running before a command starts. Its execution strategy runs a parsed command line
 * accordingly.
 */
final class Modules implements CommandLine.IExecutionStrategy {

  /** A command mounted from a module: runs as {@code MODULE-MAIN PREFIX... ARGS...}. */
  private record Mount(ModuleJvm jvm, List<String> prefix) {}

  private final CommandLine root;
  private final Local local;
  private final Map<CommandSpec, Mount> mounts = new IdentityHashMap<>();
  private final Map<String, Runnable> before = new LinkedHashMap<>();
  private final Map<String, List<String>> needlessWith = new LinkedHashMap<>();

  Modules(CommandLine root, Local local) {
    this.root = root;
    this.local = local;
  }

  /** A command that runs in this JVM. */
  CommandLine inProcess(Object command) {
    root.addSubcommand(command);
    return root.getSubcommands().get(nameOf(command));
  }

  /** A module's top-level command, run by the module's own {@code main} in {@code jvm}. */
  CommandLine module(ModuleJvm jvm, Object command) {
    return mount(jvm, command, List.of());
  }

  /**
   * One command of a module mounted at the top level (e.g. {@code import} of {@code ingestion}),
   * run as {@code MODULE-MAIN prefix... args}.
   */
  CommandLine mount(ModuleJvm jvm, Object command, List<String> prefix) {
    CommandLine added = inProcess(command);
    mounts.put(added.getCommandSpec(), new Mount(jvm, prefix));
    return added;
  }

  /** Runs {@code prerequisite} before the command {@code qualifiedName} (e.g. "bench survey"). */
  void before(String qualifiedName, Runnable prerequisite) {
    before.put(qualifiedName, prerequisite);
  }

  /**
   * As {@link #before(String, Runnable)}, but not when one of {@code options} is given (e.g. an
   * import with {@code --out FILE} writes a file and needs no Kafka).
   */
  void before(String qualifiedName, Runnable prerequisite, List<String> needlessWithOptions) {
    before.put(qualifiedName, prerequisite);
    needlessWith.put(qualifiedName, needlessWithOptions);
  }

  @Override
  public int execute(ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine leaf = chain.get(chain.size() - 1);
    boolean helpAsked = chain.stream().anyMatch(CommandLine::isUsageHelpRequested);
    int depth = 0;
    Mount mount = null;
    for (int i = 1; i < chain.size() && mount == null; i++) {
      mount = mounts.get(chain.get(i).getCommandSpec());
      depth = i;
    }
    Object command = leaf.getCommand();
    boolean leafIsOurs =
        command == null || command.getClass().getPackageName().equals("org.sanjeh.cli");
    // a group without its subcommand is a usage error, reported here with the full command name
    boolean group = !leaf.getSubcommands().isEmpty();
    if (mount == null || leafIsOurs || group || helpAsked || leaf.isVersionHelpRequested()) {
      runBefore(leaf, helpAsked);
      return new CommandLine.RunLast().execute(parsed);
    }
    runBefore(leaf, false);
    List<String> original = parsed.originalArgs();
    List<String> arguments = new ArrayList<>(mount.prefix());
    arguments.addAll(original.subList(tokenIndex(original, chain, depth) + 1, original.size()));
    return ChildJvm.run(mount.jvm().commandLine(local.checkout, arguments), local);
  }

  private void runBefore(CommandLine leaf, boolean helpAsked) {
    String name = leaf.getCommandSpec().qualifiedName(" ").replaceFirst("^\\S+ ", "");
    Runnable prerequisite = before.get(name);
    boolean needless =
        needlessWith.getOrDefault(name, List.of()).stream()
            .anyMatch(option -> leaf.getParseResult().hasMatchedOption(option));
    if (prerequisite != null && !helpAsked && !needless) {
      prerequisite.run();
    }
  }

  /** Where the name of {@code chain[depth]} is in the arguments. */
  private static int tokenIndex(List<String> args, List<CommandLine> chain, int depth) {
    int index = -1;
    for (int i = 1; i <= depth; i++) {
      CommandSpec spec = chain.get(i).getCommandSpec();
      List<String> names = new ArrayList<>(List.of(spec.aliases()));
      names.add(spec.name());
      int from = index + 1;
      index = -1;
      for (int j = from; j < args.size(); j++) {
        if (names.contains(args.get(j))) {
          index = j;
          break;
        }
      }
      if (index < 0) {
        throw new IllegalStateException("cannot find the command " + spec.name() + " in " + args);
      }
    }
    return index;
  }

  private static String nameOf(Object command) {
    if (command instanceof CommandLine commandLine) {
      return commandLine.getCommandName();
    }
    return new CommandLine(command).getCommandName();
  }
}
