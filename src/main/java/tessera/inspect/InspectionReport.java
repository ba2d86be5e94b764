package tessera.inspect;

import java.util.List;
import java.util.Map;

/**
 * The {@code <name>.json} of an inspection (formats.md, "Inspection outputs"), as plain fields so
 * Gson writes it as documented. Tile arrays are row-major over the grid (tile = row * cols + col).
 */
public final class InspectionReport {

    public static final int FORMAT_VERSION = 1;

    public int formatVersion = FORMAT_VERSION;
    public String tesseraVersion;
    public String createdAt;
    public ImageInfo image;
    public Grid grid;
    public List<String> classNames;
    public List<String> positiveClasses;
    /** "tiled" or "fully-convolutional". */
    public String method;
    public String fusionMethod;
    public Thresholds thresholds;
    public Models models;
    public Tiles tiles;
    /** Findings of the student's map. */
    public List<Finding> findings;
    /** Findings of the fused ensemble map, for comparison. */
    public List<Finding> ensembleFindings;
    public Timings timings;
    /** Output file names by map: student, ensemble, teacher-1.., overlay, votes, disagreement. */
    public Map<String, String> maps;
    public int mapWidth;
    public int mapHeight;
    public String colorMap;

    public static final class ImageInfo {
        public String file;
        public String sha256;
        public int width;
        public int height;
        public String format;
        public Integer bitsPerSample;
        public String camera;
        public String dateTime;
        public Double latitude;
        public Double longitude;
        public Double mmPerPixel;
    }

    public static final class Grid {
        public int tileSize;
        public int stride;
        public int cols;
        public int rows;
        /** Tile origins in image pixels. */
        public int[] xs;
        public int[] ys;
        public double scale;
        public int modelInput;
    }

    public static final class Thresholds {
        public double student;
        public double ensemble;
        public String source;
    }

    public static final class Model {
        public String name;
        public String sha256;
        public Integer heads;
        public String headFusion;
    }

    public static final class Models {
        public Model student;
        public List<Model> teachers;
        public String ensembleFolder;
        public String studentFolder;
    }

    public static final class Tiles {
        public float[] student;
        public float[] ensemble;
        public int[] votes;
        public float[] disagreement;
        public float[][] teachers;
        public float[][] studentHeads;
    }

    public static final class Timings {
        public long ensembleMillis;
        public long studentMillis;
        public long prepareMillis;
        public int tiles;
        /** Ensemble time over student time. */
        public double ratio;
    }
}
