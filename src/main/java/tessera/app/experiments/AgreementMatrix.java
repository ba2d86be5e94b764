package tessera.app.experiments;

import com.google.gson.JsonElement;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.ensemble.Ensemble;
import tessera.ensemble.EnsembleSettings;
import tessera.experiment.RunRecord;
import tessera.model.Devices;
import tessera.util.AtomicFiles;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How often each pair of an ensemble's members predicts the same class on the test split,
 * stored beside the run as {@code agreement.csv} (header {@code member,<m1>,<m2>..}, one row per member).
 */
public record AgreementMatrix(List<String> members, double[][] agreement) {

    public static final String FILE = "agreement.csv";

    /** The matrix stored in a run folder, if any. */
    public static Optional<AgreementMatrix> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new TesseraException(file + ": empty agreement matrix");
        }
        List<String> members = Arrays.asList(lines.get(0).split(",", -1)).subList(1, lines.get(0).split(",", -1).length);
        if (lines.size() != members.size() + 1) {
            throw new TesseraException(file + ": " + members.size() + " members in the header but " + (lines.size() - 1) + " rows");
        }
        double[][] values = new double[members.size()][];
        for (int a = 0; a < members.size(); a++) {
            String[] cells = lines.get(a + 1).split(",", -1);
            if (cells.length != members.size() + 1) {
                throw new TesseraException(file + ": row " + (a + 1) + " has " + (cells.length - 1) + " values, expected " + members.size());
            }
            values[a] = new double[members.size()];
            for (int b = 0; b < members.size(); b++) {
                try {
                    values[a][b] = Double.parseDouble(cells[b + 1]);
                } catch (NumberFormatException e) {
                    throw new TesseraException(file + ": row " + (a + 1) + ": not a number: " + cells[b + 1]);
                }
            }
        }
        return Optional.of(new AgreementMatrix(List.copyOf(members), values));
    }

    public void write(Path runDir) throws IOException {
        StringBuilder csv = new StringBuilder("member");
        members.forEach(m -> csv.append(',').append(m));
        csv.append('\n');
        for (int a = 0; a < members.size(); a++) {
            csv.append(members.get(a));
            for (double v : agreement[a]) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6f", v));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(runDir.resolve(FILE), csv.toString());
    }

    /** Pairwise agreement of member predictions [t][i][c]: the fraction of samples with the same top class. */
    public static AgreementMatrix of(List<String> members, double[][][] probabilities) {
        int t = probabilities.length;
        int n = t == 0 ? 0 : probabilities[0].length;
        int[][] top = new int[t][n];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                top[k][i] = argMax(probabilities[k][i]);
            }
        }
        double[][] agreement = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                int same = 0;
                for (int i = 0; i < n; i++) {
                    same += top[a][i] == top[b][i] ? 1 : 0;
                }
                agreement[a][b] = n == 0 ? Double.NaN : (double) same / n;
            }
        }
        return new AgreementMatrix(List.copyOf(members), agreement);
    }

    /** Runs the members of a finished ensemble run on its data set's test split and stores the matrix. */
    public static AgreementMatrix compute(RunRecord ensembleRun) throws IOException {
        JsonElement folder = ensembleRun.summary().get("folder");
        if (!"ensemble".equals(ensembleRun.kind()) || folder == null) {
            throw new TesseraException("run " + ensembleRun.id() + " is not a finished ensemble run");
        }
        EnsembleSettings settings = Json.GSON.fromJson(ensembleRun.config(), EnsembleSettings.class);
        DataSplits data = DatasetLoader.load(Path.of(settings.base.dataset), settings.base.datasetOptions());
        if (data.test().size() == 0) {
            throw new TesseraException(settings.base.dataset + ": no test split to measure agreement on");
        }
        // The GUI never names a DJL type: the device goes from the model package straight into the ensemble.
        try (Ensemble ensemble = Ensemble.load(Path.of(folder.getAsString()), Devices.resolve(settings.base.device))) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < ensemble.size(); k++) {
                names.add("m" + (k + 1));
            }
            AgreementMatrix matrix = of(names, ensemble.memberProbabilities(data.test(), 256));
            matrix.write(ensembleRun.dir());
            return matrix;
        }
    }

    private static int argMax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
