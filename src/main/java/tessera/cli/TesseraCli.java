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
                RunsCommand.class,
                ExperimentCommand.class,
                DoctorCommand.class,
                SynthCommand.class,
                InspectCommand.class,
                EvaluateInspectionCommand.class,
        })
public final class TesseraCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TesseraCli());
        cli.setExecutionExceptionHandler(TesseraCli::handleFailure);
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
