package tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.ensemble.EnsembleJob;
import tessera.ensemble.EnsembleSettings;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.train.CancellationToken;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tessera ensemble}: N teachers with different seeds (and architectures, subsets) into one folder. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Train N teachers (different seeds, optionally architectures and random subsets) into one ensemble folder.")
public final class EnsembleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TrainCommand.TrainingOptions training;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--members", paramLabel = "N", description = "Number of teachers (default: ${DEFAULT-VALUE}).")
    int members = 5;

    @Option(names = "--out", paramLabel = "DIR", description = "The ensemble folder to write.")
    Path out;

    @Option(names = "--fusion", paramLabel = "M", description = "Default fusion method recorded in ensemble.json (default: ${DEFAULT-VALUE}).")
    String fusion = "mean";

    @Option(names = "--resume", paramLabel = "RUN", description = "Resume an interrupted ensemble run: finished members are kept.")
    String resume;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        RunStore store = new RunStore(common.workspace());
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        try {
            EnsembleJob.Result result;
            if (resume != null) {
                result = EnsembleJob.resume(store, resume, k -> new ConsoleProgress(System.out, "member " + (k + 1)), cancel);
            } else {
                EnsembleSettings s = settings();
                Run run = EnsembleJob.create(store, s);
                System.out.println("ensemble run " + run.id() + ": " + s.members + " members of "
                        + String.join(",", s.architectures) + ", subset " + s.base.subset);
                int n = s.members;
                result = EnsembleJob.run(store, run, s, k -> new ConsoleProgress(System.out, "member " + (k + 1) + "/" + n), cancel);
            }
            if (result.cancelled()) {
                System.out.println("cancelled; resume with: tessera ensemble --resume " + result.runId());
                return 1;
            }
            System.out.println("ensemble folder: " + result.folder());
            for (int k = 0; k < result.memberTestAccuracy().size(); k++) {
                System.out.printf(Locale.ROOT, "  member %d test accuracy %.2f%%%n", k + 1, 100 * result.memberTestAccuracy().get(k));
            }
            for (Map.Entry<String, Double> e : result.testAccuracy().entrySet()) {
                System.out.printf(Locale.ROOT, "  fusion %-14s test accuracy %.2f%%%n", e.getKey(), 100 * e.getValue());
            }
            return 0;
        } finally {
            CancelOnInterrupt.remove(hook);
        }
    }

    private EnsembleSettings settings() {
        if (out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        if (members < 1) {
            throw new TesseraException("--members must be at least 1");
        }
        EnsembleSettings s = new EnsembleSettings();
        s.architectures = Arrays.asList(training.architecture.split(","));
        s.architectures.forEach(a -> tessera.model.Architectures.get(a.trim()));
        training.architecture = s.architectures.get(0);
        s.base = training.settings(common, spec.commandLine());
        s.members = members;
        s.out = out.toAbsolutePath().normalize().toString();
        s.defaultFusion = fusion;
        return s;
    }
}
