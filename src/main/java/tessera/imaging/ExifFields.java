package tessera.imaging;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;

/** The EXIF fields an inspector cares about: orientation, camera, time and place. */
record ExifFields(int orientation, String camera, String dateTime, Double latitude, Double longitude) {

    static final ExifFields NONE = new ExifFields(1, null, null, null, null);

    /** Reads the fields from EXIF or TIFF tags; a field that is missing or unreadable stays absent. */
    static ExifFields of(TiffImageMetadata exif) {
        if (exif == null) {
            return NONE;
        }
        int orientation = 1;
        Integer value = intField(exif, TiffTagConstants.TIFF_TAG_ORIENTATION);
        if (value != null && value >= 1 && value <= 8) {
            orientation = value;
        }
        String make = text(exif, TiffTagConstants.TIFF_TAG_MAKE);
        String model = text(exif, TiffTagConstants.TIFF_TAG_MODEL);
        String camera;
        if (make == null || model != null && model.startsWith(make)) {
            camera = model; // many makers repeat the make in the model name
        } else {
            camera = model == null ? make : make + " " + model;
        }
        String dateTime = text(exif, ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
        if (dateTime == null) {
            dateTime = text(exif, TiffTagConstants.TIFF_TAG_DATE_TIME);
        }
        Double latitude = null;
        Double longitude = null;
        try {
            TiffImageMetadata.GpsInfo gps = exif.getGpsInfo();
            if (gps != null) {
                latitude = finite(gps.getLatitudeAsDegreesNorth());
                longitude = finite(gps.getLongitudeAsDegreesEast());
            }
        } catch (ImagingException | RuntimeException e) {
            // Incomplete GPS block: no position rather than a refused image.
        }
        return new ExifFields(orientation, camera, dateTime, latitude, longitude);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Integer intField(TiffImageMetadata exif, TagInfo tag) {
        try {
            TiffField field = exif.findField(tag);
            return field == null ? null : field.getIntValue();
        } catch (ImagingException | RuntimeException e) {
            return null;
        }
    }

    private static String text(TiffImageMetadata exif, TagInfo tag) {
        try {
            TiffField field = exif.findField(tag);
            if (field == null) {
                return null;
            }
            String s = field.getStringValue().replace('\0', ' ').trim();
            return s.isEmpty() ? null : s;
        } catch (ImagingException | RuntimeException e) {
            return null;
        }
    }
}
