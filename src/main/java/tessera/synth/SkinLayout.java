package tessera.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the structure of one photographed stretch of skin lies: panel seams, lap joints,
 * frame rivet lines, an access panel, and every fastener. Panels run along a frame (u, v)
 * turned by a small camera roll against the image axes.
 */
final class SkinLayout {

    enum Surface { PAINTED, BARE }

    enum FastenerType { FLUSH, DOME, SCREW }

    /** A straight joint: {@code alongU} lines have constant v (horizontal), others constant u. */
    record Joint(boolean alongU, float position, boolean lap, boolean outerBefore) {
    }

    record Fastener(float x, float y, float radius, FastenerType type) {
    }

    /** An access panel in (u, v): a rounded rectangle with screws around it. */
    record AccessPanel(float u0, float v0, float u1, float v1, float corner) {
    }

    final int width;
    final int height;
    final Surface surface;
    final float scale;
    final float cos;
    final float sin;
    final List<Joint> joints = new ArrayList<>();
    final List<Fastener> fasteners = new ArrayList<>();
    AccessPanel accessPanel;
    /** Unit light direction in the image plane (towards the light) and its elevation component. */
    final float lightX;
    final float lightY;
    final float lightZ;

    private final FastenerGrid grid;

    SkinLayout(int width, int height, Surface surface, SplittableRandom random) {
        this.width = width;
        this.height = height;
        this.surface = surface;
        this.scale = (float) (1.25 + 0.6 * random.nextDouble()); // a close-up: rivets 10-20 px across
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 2.5);
        this.cos = (float) StrictMath.cos(angle);
        this.sin = (float) StrictMath.sin(angle);
        double light = Math.toRadians(200 + random.nextDouble() * 140); // from the upper half, as hangar lights are
        double elevation = Math.toRadians(35 + random.nextDouble() * 35);
        this.lightX = (float) (StrictMath.cos(light) * StrictMath.cos(elevation));
        this.lightY = (float) (StrictMath.sin(light) * StrictMath.cos(elevation));
        this.lightZ = (float) StrictMath.sin(elevation);
        this.grid = new FastenerGrid(width, height, 32);
        plan(random);
    }

    float u(float x, float y) {
        return x * cos + y * sin;
    }

    float v(float x, float y) {
        return -x * sin + y * cos;
    }

    float x(float u, float v) {
        return u * cos - v * sin;
    }

    float y(float u, float v) {
        return u * sin + v * cos;
    }

    private void plan(SplittableRandom random) {
        float[] uRange = range(true);
        float[] vRange = range(false);
        float pitch = (22 + 8 * (float) random.nextDouble()) * scale;
        float radius = (4.2f + 1.4f * (float) random.nextDouble()) * scale;
        boolean domeRows = random.nextDouble() < 0.25;

        if (random.nextDouble() < 0.35) {
            float pw = (220 + 220 * (float) random.nextDouble()) * scale;
            float ph = (150 + 150 * (float) random.nextDouble()) * scale;
            float cu = uRange[0] + (uRange[1] - uRange[0]) * (0.2f + 0.6f * (float) random.nextDouble());
            float cv = vRange[0] + (vRange[1] - vRange[0]) * (0.2f + 0.6f * (float) random.nextDouble());
            // Planned first, so that rivet rows stop at its edge.
            accessPanel = new AccessPanel(cu - pw / 2, cv - ph / 2, cu + pw / 2, cv + ph / 2, 18 * scale);
            float inset = 12 * scale;
            float step = 30 * scale;
            float sr = radius * 1.15f;
            for (float u = accessPanel.u0() + inset; u <= accessPanel.u1() - inset; u += step) {
                addFastener(x(u, accessPanel.v0() + inset), y(u, accessPanel.v0() + inset), sr, FastenerType.SCREW);
                addFastener(x(u, accessPanel.v1() - inset), y(u, accessPanel.v1() - inset), sr, FastenerType.SCREW);
            }
            for (float v = accessPanel.v0() + inset + step; v <= accessPanel.v1() - inset - step / 2; v += step) {
                addFastener(x(accessPanel.u0() + inset, v), y(accessPanel.u0() + inset, v), sr, FastenerType.SCREW);
                addFastener(x(accessPanel.u1() - inset, v), y(accessPanel.u1() - inset, v), sr, FastenerType.SCREW);
            }
        }

        // Lap joints along the fuselage (constant v), with two or three rows on the outer sheet.
        float lapSpacing = (330 + 170 * (float) random.nextDouble()) * scale;
        for (float v = vRange[0] + (float) random.nextDouble() * lapSpacing; v < vRange[1]; v += lapSpacing) {
            boolean outerBefore = random.nextBoolean();
            joints.add(new Joint(true, v, true, outerBefore));
            int rows = random.nextDouble() < 0.4 ? 3 : 2;
            float side = outerBefore ? -1 : 1;
            for (int row = 0; row < rows; row++) {
                float rv = v + side * (11 + row * 19) * scale;
                rivetRow(true, rv, uRange, pitch, radius, row % 2 * 0.5f, domeRows && row == 0
                        ? FastenerType.DOME : FastenerType.FLUSH, random);
            }
            // A stringer line halfway to the next lap.
            if (random.nextDouble() < 0.6) {
                rivetRow(true, v + lapSpacing / 2, uRange, pitch * 1.2f, radius * 0.95f, 0, FastenerType.FLUSH, random);
            }
        }

        // Frames across the fuselage (constant u): butt seams with double rows, or a single frame row.
        float frameSpacing = (460 + 260 * (float) random.nextDouble()) * scale;
        for (float u = uRange[0] + (float) random.nextDouble() * frameSpacing; u < uRange[1]; u += frameSpacing) {
            if (random.nextDouble() < 0.45) {
                joints.add(new Joint(false, u, false, false));
                float offset = (11 + 3 * (float) random.nextDouble()) * scale;
                rivetRow(false, u - offset, vRange, pitch, radius, 0, FastenerType.FLUSH, random);
                rivetRow(false, u + offset, vRange, pitch, radius, 0.5f, FastenerType.FLUSH, random);
            } else {
                rivetRow(false, u, vRange, pitch, radius, 0, FastenerType.FLUSH, random);
            }
        }

    }

    private void rivetRow(boolean alongU, float position, float[] range, float pitch, float radius, float phase,
                          FastenerType type, SplittableRandom random) {
        float start = range[0] + phase * pitch;
        for (float t = start; t < range[1]; t += pitch) {
            float jitter = (float) (random.nextDouble() - 0.5) * 0.8f;
            float along = t + jitter;
            float across = position + (float) (random.nextDouble() - 0.5) * 0.6f;
            float u = alongU ? along : across;
            float v = alongU ? across : along;
            if (accessPanel != null && u > accessPanel.u0() && u < accessPanel.u1()
                    && v > accessPanel.v0() && v < accessPanel.v1()) {
                continue;
            }
            addFastener(x(u, v), y(u, v), radius * (0.96f + 0.08f * (float) random.nextDouble()), type);
        }
    }

    private void addFastener(float x, float y, float radius, FastenerType type) {
        if (x < -radius || y < -radius || x > width + radius || y > height + radius
                || grid.near(x, y, radius * 2.2f)) {
            return;
        }
        Fastener f = new Fastener(x, y, radius, type);
        fasteners.add(f);
        grid.add(f);
    }

    private float[] range(boolean ofU) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int cx = 0; cx <= 1; cx++) {
            for (int cy = 0; cy <= 1; cy++) {
                float value = ofU ? u(cx * width, cy * height) : v(cx * width, cy * height);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return new float[] {min - 40, max + 40};
    }

    /** Fasteners within {@code distance} of a point, for painters that act around them. */
    List<Fastener> fastenersNear(float x, float y, float distance) {
        List<Fastener> near = new ArrayList<>();
        for (Fastener f : fasteners) {
            if (dist2(f.x(), f.y(), x, y) <= distance * distance) {
                near.add(f);
            }
        }
        return near;
    }

    static float dist2(float ax, float ay, float bx, float by) {
        return sq(ax - bx) + sq(ay - by);
    }

    static float sq(float v) {
        return v * v;
    }

    /** A coarse bucket grid so that overlapping fasteners are found without scanning all of them. */
    private static final class FastenerGrid {
        private final int cell;
        private final int cols;
        private final int rows;
        private final List<List<Fastener>> buckets = new ArrayList<>();

        FastenerGrid(int width, int height, int cell) {
            this.cell = cell;
            this.cols = width / cell + 3;
            this.rows = height / cell + 3;
            for (int i = 0; i < cols * rows; i++) {
                buckets.add(new ArrayList<>());
            }
        }

        private int bucket(float x, float y) {
            int cx = Math.max(0, Math.min(cols - 1, (int) Math.floor(x / cell) + 1));
            int cy = Math.max(0, Math.min(rows - 1, (int) Math.floor(y / cell) + 1));
            return cy * cols + cx;
        }

        void add(Fastener f) {
            buckets.get(bucket(f.x(), f.y())).add(f);
        }

        boolean near(float x, float y, float distance) {
            int reach = (int) Math.ceil(distance / cell);
            int b = bucket(x, y);
            int bx = b % cols;
            int by = b / cols;
            for (int dy = -reach; dy <= reach; dy++) {
                for (int dx = -reach; dx <= reach; dx++) {
                    int cx = bx + dx;
                    int cy = by + dy;
                    if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) {
                        continue;
                    }
                    for (Fastener f : buckets.get(cy * cols + cx)) {
                        if (dist2(f.x(), f.y(), x, y) < distance * distance) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
