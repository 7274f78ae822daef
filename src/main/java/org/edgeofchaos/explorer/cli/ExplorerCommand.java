package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;

import org.edgeofchaos.explorer.data.DatasetException;
import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.phase.PhaseMapFileException;
import org.edgeofchaos.explorer.training.InvalidSettingException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar edge-of-chaos-explorer.jar <command> [options]}. */
@Command(name = "edge-of-chaos-explorer",
        mixinStandardHelpOptions = true,
        versionProvider = ExplorerCommand.Version.class,
        description = "Train the paper's tanh network and measure where it sits between order and chaos.%n"
                + "Without a command the explorer window opens; with a session file (my-class.session.json, or "
                + "--session FILE) it opens with that session.",
        subcommands = {TrainCommand.class, LyapunovCommand.class, BenchCommand.class, PhaseCommand.class,
            ExportCommand.class, SweepCommand.class, GuideCommand.class, LawsCommand.class,
            CommandLine.HelpCommand.class})
public final class ExplorerCommand implements Runnable {
    /** Exit code for bad input: an option out of range, a missing or corrupt file. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and runs; returns the process exit code. Errors are one line on stderr, never a stack trace. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ExplorerCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + describe(e));
            err.flush();
            return isBadInput(e) ? BAD_INPUT : 1;
        });
        return cli.execute(args);
    }

    /**
     * What the user can fix: a bad option, a missing or corrupt file, a destination that cannot be written or is
     * taken. Any other exception (a plain IllegalArgumentException or IllegalStateException included) is a
     * programming error and exits with 1, so that it is not mistaken for bad input.
     */
    static boolean isBadInput(Throwable e) {
        return e instanceof DatasetException || e instanceof InvalidSettingException
                || e instanceof RunFileException || e instanceof PhaseMapFileException
                || e instanceof AtomicFiles.WriteException || e instanceof RunLock.LockedException
                || e instanceof CommandLine.ParameterException;
    }

    private static String describe(Throwable e) {
        String message = e instanceof InvalidSettingException invalid ? SettingFlags.describe(invalid) : e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst()
                .orElse(message);
    }

    /** Version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ExplorerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Edge of Chaos Explorer " + (v == null ? "(development build)" : v)};
        }
    }
}
