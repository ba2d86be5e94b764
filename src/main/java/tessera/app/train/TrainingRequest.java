package tessera.app.train;

import tessera.ensemble.EnsembleSettings;
import tessera.train.TrainingSettings;

/** One job for the run queue: a new ensemble, a new distillation, or the resumption of a stored run. */
public sealed interface TrainingRequest {

    /** What the queue shows for this job. */
    String title();

    record NewEnsemble(EnsembleSettings settings) implements TrainingRequest {
        @Override
        public String title() {
            return "Ensemble of " + settings.members + " × " + String.join(",", settings.architectures);
        }
    }

    record NewDistillation(TrainingSettings settings) implements TrainingRequest {
        @Override
        public String title() {
            return "Student " + settings.architecture + " (" + settings.objective + ")";
        }
    }

    record Resume(String runId, String kind) implements TrainingRequest {
        @Override
        public String title() {
            return "Resume " + runId;
        }
    }
}
