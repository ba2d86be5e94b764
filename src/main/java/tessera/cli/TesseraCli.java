package tessera.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.io.PrintWriter;

/**
 * The command line face of Tessera. Every subcommand exits 0 on success, 2 on bad usage and 1
 * on a failure explained in one line on stderr (a stack trace only with --verbose).
 */
@Command(name = "tessera", mixinStandardHelpOptions = true, version = "Tessera 0.1.0",
        description = "Corrosion inspection with multi-teacher knowledge distillation.",
        subcommands = {
                CommandLine.HelpCommand.class,
                TrainCommand.class,
                EnsembleCommand.class,
                DistillCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                FuseCommand.class,
                SynthCommand.class,
                InspectCommand.class,
                EvaluateInspectionCommand.class,
                ExperimentCommand.class,
                RunsCommand.class,
                DoctorCommand.class,
        })
public final class TesseraCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TesseraCli());
        cli.setExecutionExceptionHandler(TesseraCli::handleFailure);
        cli.setParameterExceptionHandler(TesseraCli::handleBadUsage);
        return cli;
    }

    public static int execute(String... args) {
        OfflineEngine.configure();
        return commandLine().execute(args);
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && hasVerbose(parsed));
        err.println("tessera " + cli.getCommandName() + ": " + oneLine(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** Bad usage: one line naming the problem and where help is, exit 2 (picocli would print the whole usage). */
    private static int handleBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        String message = String.valueOf(e.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        err.println(command + ": " + message + " (see '" + command + " --help')");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The user-facing message: ours verbatim, others with their type, always on one line. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (!(t instanceof TesseraException) && t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (!(t instanceof TesseraException) && !(t instanceof java.io.IOException && message != null)) {
            message = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            message = t.getMessage() + ": no such file or folder";
        }
        return message == null ? t.getClass().getSimpleName() : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
