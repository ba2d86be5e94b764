package tessera.synth;

import java.util.SplittableRandom;

/** What the camera adds: white balance, vignetting, lens softness and sensor noise. */
final class CameraModel {

    private static final int NOISE_TABLE = 1 << 16;

    private final Canvas canvas;
    private final SplittableRandom random;

    CameraModel(Canvas canvas, SplittableRandom random) {
        this.canvas = canvas;
        this.random = random;
    }

    void expose() {
        int w = canvas.width;
        int h = canvas.height;
        float wr = 1 + (float) (random.nextDouble() * 2 - 1) * 0.04f;
        float wb = 1 + (float) (random.nextDouble() * 2 - 1) * 0.05f;
        float vignette = 0.15f + 0.25f * (float) random.nextDouble();
        float cx = w * (0.4f + 0.2f * (float) random.nextDouble());
        float cy = h * (0.4f + 0.2f * (float) random.nextDouble());
        float norm = 1f / ((float) w * w / 4 + (float) h * h / 4);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) * norm;
                float v = 1 - vignette * d2;
                canvas.r[i] *= v * wr;
                canvas.g[i] *= v;
                canvas.b[i] *= v * wb;
            }
        }
        canvas.soften();
        addNoise();
    }

    /** Shot noise grows with brightness; a table of Gaussians with a cheap index generator keeps it fast. */
    private void addNoise() {
        float[] table = new float[NOISE_TABLE];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) Gaussian.next(random);
        }
        float sigma = 0.008f + 0.014f * (float) random.nextDouble();
        float chroma = sigma * 0.4f;
        int state = random.nextInt() | 1;
        int n = canvas.r.length;
        for (int i = 0; i < n; i++) {
            state ^= state << 13;
            state ^= state >>> 17;
            state ^= state << 5;
            float l = canvas.luminance(i);
            float s = sigma * (0.5f + 0.7f * Math.max(0, Math.min(1, l)));
            float common = table[state & (NOISE_TABLE - 1)] * s;
            float cr = table[(state >>> 8) & (NOISE_TABLE - 1)] * chroma;
            float cb = table[(state >>> 15) & (NOISE_TABLE - 1)] * chroma;
            canvas.r[i] += common + cr;
            canvas.g[i] += common;
            canvas.b[i] += common + cb;
        }
    }
}
