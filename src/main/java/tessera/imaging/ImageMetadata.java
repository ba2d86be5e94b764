package tessera.imaging;

/**
 * What an image file's header says about it, read without decoding the pixels.
 *
 * @param format        "jpeg", "png", "bmp", "gif" or "tiff"
 * @param width         stored width in pixels (before EXIF orientation is applied)
 * @param height        stored height in pixels (before EXIF orientation is applied)
 * @param bitsPerSample bits of one channel sample (8 or 16 for TIFF, 1-16 elsewhere)
 * @param orientation   EXIF orientation 1-8 (1 when the file has none)
 * @param camera        "Make Model" from EXIF, or null
 * @param dateTime      EXIF DateTimeOriginal (else DateTime) as written, "yyyy:MM:dd HH:mm:ss", or null
 * @param latitude      GPS latitude in degrees north, or null
 * @param longitude     GPS longitude in degrees east, or null
 */
public record ImageMetadata(String format, int width, int height, int bitsPerSample, int orientation,
                            String camera, String dateTime, Double latitude, Double longitude) {

    public long pixels() {
        return (long) width * height;
    }

    /** True when the orientation swaps width and height (EXIF 5-8: the picture was taken on its side). */
    public boolean transposed() {
        return orientation >= 5 && orientation <= 8;
    }

    /** Width of the picture as displayed, after the orientation is applied. */
    public int displayWidth() {
        return transposed() ? height : width;
    }

    /** Height of the picture as displayed, after the orientation is applied. */
    public int displayHeight() {
        return transposed() ? width : height;
    }
}
