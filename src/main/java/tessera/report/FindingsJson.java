package tessera.report;

import tessera.util.Json;

import java.util.ArrayList;
import java.util.List;

/** The reviewed findings with the traceability block as JSON. */
public final class FindingsJson {

    /** What the file holds. */
    static final class Content {
        int formatVersion = 1;
        String imageFile;
        String imageSha256;
        String imageMetadata;
        List<ModelRef> models;
        String fusionMethod;
        String findingsFrom;
        double threshold;
        String date;
        String inspector;
        String aircraftRegistration;
        String zone;
        long ensembleMillis;
        long studentMillis;
        List<Row> findings = new ArrayList<>();
    }

    /** One finding; the model's scores are absent for an added one. */
    record Row(int id, String origin, String decision, int x, int y, int width, int height, Double peak, Double mean,
               Integer votes, Integer teachers, Double disagreement, String note) {
    }

    private FindingsJson() {
    }

    public static String format(InspectionReport report) {
        Traceability t = report.trace();
        Content c = new Content();
        c.imageFile = t.imageFile();
        c.imageSha256 = t.imageSha256();
        c.imageMetadata = t.metadataText();
        c.models = t.models();
        c.fusionMethod = t.fusionMethod();
        c.findingsFrom = t.findingsFrom();
        c.threshold = t.threshold();
        c.date = t.date();
        c.inspector = t.inspector();
        c.aircraftRegistration = t.registration();
        c.zone = t.zone();
        c.ensembleMillis = report.ensembleMillis();
        c.studentMillis = report.studentMillis();
        for (FindingReview f : report.findings()) {
            boolean a = f.added();
            c.findings.add(new Row(f.id(), f.origin(), f.decision().label(), f.x(), f.y(), f.width(), f.height(),
                    a ? null : f.peak(), a ? null : f.mean(), a ? null : f.votes(), a ? null : f.teachers(),
                    a ? null : f.disagreement(), f.note()));
        }
        return Json.toJson(c) + "\n";
    }
}
