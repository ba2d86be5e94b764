package tessera.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tessera.synth.SkinLayout.Fastener;
import tessera.synth.SkinLayout.Joint;
import tessera.synth.SkinLayout.Surface;

/**
 * Paints corrosion of five kinds at severity 1-3 and records, for each region, exactly which
 * pixels it covers. Regions never share pixels (their planned boxes do not overlap), so every
 * mask pixel belongs to one region.
 */
final class CorrosionPainter {

    /** Gap kept between the planned boxes of two regions. */
    private static final int MARGIN = 4;
    private static final float[] OXIDE = {0.86f, 0.86f, 0.83f};

    private final SkinLayout layout;
    private final Canvas canvas;
    private final SplittableRandom random;
    private final List<int[]> planned = new ArrayList<>();
    private final boolean painted;

    CorrosionPainter(SkinLayout layout, Canvas canvas, SplittableRandom random) {
        this.layout = layout;
        this.canvas = canvas;
        this.random = random;
        this.painted = layout.surface == Surface.PAINTED;
    }

    /** Adds regions until they cover {@code targetFraction} of the picture (or no more fit). */
    List<CorrosionRegion> paint(double targetFraction, byte[] mask) {
        List<CorrosionRegion> regions = new ArrayList<>();
        double target = targetFraction * canvas.width * canvas.height;
        long covered = 0;
        int failures = 0;
        while (covered < target && failures < 40) {
            CorrosionKind kind = pickKind();
            int severity = pickSeverity();
            CorrosionRegion region = switch (kind) {
                case PITTING -> pitting(severity, mask);
                case FILIFORM -> filiform(severity, mask);
                case BLISTERING -> blistering(severity, mask);
                case DEPOSIT -> deposit(severity, mask);
                case EXFOLIATION -> exfoliation(severity, mask);
            };
            if (region == null) {
                failures++;
            } else {
                regions.add(region);
                covered += region.pixelArea();
            }
        }
        return regions;
    }

    private CorrosionKind pickKind() {
        double p = random.nextDouble();
        if (painted) {
            return p < 0.25 ? CorrosionKind.PITTING : p < 0.45 ? CorrosionKind.FILIFORM
                    : p < 0.65 ? CorrosionKind.BLISTERING : p < 0.83 ? CorrosionKind.DEPOSIT : CorrosionKind.EXFOLIATION;
        }
        // Filiform and blisters need paint: bare metal shows pits, oxide and exfoliation.
        return p < 0.4 ? CorrosionKind.PITTING : p < 0.75 ? CorrosionKind.DEPOSIT : CorrosionKind.EXFOLIATION;
    }

    private int pickSeverity() {
        double p = random.nextDouble();
        return p < 0.4 ? 1 : p < 0.75 ? 2 : 3;
    }

    /** Reserves a box if it is inside the picture and clear of every other region; null otherwise. */
    private Footprint reserve(float cx, float cy, float halfW, float halfH) {
        int x0 = (int) Math.floor(cx - halfW);
        int y0 = (int) Math.floor(cy - halfH);
        int x1 = (int) Math.ceil(cx + halfW);
        int y1 = (int) Math.ceil(cy + halfH);
        if (x1 <= 0 || y1 <= 0 || x0 >= canvas.width || y0 >= canvas.height) {
            return null;
        }
        for (int[] box : planned) {
            if (x0 < box[2] + MARGIN && box[0] < x1 + MARGIN && y0 < box[3] + MARGIN && box[1] < y1 + MARGIN) {
                return null;
            }
        }
        planned.add(new int[] {x0, y0, x1, y1});
        return new Footprint(x0, y0, x1, y1, canvas.width, canvas.height);
    }

    private Fastener randomFastener() {
        return layout.fasteners.isEmpty() ? null : layout.fasteners.get(random.nextInt(layout.fasteners.size()));
    }

