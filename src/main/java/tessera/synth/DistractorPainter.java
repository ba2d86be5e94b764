package tessera.synth;

import java.util.SplittableRandom;
import tessera.synth.SkinLayout.Fastener;
import tessera.synth.SkinLayout.Joint;
import tessera.synth.SkinLayout.Surface;

/**
 * Everything on a real fuselage that is not corrosion but can look like it: grime, airflow
 * streaks behind fasteners, fluid stains, dirt specks, water spots, scratches, paint touch-ups
 * and sealant beads. These make the task hard: a detector must learn the difference.
 */
final class DistractorPainter {

    private final SkinLayout layout;
    private final Canvas canvas;
    private final SplittableRandom random;
    private final float flowX;
    private final float flowY;

    DistractorPainter(SkinLayout layout, Canvas canvas, SplittableRandom random) {
        this.layout = layout;
        this.canvas = canvas;
        this.random = random;
        // Airflow runs aft along the panels: one way or the other along u in this picture.
        float sign = random.nextBoolean() ? 1 : -1;
        this.flowX = sign * layout.cos;
        this.flowY = sign * layout.sin;
    }

    void paint() {
        grime();
        airflowStreaks();
        int stains = random.nextInt(4);
        for (int s = 0; s < stains; s++) {
            fluidStain();
        }
        specks();
        int spots = random.nextInt(25);
        for (int s = 0; s < spots; s++) {
            waterSpot();
        }
        int scratches = random.nextInt(7);
        for (int s = 0; s < scratches; s++) {
            scratch();
        }
        if (layout.surface == Surface.PAINTED) {
            int patches = random.nextInt(3);
            for (int s = 0; s < patches; s++) {
                touchUp();
            }
            int chips = random.nextInt(14);
            for (int s = 0; s < chips; s++) {
                paintChip();
            }
        }
        int beads = random.nextDouble() < 0.5 ? 1 + random.nextInt(2) : 0;
        for (int s = 0; s < beads; s++) {
            sealantBead();
        }
    }

    /** Broad, blotchy grime, heavier in some places than others. */
    private void grime() {
        int w = canvas.width;
        int h = canvas.height;
        float[] field = ValueNoise.fbm(w, h, 160 * layout.scale, 3f, 4, 0.55f, random);
        float amount = 0.03f + 0.12f * (float) random.nextDouble();
        float threshold = (float) random.nextDouble() * 0.5f;
        float[] colour = {0.46f, 0.41f, 0.34f};
        for (int i = 0; i < field.length; i++) {
            float a = (field[i] - threshold) * 1.5f;
            if (a > 0) {
                float alpha = Math.min(1, a) * amount;
                canvas.blend(i, colour[0], colour[1], colour[2], alpha);
                canvas.gloss[i] *= 1 - alpha * 3;
            }
        }
    }

