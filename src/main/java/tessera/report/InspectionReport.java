package tessera.report;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The content of one image's report: traceability, the reviewed findings, the overlay picture and
 * the cost of the two ways of making the map.
 *
 * @param overlay        the photograph with the map and the finding boxes (see {@link MapImages#overlay})
 * @param ensembleMillis wall time of all teachers on this image
 * @param studentMillis  wall time of the student on this image
 */
public record InspectionReport(Traceability trace, List<FindingReview> findings, BufferedImage overlay,
                               long ensembleMillis, long studentMillis) {

    public InspectionReport {
        findings = List.copyOf(findings);
    }
}
