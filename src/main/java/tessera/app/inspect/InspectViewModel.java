package tessera.app.inspect;

import tessera.imaging.ColorMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Point2D;
import tessera.app.ActiveModels;
import tessera.app.AppState;
import tessera.app.DemoAssets;
import tessera.app.ImageFiles;
import tessera.app.UiTaskExecutor;
import tessera.fusion.FusionMethod;
import tessera.inspect.Findings;
import tessera.inspect.HeatMaps;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.inspect.StudentPreview;
import tessera.report.InspectionReport;
import tessera.report.MapImages;
import tessera.report.MapStyle;
import tessera.report.ReportFiles;
import tessera.report.ReviewFile;
import tessera.report.Traceability;
import tessera.train.CancellationToken;
import tessera.util.TesseraException;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Inspect view's state and logic: the opened images and the one shown, its inspection, the
 * maps derived from the cached teacher outputs (re-fused when the method changes, no model runs),
 * the display controls, the shared viewport and cursor of the synchronised panels, the selected
 * tile, the cost, and the review. Inference runs as a Task on one background thread.
 */
public final class InspectViewModel implements AutoCloseable {

    /** The disagreement map hides spreads below this, so only real disagreement is coloured. */
    public static final double DISAGREEMENT_FLOOR = 0.05;

    private final AppState state;
    private final UiTaskExecutor tasks;
    private final InspectionWork work;
    private final ExecutorService inspecting = Executors.newSingleThreadExecutor(UiTaskExecutor.daemonThreads("tessera-inspect"));
    private final ReviewViewModel review;

