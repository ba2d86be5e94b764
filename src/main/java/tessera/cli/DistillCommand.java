package tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.distill.Distillation;
import tessera.distill.DistillationMode;
import tessera.ensemble.Ensemble;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.fusion.FusionMethod;
import tessera.train.CancellationToken;
import tessera.train.TrainingJob;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tessera distill}: compresses a teacher ensemble into one student network. */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Distil a teacher ensemble into one student (modes: labels, mean-teacher, per-teacher, simultaneous, stacking).")
public final class DistillCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TrainCommand.TrainingOptions training;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--teachers", paramLabel = "DIR", description = "The teacher ensemble folder.")
    Path teachers;

    @Option(names = "--student-arch", paramLabel = "A", description = "Student architecture (default: that of --arch, ${DEFAULT-VALUE}).")
    String studentArch;

    @Option(names = "--mode", paramLabel = "M", description = "labels, mean-teacher, per-teacher, simultaneous, stacking (default: ${DEFAULT-VALUE}).")
    String mode = "simultaneous";

    @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature on both sides (default: ${DEFAULT-VALUE}).")
    double temperature = 4.0;

    @Option(names = "--alpha", paramLabel = "a", description = "Weight of the KD term; 1 - a weighs the label term (default: ${DEFAULT-VALUE}).")
    double alpha = 0.9;

    @Option(names = "--head-fusion", paramLabel = "M", description = "How a simultaneous student's heads are fused at inference (default: ${DEFAULT-VALUE}).")
    String headFusion = "mean";

    @Option(names = "--resume", paramLabel = "RUN", description = "Resume an interrupted or cancelled distillation run.")
    String resume;

    @Option(names = "--out", paramLabel = "DIR", description = "Also copy the student bundle to this folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        RunStore store = new RunStore(common.workspace());
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        try {
            TrainingResult result;
            if (resume != null) {
                System.out.println("resuming " + resume);
                result = TrainingJob.resume(store, resume, Distillation::objectives, new ConsoleProgress(System.out, resume), cancel);
            } else {
                TrainingSettings s = settings();
                Run run = TrainingJob.create(store, "distill", s);
                System.out.println("run " + run.id() + " (" + s.objective + ", T=" + s.temperature + ", alpha=" + s.alpha
                        + ", " + s.heads + " head(s)) in " + run.dir());
                result = TrainingJob.run(run, s, Distillation.objectives(s), new ConsoleProgress(System.out, ""), cancel);
            }
            if (result.cancelled()) {
                System.out.println("cancelled; resume with: tessera distill --resume " + result.runId());
                return 1;
            }
            if (result.test() != null) {
                System.out.printf(Locale.ROOT, "student test accuracy %.2f%%, macro-F1 %.4f, NLL %.4f, ECE %.4f%n",
                        100 * result.test().accuracy(), result.test().macroF1(), result.test().nll(), result.test().ece());
            }
            System.out.println("student bundle: " + result.bundle());
            if (out != null) {
                BundleCopy.copy(result.bundle(), out);
                System.out.println("copied to " + out);
            }
            return 0;
        } finally {
            CancelOnInterrupt.remove(hook);
        }
    }

    private TrainingSettings settings() throws java.io.IOException {
        if (studentArch != null) {
            training.architecture = studentArch;
        }
        TrainingSettings s = training.settings(common, spec.commandLine());
        DistillationMode m = DistillationMode.parse(mode);
        FusionMethod.parse(headFusion);
        s.objective = m.id();
        s.temperature = temperature;
        s.alpha = alpha;
        s.headFusion = headFusion;
        if (m != DistillationMode.LABELS) {
            if (teachers == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--teachers=DIR'");
            }
            s.teachers = teachers.toAbsolutePath().normalize().toString();
            if (m == DistillationMode.SIMULTANEOUS) {
                s.heads = Ensemble.readInfo(teachers).members.size();
            }
        }
        if (!(temperature > 0) || alpha < 0 || alpha > 1) {
            throw new TesseraException("need --temperature > 0 and 0 <= --alpha <= 1");
        }
        return s;
    }
}