    /** Somewhere corrosion starts: mostly at fasteners and seams, where moisture collects. */
    private float[] site() {
        Fastener f = randomFastener();
        if (f != null && random.nextDouble() < 0.65) {
            return new float[] {f.x() + (float) Gaussian.next(random) * 12, f.y() + (float) Gaussian.next(random) * 12};
        }
        return new float[] {(float) random.nextDouble() * canvas.width, (float) random.nextDouble() * canvas.height};
    }

    // ---- pitting ----

    private CorrosionRegion pitting(int severity, byte[] mask) {
        float radius = (16 + 16 * severity + 22 * (float) random.nextDouble()) * layout.scale;
        float aspect = 0.6f + 0.8f * (float) random.nextDouble();
        float[] c = site();
        float rx = radius * (float) Math.sqrt(aspect);
        float ry = radius / (float) Math.sqrt(aspect);
        Footprint fp = reserve(c[0], c[1], rx * 1.45f, ry * 1.45f);
        if (fp == null) {
            return null;
        }
        float[] shape = localNoise(fp, radius * 0.5f);
        float[] mottle = ValueNoise.field(Math.max(1, fp.width), Math.max(1, fp.height), 5, 5, random.split());
        float dullness = 0.1f + 0.1f * severity;
        // Paint gone: dull metal; bare: a darkened, brownish-grey bloom of attack.
        float[] patch = painted ? new float[] {0.58f, 0.57f, 0.54f} : new float[] {0.47f, 0.45f, 0.42f};
        for (int ly = 0; ly < fp.height; ly++) {
            for (int lx = 0; lx < fp.width; lx++) {
                int x = fp.x0 + lx;
                int y = fp.y0 + ly;
                int li = ly * fp.width + lx;
                float dx = (x + 0.5f - c[0]) / rx;
                float dy = (y + 0.5f - c[1]) / ry;
                float d = (float) Math.sqrt(dx * dx + dy * dy) + 0.35f * shape[li];
                if (d >= 1) {
                    continue;
                }
                fp.mark(x, y);
                int i = y * canvas.width + x;
                float a = dullness * LightingPainter.smoothstep(1, 0.5f, d) * (0.55f + 0.45f * mottle[li]);
                canvas.blend(i, patch[0], patch[1], patch[2], Math.max(0, a));
                canvas.gloss[i] *= 0.4f;
            }
        }
        // Many pin-point pits, a few larger ones; each with white powder heaped around it.
        int pits = (int) (fp.width * fp.height * (0.003 + 0.004 * severity)) + 4;
        for (int p = 0; p < pits; p++) {
            int x = fp.x0 + random.nextInt(Math.max(1, fp.width));
            int y = fp.y0 + random.nextInt(Math.max(1, fp.height));
            if (!fp.covers(x, y)) {
                continue;
            }
            float r = 0.4f + (float) StrictMath.pow(random.nextDouble(), 3) * (0.6f + 0.6f * severity);
            float px = x + (float) random.nextDouble();
            float py = y + (float) random.nextDouble();
            float powder = (0.1f + 0.08f * severity) * (0.5f + (float) random.nextDouble());
            for (int k = 0; k < 3; k++) {
                float ox = (float) Gaussian.next(random) * r * 1.5f;
                float oy = (float) Gaussian.next(random) * r * 1.5f;
                softDisc(px + ox, py + oy, r * (1.2f + 1.3f * (float) random.nextDouble()), OXIDE[0], OXIDE[1], OXIDE[2],
                        powder);
            }
            fp.markDisc(px, py, r * 4f);
            // An irregular pit: two or three overlapping cavities, dark grey rather than black.
            float core = 0.22f + 0.2f * (float) random.nextDouble();
            int lobes = 1 + random.nextInt(3);
            for (int k = 0; k < lobes; k++) {
                softDisc(px + (float) Gaussian.next(random) * r * 0.6f, py + (float) Gaussian.next(random) * r * 0.6f,
                        r * (0.6f + 0.4f * (float) random.nextDouble()), core, core * 0.97f, core * 0.92f,
                        0.55f + 0.3f * (float) random.nextDouble());
            }
        }
        return fp.commit(CorrosionKind.PITTING, severity, mask, canvas.width);
    }