    private final ObjectProperty<Path> selectedImage = new SimpleObjectProperty<>();
    private final ObjectProperty<FusionMethod> fusionMethod = new SimpleObjectProperty<>(FusionMethod.MEAN);
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.6);
    private final ObjectProperty<ColorMap> colourMap = new SimpleObjectProperty<>(ColorMap.INFERNO);
    private final BooleanProperty contour = new SimpleBooleanProperty(false);
    private final ObjectProperty<MapSource> findingsFrom = new SimpleObjectProperty<>(MapSource.STUDENT);
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(new Viewport(0, 0, 1));
    private final ObjectProperty<Point2D> cursor = new SimpleObjectProperty<>();
    private final IntegerProperty selectedTile = new SimpleIntegerProperty(-1);

    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> fused = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Findings> findings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MapRasters> rasters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TileDetail> tileDetail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CostSummary> cost = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private Task<Inspection> running;
    private boolean updating;

    public InspectViewModel(AppState state, UiTaskExecutor tasks) {
        this(state, tasks, new InspectionWork(state.deviceChoice(), InspectionSettings.defaults()));
    }

    public InspectViewModel(AppState state, UiTaskExecutor tasks, InspectionWork work) {
        this.state = state;
        this.tasks = tasks;
        this.work = work;
        this.review = new ReviewViewModel(tasks::report);
        message.set(emptyMessage());
        state.openImages().addListener((ListChangeListener<Path>) c -> {
            List<Path> now = state.openImages();
            if (now.isEmpty()) {
                selectedImage.set(null);
            } else if (!now.contains(selectedImage.get())) {
                selectedImage.set(now.get(0));
            }
        });
        selectedImage.addListener((o, was, now) -> inspect());
        state.activeModelsProperty().addListener((o, was, now) -> inspect());
        fusionMethod.addListener((o, was, now) -> unlessUpdating(this::refuse));
        threshold.addListener((o, was, now) -> unlessUpdating(this::rethreshold));
        colourMap.addListener((o, was, now) -> unlessUpdating(this::redraw));
        contour.addListener((o, was, now) -> unlessUpdating(this::redraw));
        findingsFrom.addListener((o, was, now) -> unlessUpdating(this::rethreshold));
        selectedTile.addListener((o, was, now) -> unlessUpdating(this::describeTile));
    }

    private void unlessUpdating(Runnable recompute) {
        if (!updating) {
            recompute.run();
        }
    }

    // ---- actions ----

    /** Opens image files and folders of images (drag and drop); anything else is refused by name. */
    public void open(List<Path> paths) {
        List<Path> images = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                images.addAll(ImageFiles.inFolder(p));
            } else if (ImageFiles.isImage(p)) {
                images.add(p);
            } else {
                throw new TesseraException(p + ": not an image the workstation opens (use "
                        + String.join(", ", ImageFiles.EXTENSIONS) + ")");
            }
        }
        if (images.isEmpty()) {
            throw new TesseraException(paths.get(0) + ": no images (" + String.join(", ", ImageFiles.EXTENSIONS) + ") there");
        }
        state.openImages().setAll(images);
    }

    /** At start: the shipped sample image with the demo models, when they are installed. */
    public boolean openSamples(DemoAssets assets) {
        if (assets.isEmpty()) {
            return false;
        }
        useDemoModels(assets);
        if (!assets.samples().isEmpty()) {
            state.openImages().setAll(assets.samples());
        }
        return true;
    }

    /** Makes the shipped demo ensemble and student the active models, when both are installed. */
    public void useDemoModels(DemoAssets assets) {
        if (assets.ensemble().isPresent() && assets.student().isPresent()) {
            state.activeModelsProperty().set(state.activeModelsProperty().get()
                    .withEnsemble(assets.ensemble().get(), null).withStudent(assets.student().get(), null));
        }
    }

    /** Inspects the selected image with the active models (cancelling an inspection still running). */
    public void inspect() {
        cancel();
        Path file = selectedImage.get();
        if (file == null) {
            clear();
            message.set(emptyMessage());
            return;
        }
        ActiveModels models = state.activeModelsProperty().get();
        CancellationToken token = new CancellationToken();
        @SuppressWarnings("unchecked")
        Task<Inspection>[] self = new Task[1];
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() throws Exception {
                updateTitle("Inspecting " + file.getFileName());
                return work.run(file, models, token, new InspectionWork.Listener() {
                    @Override
                    public void imageReady(Inspection loaded) {
                        javafx.application.Platform.runLater(() -> {
                            if (running == self[0]) {
                                showImage(loaded);
                            }
                        });
                    }

                    @Override
                    public void progress(String text, double fraction) {
                        updateMessage(text);
                        updateProgress(fraction, 1);
                    }

                    @Override
                    public void studentReady(StudentPreview preview) {
                        javafx.application.Platform.runLater(() -> {
                            if (running == self[0]) {
                                showStudentPreview(file, preview);
                            }
                        });
                    }
                });
            }

            @Override
            public boolean cancel(boolean interrupt) {
                token.cancel();
                return super.cancel(interrupt);
            }
        };
        self[0] = task;
        task.setOnSucceeded(e -> {
            if (running == task) {
                running = null;
                show(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                running = null;
                message.set("Inspection failed: " + tessera.app.Problems.oneLine(task.getException()));
            }
        });
        task.setOnCancelled(e -> {
            if (running == task) {
                running = null;
            }
        });
        running = task;
        busy.bind(task.runningProperty());
        progress.bind(task.progressProperty());
        progressText.bind(task.messageProperty());
        message.set(InspectionWork.missing(models).orElse("Inspecting " + file.getFileName() + "…"));
        tasks.watch(task);
        inspecting.execute(task);
    }

    /** Stops the running inspection; the maps shown stay as they were. */
    public void cancel() {
        if (running != null) {
            Task<Inspection> t = running;
            running = null;
            t.cancel(true);
            message.set("Inspection cancelled.");
        }
    }

    /** Shows a finished inspection (also what the background task ends with). */
    public void show(Inspection done) {
        boolean sameImage = inspection.get() != null && inspection.get().sha256().equals(done.sha256());
        inspection.set(done);
        if (!sameImage) {
            viewport.set(Viewport.fit(done.pyramid().width(), done.pyramid().height()));
        }
        Optional<InspectionResult> r = done.result();
        if (r.isEmpty()) {
            clearMaps();
            message.set(InspectionWork.missing(state.activeModelsProperty().get())
                    .orElse(done.image().file().getFileName() + ": not inspected."));
            return;
        }
        InspectionResult result = r.get();
        cost.set(new CostSummary(result.teacherCount(), result.ensembleMillis(), result.studentMillis(),
                done.ensembleParameters(), done.studentParameters()));
        FusionMethod method = FusionMethod.MEAN;
        try {
            method = FusionMethod.parse(result.fusionMethod());
        } catch (TesseraException stacking) {
            // A learned combiner cannot be re-fused from the maps alone: the view starts on mean.
        }
        // The controls start from the models' own method and calibrated threshold; one recomputation.
        updating = true;
        try {
            fusionMethod.set(method);
            threshold.set(result.studentThreshold());
            selectedTile.set(-1);
        } finally {
            updating = false;
        }
        refuse();
        message.set(String.format(java.util.Locale.ROOT, "%s · %d×%d px · %,d tiles of %d px at stride %d · %s",
                done.image().file().getFileName(), done.image().width(), done.image().height(), result.tiles(),
                result.grid().tileSize(), result.grid().stride(), result.method().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')));
    }

    /**
     * The student's map over the photograph as soon as the student has run: the teachers take N times
     * longer, and the inspector can already look; the other maps and the findings follow with the result.
     */
    private void showStudentPreview(Path file, StudentPreview preview) {
        Inspection shown = inspection.get();
        if (shown == null || shown.result().isPresent() || !shown.image().file().equals(file)) {
            return;
        }
        updating = true;
        try {
            threshold.set(preview.threshold()); // the slider shows the threshold the preview is drawn at
        } finally {
            updating = false;
        }
        int[] size = MapImages.rasterSize(preview.grid().imageWidth(), preview.grid().imageHeight());
        MapStyle style = MapStyle.probability(colourMap.get(), preview.threshold(), contour.get());
        rasters.set(new MapRasters(MapImages.render(preview.grid(), preview.student(), size[0], size[1], style),
                null, List.of(), null, null));
        message.set(String.format(java.util.Locale.ROOT, "%s · student map in %,d ms · the ensemble is running…",
                file.getFileName(), preview.studentMillis()));
    }

    private void showImage(Inspection loaded) {
        if (inspection.get() == null || !inspection.get().sha256().equals(loaded.sha256())) {
            clearMaps();
            inspection.set(loaded);
            viewport.set(Viewport.fit(loaded.pyramid().width(), loaded.pyramid().height()));
        }
    }

    private void clear() {
        inspection.set(null);
        clearMaps();
    }

    private void clearMaps() {
        fused.set(null);
        findings.set(null);
        rasters.set(null);
        tileDetail.set(null);
        cost.set(null);
        selectedTile.set(-1);
        review.clear();
    }

    private Optional<InspectionResult> result() {
        return inspection.get() == null ? Optional.empty() : inspection.get().result();
    }

    private void refuse() {
        result().ifPresent(r -> {
            fused.set(r.fused(fusionMethod.get()));
            rethreshold();
        });
    }

    private void rethreshold() {
        result().ifPresent(r -> {
            if (fused.get() == null) {
                fused.set(r.fused(fusionMethod.get()));
            }
            float[] map = findingsFrom.get() == MapSource.STUDENT ? r.student() : fused.get();
            Findings f = Findings.detect(r.grid(), map, threshold.get(), r.teachers(), threshold.get(), null);
            findings.set(f);
            Inspection i = inspection.get();
            review.load(new ReviewViewModel.Target(i.image().file(), i.sha256(), resultsDir(i)), f.list());
            describeTile();
            redraw();
        });
    }

    private void redraw() {
        result().ifPresent(r -> {
            int[] size = MapImages.rasterSize(r.grid().imageWidth(), r.grid().imageHeight());
            MapStyle style = MapStyle.probability(colourMap.get(), threshold.get(), contour.get());
            List<BufferedImage> teachers = new ArrayList<>();
            for (float[] t : r.teachers()) {
                teachers.add(MapImages.render(r.grid(), t, size[0], size[1], style));
            }
            float[] votes = HeatMaps.asFloats(HeatMaps.votes(r.teachers(), threshold.get()));
            MapStyle voteStyle = new MapStyle(colourMap.get(), 0.5, 0, Math.max(1, r.teacherCount()), contour.get(), false);
            MapStyle spreadStyle = new MapStyle(colourMap.get(), DISAGREEMENT_FLOOR, 0, 0.5, contour.get(), true);
            rasters.set(new MapRasters(MapImages.render(r.grid(), r.student(), size[0], size[1], style),
                    MapImages.render(r.grid(), fused.get(), size[0], size[1], style), teachers,
                    MapImages.render(r.grid(), votes, size[0], size[1], voteStyle),
                    MapImages.render(r.grid(), r.disagreement(), size[0], size[1], spreadStyle)));
        });
    }

    private void describeTile() {
        int tile = selectedTile.get();
        Optional<InspectionResult> r = result();
        tileDetail.set(r.isPresent() && tile >= 0 && tile < r.get().tiles() ? TileDetail.of(r.get(), tile, threshold.get()) : null);
    }

    /** Selects the tile under image point (x, y), as a click on any map does. */
    public void selectTileAt(double x, double y) {
        result().ifPresent(r -> selectedTile.set(TileDetail.tileAt(r.grid(), x, y)));
    }

    /** Selects a finding: the review's selection, the tile at its box's centre, and the view centred on it. */
    public void selectFinding(int id) {
        review.selectedProperty().set(id);
        review.find(id).ifPresent(f -> {
            selectTileAt(f.x() + f.width() / 2.0, f.y() + f.height() / 2.0);
            Inspection i = inspection.get();
            if (i == null) {
                return;
            }
            // Close enough to judge it, with context: the box takes about a quarter of the view.
            int w = i.pyramid().width();
            int h = i.pyramid().height();
            double closer = Math.max(1, Math.min(16, Math.min(w / (4.0 * f.width()), h / (4.0 * f.height()))));
            Viewport v = viewport.get();
            viewport.set(new Viewport(f.x() + f.width() / 2.0, f.y() + f.height() / 2.0,
                    Math.max(v.magnification(), closer)).clamped(w, h));
        });
    }

    /** Where this image's results (review, report) go in the workspace. */
    public Path resultsDir(Inspection i) {
        return ReviewFile.resultsDir(state.workspace().folder().resolve(""), i.image().file(), i.sha256());
    }

    /** The report of the shown image as it is now. */
    public InspectionReport report() {
        return draft().render();
    }

    /** What the report needs, taken on the FX thread; rendering the overlay can then run anywhere. */
    private record Draft(BufferedImage photo, tessera.inspect.TileGrid grid, float[] map, MapStyle style, double opacity,
                         List<tessera.report.FindingReview> findings, Traceability trace, long ensembleMillis,
                         long studentMillis) {
        InspectionReport render() {
            BufferedImage overlay = MapImages.overlay(photo, grid, map, style, opacity, findings, 1600);
            return new InspectionReport(trace, findings, overlay, ensembleMillis, studentMillis);
        }
    }

    private Draft draft() {
        Inspection i = inspection.get();
        InspectionResult r = result().orElseThrow(() -> new TesseraException(
                "no inspection to report on: open an image with active models first"));
        ReviewViewModel rv = review;
        float[] map = findingsFrom.get() == MapSource.STUDENT ? r.student() : fused.get();
        Traceability trace = new Traceability(i.image().file().getFileName().toString(), i.sha256(),
                i.image().metadata(), i.models(), fusionMethod.get().id(), findingsFrom.get().label(), threshold.get(),
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                rv.inspectorProperty().get(), rv.registrationProperty().get(), rv.zoneProperty().get());
        return new Draft(i.image().image(), r.grid(), map, MapStyle.probability(colourMap.get(), threshold.get(),
                contour.get()), opacity.get(), rv.findings(), trace, r.ensembleMillis(), r.studentMillis());
    }

    /** Writes the report (PDF, CSV, JSON, overlay PNG) into the image's results folder, in the background. */
    public void exportReport(java.util.function.Consumer<ReportFiles> done) {
        Inspection i = inspection.get();
        Draft draft = draft();
        Path folder = resultsDir(i);
        String stem = ReviewFile.stem(i.image().file());
        tasks.run("Exporting the report", () -> ReportFiles.write(folder, stem, draft.render()), done);
    }

    private String emptyMessage() {
        return "Open fuselage photographs (PNG, JPEG, TIFF): File ▸ Open image(s), Open folder, or drop them here.";
    }

    // ---- properties ----

    public ObservableList<Path> images() {
        return state.openImages();
    }

    public AppState state() {
        return state;
    }

    public ReviewViewModel review() {
        return review;
    }

    public ObjectProperty<Path> selectedImageProperty() {
        return selectedImage;
    }

    public ObjectProperty<FusionMethod> fusionMethodProperty() {
        return fusionMethod;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public ObjectProperty<ColorMap> colourMapProperty() {
        return colourMap;
    }

    public BooleanProperty contourProperty() {
        return contour;
    }

    public ObjectProperty<MapSource> findingsFromProperty() {
        return findingsFrom;
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    /** The pointer's position in image pixels over any synchronised panel; null when off the maps. */
    public ObjectProperty<Point2D> cursorProperty() {
        return cursor;
    }

    public IntegerProperty selectedTileProperty() {
        return selectedTile;
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> fusedProperty() {
        return fused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Findings> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapRasters> rastersProperty() {
        return rasters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TileDetail> tileDetailProperty() {
        return tileDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CostSummary> costProperty() {
        return cost.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    @Override
    public void close() {
        cancel();
        // The models are closed on the inspecting thread, after any inference still running there.
        inspecting.execute(work::close);
        inspecting.shutdown();
    }
}
