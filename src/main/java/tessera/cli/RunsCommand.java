package tessera.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tessera.experiment.Metric;
import tessera.experiment.Run;
import tessera.experiment.RunFormat;
import tessera.experiment.RunRecord;
import tessera.experiment.RunStore;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tessera runs list / show RUN / compare RUN RUN..}: reads the experiment store, never writes it. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Lists, shows and compares runs in the experiment store (<workspace>/runs).",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.CompareRuns.class})
public final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, show or compare");
    }

    /** What every subcommand shares: the store from --workspace and the output stream. */
    abstract static class StoreCommand implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        RunStore store() {
            return new RunStore(common.workspace());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists runs, newest first, with status (INTERRUPTED for a killed run), duration and numeric summary values.")
    static final class ListRuns extends StoreCommand {

        @Override
        public Integer call() {
            RunStore store = store();
            List<RunRecord> runs = store.list();
            PrintWriter out = out();
            if (runs.isEmpty()) {
                out.println("no runs in " + store.runsDir());
                out.flush();
                return 0;
            }
            Set<String> summaryKeys = new LinkedHashSet<>();
            runs.forEach(r -> r.summary().entrySet().stream()
                    .filter(e -> e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber())
                    .forEach(e -> summaryKeys.add(e.getKey())));
            List<String> header = new ArrayList<>(List.of("ID", "KIND", "STATUS", "STARTED", "DURATION"));
            header.addAll(summaryKeys);
            TextTable table = new TextTable(header.toArray(String[]::new));
            for (RunRecord run : runs) {
                List<String> row = new ArrayList<>(List.of(run.id(), run.kind(), run.displayStatus(),
                        RunFormat.time(run.started()), run.broken() ? "-" : RunFormat.duration(run.duration())));
                summaryKeys.forEach(key -> row.add(RunFormat.value(run.summary().get(key))));
                table.row(row);
            }
            table.print(out);
            runs.stream().filter(RunRecord::broken).forEach(r -> out.println(r.id() + ": " + r.reason()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one run: run.json fields, summary, the last value of every metric, and its folder.")
    static final class ShowRun extends StoreCommand {

        @Parameters(paramLabel = "RUN", description = "Run id, unique id prefix, or run folder.")
        String run;

        @Override
        public Integer call() {
            Run opened = store().open(run);
            RunRecord r = opened.record();
            PrintWriter out = out();
            TextTable fields = new TextTable("Run", r.id())
                    .row("Kind", r.kind())
                    .row("Status", r.displayStatus() + (r.reason() == null ? "" : " (" + r.reason() + ")"))
                    .row("Started", RunFormat.time(r.started()))
                    .row("Ended", RunFormat.time(r.ended()))
                    .row("Duration", RunFormat.duration(r.duration()))
                    .row("Device", Objects.requireNonNullElse(r.device(), "-"))
                    .row("Host", r.host() + " (pid " + r.pid() + ")");
            r.resumed().forEach(t -> fields.row("Resumed", RunFormat.time(t)));
            r.versions().forEach((name, version) -> fields.row("Version " + name, version));
            fields.row("Path", r.dir().toAbsolutePath().toString());
            fields.print(out);

            section(out, "Config", keyValues(RunFormat.flatten(r.config())));
            section(out, "Summary", keyValues(RunFormat.flatten(r.summary())));
            section(out, "Last metrics", lastMetrics(opened.metrics()));
            return 0;
        }

        private static TextTable keyValues(Map<String, String> values) {
            TextTable table = new TextTable("KEY", "VALUE");
            values.forEach((key, value) -> table.row(key, value));
            return table;
        }

        /** The latest row of each (split, name): metrics.csv is in training order. */
        private static TextTable lastMetrics(List<Metric> metrics) {
            Map<List<String>, Metric> last = new LinkedHashMap<>();
            metrics.forEach(m -> last.put(List.of(m.split(), m.name()), m));
            TextTable table = new TextTable("SPLIT", "NAME", "EPOCH", "STEP", "VALUE");
            last.values().forEach(m -> table.row(m.split(), m.name(), Integer.toString(m.epoch()),
                    Long.toString(m.step()), RunFormat.number(m.value())));
            return table;
        }

        private static void section(PrintWriter out, String title, TextTable table) {
            out.println();
            if (table.size() == 0) {
                out.println(title + ": none");
            } else {
                out.println(title + ":");
                table.print(out);
            }
            out.flush();
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares runs side by side: the config parameters that differ, and summary values.")
    static final class CompareRuns extends StoreCommand {

        @Parameters(paramLabel = "RUN", arity = "2..*", description = "Two or more run ids, id prefixes or run folders.")
        List<String> runs;

        @Override
        public Integer call() {
            RunStore store = store();
            List<RunRecord> records = runs.stream().map(id -> store.open(id).record()).toList();
            List<Map<String, String>> configs = records.stream().map(r -> RunFormat.flatten(r.config())).toList();
            List<Map<String, String>> summaries = records.stream().map(r -> RunFormat.flatten(r.summary())).toList();

            String[] header = new String[records.size() + 1];
            header[0] = "";
            for (int i = 0; i < records.size(); i++) {
                header[i + 1] = records.get(i).id();
            }
            TextTable table = new TextTable(header);
            table.row(cells("kind", records.stream().map(RunRecord::kind).toList()));
            table.row(cells("status", records.stream().map(RunRecord::displayStatus).toList()));
            table.row(cells("duration", records.stream().map(r -> RunFormat.duration(r.duration())).toList()));
            for (String key : union(configs)) {
                List<String> values = valuesOf(configs, key);
                if (values.stream().distinct().count() > 1) {
                    table.row(cells("config." + key, values));
                }
            }
            for (String key : union(summaries)) {
                table.row(cells(key, valuesOf(summaries, key)));
            }
            table.print(out());
            return 0;
        }

        private static Set<String> union(List<Map<String, String>> maps) {
            return maps.stream().flatMap(m -> m.keySet().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private static List<String> valuesOf(List<Map<String, String>> maps, String key) {
            return maps.stream().map(m -> m.getOrDefault(key, "-")).toList();
        }

        private static List<String> cells(String label, List<String> values) {
            List<String> cells = new ArrayList<>(values.size() + 1);
            cells.add(label);
            cells.addAll(values);
            return cells;
        }
    }
}
