package tessera.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inspection report as a PDF (Apache PDFBox): traceability block, overlay picture, the reviewed
 * findings with decisions and notes. A4 portrait; the findings table continues on new pages.
 */
public final class PdfReport {

    private static final float MARGIN = 40;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float[] COLUMNS = {28, 50, 58, 122, 40, 40, 40, 55};
    private static final String[] HEADINGS = {"#", "origin", "decision", "box x,y  w x h (px)", "peak", "votes", "spread", "note"};

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private PDDocument document;
    private PDPageContentStream out;
    private float y;

    private PdfReport() {
    }

    /** The report as PDF bytes (the caller writes them atomically). */
    public static byte[] render(InspectionReport report) throws IOException {
        return new PdfReport().write(report);
    }

    private byte[] write(InspectionReport report) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            Traceability t = report.trace();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Corrosion inspection report: " + safe(t.imageFile()));
            info.setAuthor(safe(t.inspector()));
            info.setCreator("Tessera");
            newPage();
            text(bold, 16, MARGIN, "Corrosion inspection report");
            y -= 16;
            traceability(report);
            overlay(report);
            findings(report.findings());
            footer();
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void traceability(InspectionReport report) throws IOException {
        Traceability t = report.trace();
        heading("Traceability");
        row("Aircraft registration", t.registration().isEmpty() ? "(not given)" : t.registration(), regular);
        row("Zone", t.zone().isEmpty() ? "(not given)" : t.zone(), regular);
        row("Inspector", t.inspector().isEmpty() ? "(not given)" : t.inspector(), regular);
        row("Date", t.date(), regular);
        row("Image file", t.imageFile(), regular);
        row("Image SHA-256", t.imageSha256(), mono);
        row("Image metadata", t.metadataText(), regular);
        row("Fusion method", t.fusionMethod(), regular);
        row("Findings from", t.findingsFrom() + " map", regular);
        row("Threshold", String.format(Locale.ROOT, "%.3f", t.threshold()), regular);
        row("Cost on this image", String.format(Locale.ROOT, "ensemble %d ms, student %d ms", report.ensembleMillis(),
                report.studentMillis()), regular);
        for (ModelRef m : t.models()) {
            row(m.role(), m.name() + (m.parameters() > 0 ? String.format(Locale.ROOT, "  (%,d parameters)", m.parameters()) : ""),
                    regular);
            row("  SHA-256", m.sha256() == null ? "(unknown)" : m.sha256(), mono);
        }
        y -= 6;
    }

    private void overlay(InspectionReport report) throws IOException {
        if (report.overlay() == null) {
            return;
        }
        heading("Overlay: student map with the reviewed findings");
        PDImageXObject image = LosslessFactory.createFromImage(document, report.overlay());
        float width = PAGE.getWidth() - 2 * MARGIN;
        float height = width * image.getHeight() / image.getWidth();
        // At most about 40 % of the page, so the findings table starts on the first page.
        float room = Math.min(y - MARGIN - 40, PAGE.getHeight() * 0.4f);
        if (height > room) {
            if (room < 200) {
                newPage();
                room = y - MARGIN - 40;
            }
            height = Math.min(height, room);
            width = height * image.getWidth() / image.getHeight();
        }
        y -= height;
        out.drawImage(image, MARGIN + (PAGE.getWidth() - 2 * MARGIN - width) / 2, y, width, height);
        y -= 12;
        text(regular, 8, MARGIN, "Boxes: red accepted, amber open, grey dashed rejected; the number is the finding's id.");
        y -= 8;
    }

    private void findings(List<FindingReview> findings) throws IOException {
        long accepted = findings.stream().filter(f -> f.decision() == Decision.ACCEPTED).count();
        long rejected = findings.stream().filter(f -> f.decision() == Decision.REJECTED).count();
        ensureRoom(60);
        heading(String.format(Locale.ROOT, "Findings: %d (%d accepted, %d rejected, %d open)", findings.size(),
                accepted, rejected, findings.size() - accepted - rejected));
        tableRow(HEADINGS, bold);
        for (FindingReview f : findings) {
            String[] cells = {String.valueOf(f.id()), f.origin(), f.decision().label(),
                    f.x() + "," + f.y() + "  " + f.width() + " x " + f.height(),
                    f.added() ? "-" : String.format(Locale.ROOT, "%.2f", f.peak()), f.votesText(),
                    f.added() ? "-" : String.format(Locale.ROOT, "%.2f", f.disagreement()), ""};
            List<String> note = wrap(f.note(), regular, 8, PAGE.getWidth() - 2 * MARGIN - sum(COLUMNS, COLUMNS.length - 1));
            ensureRoom(12 * Math.max(1, note.size()) + 4);
            if (!note.isEmpty()) {
                cells[cells.length - 1] = note.get(0);
            }
            tableRow(cells, regular);
            for (int i = 1; i < note.size(); i++) {
                text(regular, 8, MARGIN + sum(COLUMNS, COLUMNS.length - 1), note.get(i));
                y -= 10;
            }
        }
        if (findings.isEmpty()) {
            text(regular, 9, MARGIN, "No findings at this threshold.");
        }
    }

    private void tableRow(String[] cells, PDType1Font font) throws IOException {
        ensureRoom(14);
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            text(font, 8, x, cells[i]);
            x += i < COLUMNS.length ? COLUMNS[i] : 0;
        }
        y -= 12;
    }

    private void heading(String title) throws IOException {
        ensureRoom(40);
        y -= 6;
        text(bold, 11, MARGIN, title);
        y -= 4;
        out.setStrokingColor(new Color(0xD0D7DE));
        out.moveTo(MARGIN, y);
        out.lineTo(PAGE.getWidth() - MARGIN, y);
        out.stroke();
        y -= 12;
    }

    private void row(String key, String value, PDType1Font valueFont) throws IOException {
        ensureRoom(12);
        text(bold, 8, MARGIN, key);
        float valueX = MARGIN + 110;
        List<String> lines = wrap(value, valueFont, 8, PAGE.getWidth() - MARGIN - valueX);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                y -= 10;
                ensureRoom(12);
            }
            text(valueFont, 8, valueX, lines.get(i));
        }
        y -= 12;
    }

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(Color.BLACK);
        out.newLineAtOffset(x, y);
        out.showText(safe(text));
        out.endText();
    }

    private void ensureRoom(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            footer();
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void footer() throws IOException {
        float keep = y;
        y = MARGIN / 2;
        text(regular, 7, MARGIN, "Tessera inspection report, page " + document.getNumberOfPages());
        y = keep;
    }

    /** Greedy word wrap to a width; long words (hashes) are cut. */
    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        for (String paragraph : safe(text).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float sum(float[] values, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s;
    }

    /** The standard fonts encode WinAnsi only: other characters become '?', line breaks spaces. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                s.append('\n');
            } else if (cp == '\t' || cp == '\r') {
                s.append(' ');
            } else if (cp == 0x2013 || cp == 0x2014) {
                s.append('-');
            } else if (cp == 0x00B7 || cp >= 0x20 && cp < 0x7F || cp >= 0xA0 && cp <= 0xFF) {
                s.appendCodePoint(cp);
            } else {
                s.append('?');
            }
        });
        return s.toString();
    }
}