    // ---- filiform ----

    private CorrosionRegion filiform(int severity, byte[] mask) {
        float[] c = site();
        float maxLength = (40 + 40 * severity + 60 * (float) random.nextDouble()) * layout.scale;
        Footprint fp = reserve(c[0], c[1], maxLength + 10, maxLength + 10);
        if (fp == null) {
            return null;
        }
        int threads = 5 + 4 * severity + random.nextInt(6);
        float width = 0.7f + 0.25f * severity;
        double main = random.nextDouble() * Math.PI * 2;
        float[] tint = {0.58f, 0.55f, 0.50f};
        float strength = 0.35f + 0.2f * severity;
        for (int t = 0; t < threads; t++) {
            // Threads start along a front and grow roughly the same way, meandering.
            double angle = main + Gaussian.next(random) * 0.35;
            float x = c[0] + (float) Gaussian.next(random) * 10;
            float y = c[1] + (float) Gaussian.next(random) * 10;
            float length = maxLength * (0.3f + 0.7f * (float) random.nextDouble());
            double turn = 0;
            for (int s = 0; s < length; s++) {
                turn = 0.8 * turn + Gaussian.next(random) * 0.035; // worm tracks wander, seldom loop
                angle += turn;
                x += (float) StrictMath.cos(angle);
                y += (float) StrictMath.sin(angle);
                if (Math.abs(x - c[0]) > maxLength || Math.abs(y - c[1]) > maxLength) {
                    break;
                }
                // A raised track under the paint: shadowed away from the light, lit towards it.
                softDisc(x - layout.lightX * 0.8f, y - layout.lightY * 0.8f, width, 0.4f, 0.39f, 0.37f, 0.1f * strength);
                softDisc(x, y, width, tint[0], tint[1], tint[2], 0.22f * strength);
                softDisc(x + layout.lightX * 0.7f, y + layout.lightY * 0.7f, width * 0.6f, 0.97f, 0.97f, 0.95f,
                        0.12f * strength);
                fp.markDisc(x, y, width + 1.5f);
            }
            // The active head: a darker knot of corrosion product.
            softDisc(x, y, width * 1.6f, 0.38f, 0.34f, 0.3f, 0.35f + 0.1f * severity);
            fp.markDisc(x, y, width * 1.6f + 1.5f);
        }
        dull(fp);
        return fp.commit(CorrosionKind.FILIFORM, severity, mask, canvas.width);
    }

    // ---- blistering around fasteners ----

