package tessera.report;

import tessera.imaging.ImageMetadata;

import java.util.List;

/**
 * What a report must say about where its findings came from: the image (name, SHA-256, header),
 * the models (names and SHA-256), the fusion method and threshold, and who inspected which aircraft.
 *
 * @param imageFile    the image's file name
 * @param imageSha256  SHA-256 of the image file's bytes
 * @param metadata     its header (format, size, camera, date, GPS); may be null
 * @param models       every teacher and the student
 * @param fusionMethod how the teachers' maps were fused
 * @param findingsFrom which map the findings were cut from: "student" or "ensemble"
 * @param threshold    the detection threshold of the findings
 * @param date         when the report was made (ISO-8601)
 * @param inspector    the inspector's name
 * @param registration the aircraft registration
 * @param zone         the inspected zone of the airframe
 */
public record Traceability(String imageFile, String imageSha256, ImageMetadata metadata, List<ModelRef> models,
                           String fusionMethod, String findingsFrom, double threshold, String date, String inspector, String registration,
                           String zone) {

    public Traceability {
        models = List.copyOf(models);
        inspector = inspector == null ? "" : inspector.strip();
        registration = registration == null ? "" : registration.strip();
        zone = zone == null ? "" : zone.strip();
    }

    /** "jpeg 4000x3000, 8 bit, Canon EOS R5, 2026:03:01 10:12:00, GPS 48.1, 11.5". */
    public String metadataText() {
        if (metadata == null) {
            return "unknown";
        }
        StringBuilder s = new StringBuilder();
        s.append(metadata.format()).append(' ').append(metadata.displayWidth()).append('x').append(metadata.displayHeight())
                .append(", ").append(metadata.bitsPerSample()).append(" bit");
        if (metadata.orientation() != 1) {
            s.append(", EXIF orientation ").append(metadata.orientation());
        }
        if (metadata.camera() != null) {
            s.append(", ").append(metadata.camera());
        }
        if (metadata.dateTime() != null) {
            s.append(", taken ").append(metadata.dateTime());
        }
        if (metadata.latitude() != null && metadata.longitude() != null) {
            s.append(String.format(java.util.Locale.ROOT, ", GPS %.5f, %.5f", metadata.latitude(), metadata.longitude()));
        }
        return s.toString();
    }
}