    /** Dark tails of dirt dragged aft from fasteners by the airflow. */
    private void airflowStreaks() {
        double share = 0.1 + 0.4 * random.nextDouble();
        float strength = 0.06f + 0.14f * (float) random.nextDouble();
        for (Fastener f : layout.fasteners) {
            if (random.nextDouble() > share) {
                continue;
            }
            float length = (15 + 60 * (float) random.nextDouble()) * layout.scale;
            float halfWidth = f.radius() * (0.6f + 0.5f * (float) random.nextDouble());
            float alpha0 = strength * (0.5f + (float) random.nextDouble());
            int x0 = (int) Math.floor(Math.min(f.x(), f.x() + flowX * length) - halfWidth - 2);
            int x1 = (int) Math.ceil(Math.max(f.x(), f.x() + flowX * length) + halfWidth + 2);
            int y0 = (int) Math.floor(Math.min(f.y(), f.y() + flowY * length) - halfWidth - 2);
            int y1 = (int) Math.ceil(Math.max(f.y(), f.y() + flowY * length) + halfWidth + 2);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    if (!canvas.inside(x, y)) {
                        continue;
                    }
                    float dx = x + 0.5f - f.x();
                    float dy = y + 0.5f - f.y();
                    float along = dx * flowX + dy * flowY;
                    float across = Math.abs(-dx * flowY + dy * flowX);
                    if (along < f.radius() * 0.5f || along > length) {
                        continue;
                    }
                    float spread = halfWidth * (1 + along / length * 0.6f);
                    float a = alpha0 * (1 - along / length) * LightingPainter.smoothstep(spread, spread * 0.3f, across);
                    int i = y * canvas.width + x;
                    canvas.blend(i, 0.30f, 0.28f, 0.25f, a);
                    canvas.gloss[i] *= 1 - a * 2;
                }
            }
        }
    }

    /** Hydraulic fluid or water run-off: a meandering amber trail running down the picture. */
    private void fluidStain() {
        float x = (float) random.nextDouble() * canvas.width;
        float y = (float) random.nextDouble() * canvas.height * 0.7f;
        float length = (80 + 350 * (float) random.nextDouble()) * layout.scale;
        float width = (5 + 18 * (float) random.nextDouble()) * layout.scale;
        float alpha = 0.12f + 0.25f * (float) random.nextDouble();
        float[] colour = random.nextBoolean() ? new float[] {0.55f, 0.42f, 0.24f} : new float[] {0.36f, 0.33f, 0.30f};
        float drift = (float) (random.nextDouble() - 0.5) * 0.5f;
        float wobblePhase = (float) (random.nextDouble() * 6.3);
        int steps = (int) length;
        for (int s = 0; s < steps; s++) {
            float t = (float) s / steps;
            float cx = x + drift * s + 3 * (float) StrictMath.sin(wobblePhase + s * 0.05f);
            float cy = y + s;
            float half = width * (1 - 0.7f * t) * 0.5f;
            for (int dx = (int) -Math.ceil(half + 1); dx <= Math.ceil(half + 1); dx++) {
                int px = (int) (cx + dx);
                int py = (int) cy;
                if (!canvas.inside(px, py)) {
                    continue;
                }
                float edge = Math.abs(px + 0.5f - cx) / Math.max(half, 0.5f);
                if (edge > 1.2f) {
                    continue;
                }
                // Dried fluid collects at the edges: darker rim, lighter inside.
                float a = alpha * (1 - 0.5f * t) * (0.55f + 0.45f * SkinPainter.gauss(edge - 0.95f, 0.15f))
                        * LightingPainter.smoothstep(1.2f, 0.9f, edge);
                int i = py * canvas.width + px;
                canvas.blend(i, colour[0], colour[1], colour[2], a);
                canvas.gloss[i] *= 1 - a;
            }
        }
    }

    /** Specks of dirt, sometimes gathered in patches that resemble pitting from afar. */
    private void specks() {
        int clusters = random.nextInt(8);
        int total = 60 + random.nextInt(400);
        for (int s = 0; s < total; s++) {
            float x = (float) random.nextDouble() * canvas.width;
            float y = (float) random.nextDouble() * canvas.height;
            speck(x, y);
        }
        for (int c = 0; c < clusters; c++) {
            float cx = (float) random.nextDouble() * canvas.width;
            float cy = (float) random.nextDouble() * canvas.height;
            float radius = (15 + 50 * (float) random.nextDouble()) * layout.scale;
            int n = 10 + random.nextInt(60);
            for (int s = 0; s < n; s++) {
                double angle = random.nextDouble() * Math.PI * 2;
                float r = radius * (float) Math.sqrt(random.nextDouble());
                speck(cx + r * (float) StrictMath.cos(angle), cy + r * (float) StrictMath.sin(angle));
            }
        }
    }

    private void speck(float x, float y) {
        float radius = 0.5f + 1.7f * (float) StrictMath.pow(random.nextDouble(), 2);
        float alpha = 0.25f + 0.6f * (float) random.nextDouble();
        float shade = 0.15f + 0.25f * (float) random.nextDouble();
        disc(x, y, radius, shade, shade * 0.95f, shade * 0.85f, alpha);
    }

    /** Dried water drops: a faint ring of mineral residue. */
    private void waterSpot() {
        float x = (float) random.nextDouble() * canvas.width;
        float y = (float) random.nextDouble() * canvas.height;
        float radius = (3 + 9 * (float) random.nextDouble()) * layout.scale;
        float alpha = 0.08f + 0.15f * (float) random.nextDouble();
        int reach = (int) Math.ceil(radius + 2);
        for (int py = (int) y - reach; py <= (int) y + reach; py++) {
            for (int px = (int) x - reach; px <= (int) x + reach; px++) {
                if (!canvas.inside(px, py)) {
                    continue;
                }
                float d = (float) StrictMath.hypot(px + 0.5f - x, py + 0.5f - y);
                float a = alpha * (SkinPainter.gauss(d - radius, 0.7f) + 0.25f * (d < radius ? 1 : 0));
                canvas.blend(py * canvas.width + px, 0.86f, 0.86f, 0.84f, a);
            }
        }
    }

    /** A scratch: thin, slightly curved, showing bright metal or a dark groove. */
    private void scratch() {
        float x = (float) random.nextDouble() * canvas.width;
        float y = (float) random.nextDouble() * canvas.height;
        double angle = random.nextDouble() * Math.PI * 2;
        float length = (30 + 280 * (float) random.nextDouble()) * layout.scale;
        float bend = (float) (random.nextDouble() - 0.5) * 0.004f;
        boolean bright = random.nextDouble() < 0.6;
        float alpha = 0.25f + 0.45f * (float) random.nextDouble();
        float width = 0.5f + 0.8f * (float) random.nextDouble();
        for (int s = 0; s < length; s++) {
            angle += bend;
            x += (float) StrictMath.cos(angle);
            y += (float) StrictMath.sin(angle);
            float a = alpha * (float) StrictMath.sin(Math.PI * s / length); // fades in and out
            if (bright) {
                disc(x, y, width, 0.85f, 0.86f, 0.88f, a);
            } else {
                disc(x, y, width, 0.25f, 0.25f, 0.26f, a * 0.7f);
            }
        }
    }

    /** A dab of touch-up paint, never quite the original colour and gloss. */
    private void touchUp() {
        float cx = (float) random.nextDouble() * canvas.width;
        float cy = (float) random.nextDouble() * canvas.height;
        float radius = (15 + 50 * (float) random.nextDouble()) * layout.scale;
        int size = (int) Math.ceil(radius * 2.6f);
        SplittableRandom shapeRandom = random.split();
        float[] shape = ValueNoise.fbm(size, size, radius * 0.6f, 1, 2, 0.5f, shapeRandom);
        float tone = 1 + (float) (random.nextDouble() - 0.5) * 0.1f;
        float tint = (float) (random.nextDouble() - 0.5) * 0.03f;
        int x0 = (int) (cx - size / 2f);
        int y0 = (int) (cy - size / 2f);
        for (int ly = 0; ly < size; ly++) {
            for (int lx = 0; lx < size; lx++) {
                int x = x0 + lx;
                int y = y0 + ly;
                if (!canvas.inside(x, y)) {
                    continue;
                }
                float d = (float) StrictMath.hypot(lx - size / 2f, ly - size / 2f) / radius;
                float inside = LightingPainter.smoothstep(1.05f, 0.9f, d + 0.35f * shape[ly * size + lx]);
                if (inside <= 0) {
                    continue;
                }
                int i = y * canvas.width + x;
                canvas.r[i] *= 1 + (tone - 1 + tint) * inside;
                canvas.g[i] *= 1 + (tone - 1) * inside;
                canvas.b[i] *= 1 + (tone - 1 - tint) * inside;
                canvas.gloss[i] *= 1 - 0.4f * inside;
            }
        }
    }

    /**
     * A chip knocked out of the paint: clean bright metal with a sharp, irregular edge and no
     * oxide, a common false alarm for pitting and burst blisters.
     */
    private void paintChip() {
        float cx = (float) random.nextDouble() * canvas.width;
        float cy = (float) random.nextDouble() * canvas.height;
        float radius = (1.5f + 4.5f * (float) random.nextDouble()) * layout.scale * 0.7f;
        float[] harmonics = new float[6];
        for (int k = 0; k < harmonics.length; k++) {
            harmonics[k] = (float) (random.nextDouble() - 0.5) * 0.5f;
        }
        float phase = (float) (random.nextDouble() * Math.PI * 2);
        float metal = 0.68f + 0.12f * (float) random.nextDouble();
        int reach = (int) Math.ceil(radius * 1.6f + 2);
        for (int y = (int) cy - reach; y <= (int) cy + reach; y++) {
            for (int x = (int) cx - reach; x <= (int) cx + reach; x++) {
                if (!canvas.inside(x, y)) {
                    continue;
                }
                float dx = x + 0.5f - cx;
                float dy = y + 0.5f - cy;
                float angle = (float) StrictMath.atan2(dy, dx) + phase;
                float edge = radius;
                for (int k = 0; k < harmonics.length; k++) {
                    edge += radius * harmonics[k] * (float) StrictMath.sin((k + 2) * angle);
                }
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                int i = y * canvas.width + x;
                if (d < edge) {
                    canvas.blend(i, metal, metal, metal * 1.02f, 0.9f);
                } else if (d < edge + 1.2f) {
                    // The paint's cut edge: dark on the side away from the light.
                    float away = Math.max(0, -(dx * layout.lightX + dy * layout.lightY) / Math.max(d, 0.5f));
                    canvas.scale(i, 1 - 0.35f * away);
                }
            }
        }
    }

    /** A bead of sealant along part of a joint: a smooth rounded ridge, grey or tan. */
    private void sealantBead() {
        if (layout.joints.isEmpty()) {
            return;
        }
        Joint joint = layout.joints.get(random.nextInt(layout.joints.size()));
        float length = (100 + 500 * (float) random.nextDouble()) * layout.scale;
        float halfWidth = (2.5f + 2.5f * (float) random.nextDouble()) * layout.scale;
        float[] colour = random.nextBoolean() ? new float[] {0.72f, 0.71f, 0.67f} : new float[] {0.34f, 0.35f, 0.37f};
        float start = (float) random.nextDouble() * Math.max(canvas.width, canvas.height);
        float offset = (joint.lap() ? (joint.outerBefore() ? 1 : -1) * halfWidth * 0.8f : 0);
        for (float t = start; t < start + length; t += 0.5f) {
            float u = joint.alongU() ? t : joint.position() + offset;
            float v = joint.alongU() ? joint.position() + offset : t;
            float x = layout.x(u, v);
            float y = layout.y(u, v);
            for (float a = -halfWidth - 1; a <= halfWidth + 1; a += 0.5f) {
                float px = x + (joint.alongU() ? -layout.sin : layout.cos) * a;
                float py = y + (joint.alongU() ? layout.cos : layout.sin) * a;
                int ix = (int) px;
                int iy = (int) py;
                if (!canvas.inside(ix, iy)) {
                    continue;
                }
                float edge = Math.abs(a) / halfWidth;
                float cover = LightingPainter.smoothstep(1.15f, 0.85f, edge);
                float ridge = 1 + 0.12f * (1 - edge * edge) - 0.2f * SkinPainter.gauss(edge - 1, 0.12f);
                int i = iy * canvas.width + ix;
                canvas.blend(i, colour[0] * ridge, colour[1] * ridge, colour[2] * ridge, cover * 0.5f);
                canvas.gloss[i] = Math.min(canvas.gloss[i], 1 - 0.5f * cover);
            }
        }
    }

    /** A soft-edged disc blended towards a colour. */
    private void disc(float x, float y, float radius, float cr, float cg, float cb, float alpha) {
        int reach = (int) Math.ceil(radius + 1);
        for (int py = (int) y - reach; py <= (int) y + reach; py++) {
            for (int px = (int) x - reach; px <= (int) x + reach; px++) {
                if (!canvas.inside(px, py)) {
                    continue;
                }
                float d = (float) StrictMath.hypot(px + 0.5f - x, py + 0.5f - y);
                float a = alpha * LightingPainter.smoothstep(radius + 0.7f, radius - 0.7f, d);
                if (a > 0) {
                    int i = py * canvas.width + px;
                    canvas.blend(i, cr, cg, cb, a);
                    canvas.gloss[i] *= 1 - a;
                }
            }
        }
    }
}