    private CorrosionRegion blistering(int severity, byte[] mask) {
        Fastener first = randomFastener();
        if (first == null) {
            return null;
        }
        List<Fastener> group = new ArrayList<>();
        group.add(first);
        int wanted = 1 + severity + random.nextInt(2);
        Fastener last = first;
        while (group.size() < wanted) {
            Fastener next = null;
            float best = Float.MAX_VALUE;
            for (Fastener f : layout.fastenersNear(last.x(), last.y(), last.radius() * 8)) {
                float d = SkinLayout.dist2(f.x(), f.y(), last.x(), last.y());
                if (!group.contains(f) && d < best) {
                    best = d;
                    next = f;
                }
            }
            if (next == null) {
                break;
            }
            group.add(next);
            last = next;
        }
        float outer = first.radius() * (1.9f + 0.5f * severity);
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (Fastener f : group) {
            minX = Math.min(minX, f.x());
            maxX = Math.max(maxX, f.x());
            minY = Math.min(minY, f.y());
            maxY = Math.max(maxY, f.y());
        }
        Footprint fp = reserve((minX + maxX) / 2, (minY + maxY) / 2, (maxX - minX) / 2 + outer + 10,
                (maxY - minY) / 2 + outer + 10);
        if (fp == null) {
            return null;
        }
        for (Fastener f : group) {
            // Stain of corrosion product seeping from under the head.
            softDisc(f.x(), f.y(), outer * 0.85f, 0.55f, 0.5f, 0.43f, 0.05f + 0.05f * severity);
            softDisc(f.x(), f.y(), f.radius() * 1.25f, 0.45f, 0.42f, 0.38f, 0.1f + 0.08f * severity);
            int blisters = 4 + 3 * severity + random.nextInt(4);
            for (int b = 0; b < blisters; b++) {
                double angle = random.nextDouble() * Math.PI * 2;
                float dist = f.radius() * 0.9f + (float) random.nextDouble() * (outer - f.radius() * 1.2f);
                float bx = f.x() + dist * (float) StrictMath.cos(angle);
                float by = f.y() + dist * (float) StrictMath.sin(angle);
                float br = (1.2f + 0.9f * severity + 1.5f * (float) random.nextDouble()) * layout.scale;
                blister(bx, by, br, random.nextDouble() < 0.15 * severity);
                fp.markDisc(bx, by, br * 1.3f);
            }
            fp.markDisc(f.x(), f.y(), outer);
        }
        dull(fp);
        return fp.commit(CorrosionKind.BLISTERING, severity, mask, canvas.width);
    }

    /** A dome of lifted paint, lit on one side; a burst one shows white powder and a dark crater. */
    private void blister(float cx, float cy, float radius, boolean burst) {
        int reach = (int) Math.ceil(radius + 2);
        for (int y = (int) cy - reach; y <= (int) cy + reach; y++) {
            for (int x = (int) cx - reach; x <= (int) cx + reach; x++) {
                if (!canvas.inside(x, y)) {
                    continue;
                }
                float dx = (x + 0.5f - cx) / radius;
                float dy = (y + 0.5f - cy) / radius;
                float d2 = dx * dx + dy * dy;
                int i = y * canvas.width + x;
                if (d2 < 1) {
                    float nz = (float) Math.sqrt(1 - d2);
                    float tilt = 0.6f; // blisters are low domes
                    float diffuse = tilt * (dx * layout.lightX + dy * layout.lightY) + nz * layout.lightZ;
                    canvas.scale(i, 0.9f + 0.2f * diffuse);
                    canvas.gloss[i] *= 0.7f;
                    if (burst && d2 < 0.45f) {
                        canvas.blend(i, OXIDE[0], OXIDE[1], OXIDE[2], 0.7f);
                        if (d2 < 0.12f) {
                            canvas.blend(i, 0.2f, 0.19f, 0.18f, 0.8f);
                        }
                    }
                } else if (d2 < 2.2f) {
                    // The lifted paint casts a small shadow on the side away from the light.
                    float away = Math.max(0, -(dx * layout.lightX + dy * layout.lightY) / (float) Math.sqrt(d2));
                    canvas.scale(i, 1 - 0.12f * away * SkinPainter.gauss((float) Math.sqrt(d2) - 1.1f, 0.3f));
                }
            }
        }
    }

    // ---- white-grey deposits ----

