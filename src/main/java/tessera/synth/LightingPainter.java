package tessera.synth;

import java.util.SplittableRandom;
import tessera.synth.SkinLayout.Surface;

/**
 * Light on a curved fuselage under hangar lamps: uneven illumination, the curvature's falloff,
 * specular highlights on glossy paint (or reflections in bare metal), and soft cast shadows.
 */
final class LightingPainter {

    private final SkinLayout layout;
    private final Canvas canvas;
    private final SplittableRandom random;

    LightingPainter(SkinLayout layout, Canvas canvas, SplittableRandom random) {
        this.layout = layout;
        this.canvas = canvas;
        this.random = random;
    }

    void paint() {
        int w = canvas.width;
        int h = canvas.height;
        boolean bare = layout.surface == Surface.BARE;
        float exposure = 0.9f + 0.2f * (float) random.nextDouble();
        float gx = (float) (random.nextDouble() * 2 - 1) * 0.22f;
        float gy = (float) (random.nextDouble() * 2 - 1) * 0.22f;
        float curvature = 0.1f + 0.3f * (float) random.nextDouble();
        float crest = (float) random.nextDouble();
        float[] uneven = ValueNoise.fbm(w, h, Math.max(w, h) * 0.5f, 1, 2, 0.5f, random);

        // Specular band: a lamp mirrored by the glossy curve, running along the fuselage.
        float bandCentre = (float) (random.nextDouble() * 1.3 - 0.15) * h;
        float bandWidth = (float) (30 + random.nextDouble() * 140) * layout.scale;
        float bandStrength = bare ? 0.25f + 0.25f * (float) random.nextDouble() : 0.05f + 0.3f * (float) random.nextDouble();
        float[] reflections = bare ? ValueNoise.fbm(w, h, 480 * layout.scale, 5, 2, 0.45f, random) : null;
        float[] bandWobble = ValueNoise.field(w, 1, 400, 1, random);

        float[] shadow = shadows(w, h);
        for (int y = 0; y < h; y++) {
            float ny = (float) y / h - 0.5f;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float nx = (float) x / w - 0.5f;
                float v = layout.v(x, y) / h;
                float fall = 1 - curvature * (v - crest) * (v - crest);
                float light = exposure * (0.95f + gx * nx + gy * ny + 0.06f * uneven[i]) * fall;
                if (reflections != null) {
                    light *= 1 + 0.16f * reflections[i];
                }
                float inShadow = shadow == null ? 0 : shadow[i];
                light *= 1 - inShadow;
                float dv = layout.v(x, y) - bandCentre - 25 * bandWobble[x];
                float spec = bandStrength * SkinPainter.gauss(dv, bandWidth) * canvas.gloss[i] * (1 - inShadow);
                canvas.r[i] = canvas.r[i] * light + spec;
                canvas.g[i] = canvas.g[i] * light + spec;
                canvas.b[i] = canvas.b[i] * light + spec * 1.02f;
            }
        }
    }

    /** Soft shadows of stands, hoses and people; null when the picture has none. */
    private float[] shadows(int w, int h) {
        int count = random.nextDouble() < 0.45 ? 1 + random.nextInt(2) : 0;
        if (count == 0) {
            return null;
        }
        float[] shadow = new float[w * h];
        for (int s = 0; s < count; s++) {
            // Hangar light is broad: shadows are soft-edged and never black.
            float depth = 0.15f + 0.25f * (float) random.nextDouble();
            float softness = (40 + 100 * (float) random.nextDouble()) * layout.scale;
            float cx = (float) random.nextDouble() * w;
            float cy = (float) random.nextDouble() * h;
            float angle = (float) (random.nextDouble() * Math.PI);
            float ca = (float) StrictMath.cos(angle);
            float sa = (float) StrictMath.sin(angle);
            boolean bar = random.nextBoolean(); // a long bar (hose, rail) or a broad blob (person, stand)
            float halfLength = bar ? Math.max(w, h) : (float) (150 + random.nextDouble() * 400);
            float halfWidth = bar ? (float) (15 + random.nextDouble() * 60) : (float) (100 + random.nextDouble() * 300);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float dx = x - cx;
                    float dy = y - cy;
                    float a = Math.abs(dx * ca + dy * sa) - halfLength;
                    float b = Math.abs(-dx * sa + dy * ca) - halfWidth;
                    float ox = Math.max(a, 0);
                    float oy = Math.max(b, 0);
                    float outside = (float) Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(a, b), 0);
                    float cover = smoothstep(softness, -softness, outside) * depth;
                    int i = y * w + x;
                    shadow[i] = 1 - (1 - shadow[i]) * (1 - cover);
                }
            }
        }
        return shadow;
    }

    static float smoothstep(float edge0, float edge1, float x) {
        float t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }
}
