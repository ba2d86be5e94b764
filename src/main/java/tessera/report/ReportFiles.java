package tessera.report;

import tessera.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one image's report into a folder, each file whole: {@code <stem>.report.pdf},
 * {@code <stem>.findings.csv}, {@code <stem>.findings.json} and {@code <stem>.overlay.png}.
 */
public record ReportFiles(Path pdf, Path csv, Path json, Path overlay) {

    public static ReportFiles write(Path folder, String stem, InspectionReport report) throws IOException {
        Files.createDirectories(folder);
        ReportFiles files = new ReportFiles(folder.resolve(stem + ".report.pdf"), folder.resolve(stem + ".findings.csv"),
                folder.resolve(stem + ".findings.json"), folder.resolve(stem + ".overlay.png"));
        AtomicFiles.write(files.pdf, PdfReport.render(report));
        AtomicFiles.write(files.csv, FindingsCsv.format(report.findings()).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(files.json, FindingsJson.format(report).getBytes(StandardCharsets.UTF_8));
        if (report.overlay() != null) {
            AtomicFiles.write(files.overlay, stream -> {
                if (!ImageIO.write(report.overlay(), "png", stream)) {
                    throw new IOException(files.overlay + ": no PNG writer");
                }
            });
        }
        return files;
    }
}