    private CorrosionRegion deposit(int severity, byte[] mask) {
        float radius = (18 + 18 * severity + 35 * (float) random.nextDouble()) * layout.scale;
        float cx;
        float cy;
        float stretchU = 1;
        Joint joint = layout.joints.isEmpty() || random.nextDouble() < 0.4 ? null
                : layout.joints.get(random.nextInt(layout.joints.size()));
        if (joint != null) {
            // Along a seam, where water is trapped: elongated along it.
            float along = (float) random.nextDouble() * Math.max(canvas.width, canvas.height);
            float u = joint.alongU() ? along : joint.position();
            float v = joint.alongU() ? joint.position() : along;
            cx = layout.x(u, v);
            cy = layout.y(u, v);
            stretchU = 1.8f;
        } else {
            float[] c = site();
            cx = c[0];
            cy = c[1];
        }
        boolean wideInX = joint == null || joint.alongU();
        float rx = radius * (wideInX ? stretchU : 1);
        float ry = radius * (wideInX ? 1 : stretchU);
        Footprint fp = reserve(cx, cy, rx * 1.5f, ry * 1.5f);
        if (fp == null) {
            return null;
        }
        float[] shape = localNoise(fp, radius * 0.45f);
        float[] grain = ValueNoise.field(fp.width, fp.height, 1.3f, 1.3f, random.split());
        float[] clumps = ValueNoise.field(fp.width, fp.height, 5f, 5f, random.split());
        float strength = 0.45f + 0.15f * severity;
        for (int ly = 0; ly < fp.height; ly++) {
            for (int lx = 0; lx < fp.width; lx++) {
                int x = fp.x0 + lx;
                int y = fp.y0 + ly;
                int li = ly * fp.width + lx;
                float dx = (x + 0.5f - cx) / rx;
                float dy = (y + 0.5f - cy) / ry;
                float d = (float) Math.sqrt(dx * dx + dy * dy) + 0.45f * shape[li];
                float cover = LightingPainter.smoothstep(1, 0.7f, d) * (0.55f + 0.45f * clumps[li]);
                // A grey-brown seep ring around the crust, then the crust itself.
                float ring = 0.12f * SkinPainter.gauss(d - 0.95f, 0.08f);
                if (cover < 0.08f && ring < 0.02f) {
                    continue;
                }
                fp.mark(x, y);
                int i = y * canvas.width + x;
                canvas.blend(i, 0.5f, 0.47f, 0.42f, ring);
                // Powdery crust: bright crystals and grey grains side by side.
                float crystal = grain[li] > 0.1f ? 0.96f : 0.62f + 0.2f * grain[li];
                float a = Math.min(0.95f, strength * cover);
                canvas.blend(i, crystal, crystal, crystal * 0.97f, a);
                canvas.gloss[i] *= 1 - Math.min(1, a * 2);
            }
        }
        int pits = severity * 3 + random.nextInt(6);
        for (int p = 0; p < pits; p++) {
            int x = fp.x0 + random.nextInt(Math.max(1, fp.width));
            int y = fp.y0 + random.nextInt(Math.max(1, fp.height));
            if (fp.covers(x, y)) {
                softDisc(x + 0.5f, y + 0.5f, 0.6f + 0.5f * severity * (float) random.nextDouble(), 0.25f, 0.24f, 0.22f, 0.7f);
            }
        }
        return fp.commit(CorrosionKind.DEPOSIT, severity, mask, canvas.width);
    }

    // ---- exfoliation at a lap edge ----

    private CorrosionRegion exfoliation(int severity, byte[] mask) {
        List<Joint> laps = layout.joints.stream().filter(Joint::lap).toList();
        if (laps.isEmpty()) {
            return deposit(severity, mask);
        }
        Joint joint = laps.get(random.nextInt(laps.size()));
        float length = (60 + 50 * severity + 120 * (float) random.nextDouble()) * layout.scale;
        float depth = (5 + 5 * severity + 4 * (float) random.nextDouble()) * layout.scale;
        float start = (float) random.nextDouble() * Math.max(canvas.width, canvas.height);
        float side = joint.outerBefore() ? -1 : 1; // the outer sheet, whose edge lifts
        float midU = start + length / 2;
        float midV = joint.position() + side * depth / 2;
        float cx = layout.x(midU, midV);
        float cy = layout.y(midU, midV);
        float reach = length / 2 * Math.abs(layout.cos) + depth + 4;
        float reachY = length / 2 * Math.abs(layout.sin) + depth + 4;
        Footprint fp = reserve(cx, cy, reach, reachY);
        if (fp == null) {
            return null;
        }
        float[] jag = ValueNoise.field((int) length + 2, 1, 9 * layout.scale, 1, random.split());
        float[] fine = ValueNoise.field((int) length + 2, 1, 2.5f, 1, random.split());
        float stripe = 2.2f + (float) random.nextDouble();
        float alpha = 0.5f + 0.12f * severity;
        int x0 = fp.x0;
        int y0 = fp.y0;
        int boxW = fp.width;
        int boxH = fp.height;
        for (int ly = 0; ly < boxH; ly++) {
            for (int lx = 0; lx < boxW; lx++) {
                exfoliatePixel(fp, x0 + lx, y0 + ly, start, length, joint.position(), side, depth, jag, fine,
                        stripe, alpha);
            }
        }
        return fp.commit(CorrosionKind.EXFOLIATION, severity, mask, canvas.width);
    }

    private void exfoliatePixel(Footprint fp, int x, int y, float start, float length, float edge, float side,
                                float depth, float[] jag, float[] fine, float stripe, float alpha) {
        float u = layout.u(x + 0.5f, y + 0.5f) - start;
        float into = (layout.v(x + 0.5f, y + 0.5f) - edge) * side;
        if (!(u >= 0 && u < length && into >= 0)) {
            return;
        }
        int t = Math.max(0, Math.min(jag.length - 1, (int) u));
        float taper = (float) StrictMath.sin(Math.PI * u / length);
        float limit = depth * (0.35f + 0.65f * taper) * (0.75f + 0.35f * jag[t] + 0.1f * fine[t]);
        if (into <= limit) {
            fp.mark(x, y);
            flake(y * canvas.width + x, into, limit, stripe, fine[t], alpha);
        }
    }

    /** Layers lifting parallel to the edge: light flakes and dark gaps between them. */
    private void flake(int i, float into, float limit, float stripe, float fine, float alpha) {
        float layer = (float) StrictMath.sin(into / stripe * Math.PI * 2 + 2 * fine);
        float lift = 1 - into / Math.max(limit, 1);
        if (layer > 0.2f) {
            float g = 0.62f + 0.2f * lift + 0.08f * fine;
            canvas.blend(i, g, g, g * 0.97f, alpha);
        } else {
            canvas.blend(i, 0.22f, 0.21f, 0.2f, alpha - 0.15f);
        }
        if (fine > 0.55f) {
            canvas.blend(i, OXIDE[0], OXIDE[1], OXIDE[2], 0.4f);
        }
        canvas.gloss[i] = 0.1f;
    }

    // ---- helpers ----

    private float[] localNoise(Footprint fp, float period) {
        return ValueNoise.fbm(Math.max(1, fp.width), Math.max(1, fp.height), Math.max(2, period), 1, 3, 0.5f,
                random.split());
    }

    /** Corroded surfaces lose their gloss. */
    private void dull(Footprint fp) {
        for (int y = fp.y0; y < fp.y0 + fp.height; y++) {
            for (int x = fp.x0; x < fp.x0 + fp.width; x++) {
                if (fp.covers(x, y)) {
                    canvas.gloss[y * canvas.width + x] *= 0.5f;
                }
            }
        }
    }

    private void softDisc(float cx, float cy, float radius, float cr, float cg, float cb, float alpha) {
        int reach = (int) Math.ceil(radius + 1);
        for (int y = (int) cy - reach; y <= (int) cy + reach; y++) {
            for (int x = (int) cx - reach; x <= (int) cx + reach; x++) {
                if (!canvas.inside(x, y)) {
                    continue;
                }
                float dx = x + 0.5f - cx;
                float dy = y + 0.5f - cy;
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                float a = alpha * LightingPainter.smoothstep(radius + 0.6f, radius - 0.6f, d);
                if (a > 0) {
                    canvas.blend(y * canvas.width + x, cr, cg, cb, a);
                }
            }
        }
    }
}
