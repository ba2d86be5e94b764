package tessera.synth;

import java.util.List;
import java.util.SplittableRandom;
import tessera.synth.SkinLayout.AccessPanel;
import tessera.synth.SkinLayout.Fastener;
import tessera.synth.SkinLayout.Joint;
import tessera.synth.SkinLayout.Surface;

/** Paints the clean skin: paint or bare aluminium, panel tones, seams, lap joints and fasteners. */
final class SkinPainter {

    /** Exterior paints seen on airliners and their base colours; most are white or grey. */
    private static final float[][] PAINTS = {
            {0.89f, 0.90f, 0.89f}, {0.92f, 0.92f, 0.90f}, {0.86f, 0.87f, 0.88f}, {0.74f, 0.76f, 0.78f},
            {0.64f, 0.66f, 0.68f}, {0.80f, 0.81f, 0.80f}, {0.16f, 0.24f, 0.46f}, {0.55f, 0.60f, 0.64f},
    };
    private static final float[][] STRIPES = {
            {0.12f, 0.20f, 0.42f}, {0.62f, 0.12f, 0.13f}, {0.30f, 0.32f, 0.35f}, {0.10f, 0.45f, 0.55f},
    };

    private final SkinLayout layout;
    private final Canvas canvas;
    private final SplittableRandom random;
    /** Paint thickness over flush fasteners: how much of their outline still shows. */
    private final float rivetVisibility;

    SkinPainter(SkinLayout layout, Canvas canvas, SplittableRandom random) {
        this.layout = layout;
        this.canvas = canvas;
        this.random = random;
        this.rivetVisibility = layout.surface == Surface.PAINTED ? 0.2f + 0.45f * (float) random.nextDouble() : 0.8f;
    }

    void paint() {
        paintSurface();
        for (Fastener f : layout.fasteners) {
            paintFastener(f);
        }
    }

    private void paintSurface() {
        int w = canvas.width;
        int h = canvas.height;
        boolean painted = layout.surface == Surface.PAINTED;
        float[] base = painted ? PAINTS[random.nextInt(PAINTS.length)] : new float[] {0.66f, 0.68f, 0.70f};
        if (!painted) {
            float warm = (float) (random.nextDouble() - 0.5) * 0.04f;
            base = new float[] {base[0] + warm, base[1], base[2] - warm};
        }
        // Stripe of livery across the picture, in the panel frame.
        float stripeV0 = Float.NaN;
        float stripeV1 = Float.NaN;
        float[] stripe = null;
        if (painted && random.nextDouble() < 0.3) {
            stripe = STRIPES[random.nextInt(STRIPES.length)];
            stripeV0 = (float) (random.nextDouble() * h * 0.8);
            stripeV1 = stripeV0 + (float) (60 + random.nextDouble() * 260) * layout.scale;
        }

        List<Joint> uJoints = layout.joints.stream().filter(j -> !j.alongU()).toList();
        List<Joint> vJoints = layout.joints.stream().filter(Joint::alongU).toList();
        float[] panelTone = new float[(uJoints.size() + 1) * (vJoints.size() + 1) + 1];
        float toneSpread = painted ? 0.025f : 0.07f;
        for (int i = 0; i < panelTone.length; i++) {
            panelTone[i] = (float) (random.nextDouble() * 2 - 1) * toneSpread;
        }

        float[] mottle = ValueNoise.fbm(w, h, 240 * layout.scale, 1, 3, 0.5f, random);
        float[] fine;
        float fineAmp;
        float mottleAmp;
        if (painted) {
            fine = ValueNoise.field(w, h, 4.5f, 4.5f, random);      // orange peel of sprayed paint
            fineAmp = 0.008f;
            mottleAmp = 0.018f;
        } else {
            fine = ValueNoise.field(w, h, 320, 1.4f, random);       // rolling and brushing marks
            float[] streak = ValueNoise.field(w, h, 70, 0.8f, random);
            for (int i = 0; i < fine.length; i++) {
                fine[i] = 0.6f * fine[i] + 0.4f * streak[i];
            }
            fineAmp = 0.035f;
            mottleAmp = 0.05f;
        }

        AccessPanel access = layout.accessPanel;
        float seamDark = painted ? 0.38f : 0.5f;
        float lapShadow = 0.22f + 0.2f * (float) random.nextDouble();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float u = layout.u(x + 0.5f, y + 0.5f);
                float v = layout.v(x + 0.5f, y + 0.5f);
                int iu = 0;
                float seamFactor = 1;
                for (Joint j : uJoints) {
                    float d = u - j.position();
                    if (d > 0) {
                        iu++;
                    }
                    float ad = Math.abs(d);
                    if (ad < 4) {
                        seamFactor *= 1 - seamDark * gauss(d, 0.8f) + 0.05f * gauss(d - 1.6f, 0.7f);
                    }
                }
                int iv = 0;
                for (Joint j : vJoints) {
                    float d = v - j.position();
                    if (d > 0) {
                        iv++;
                    }
                    // Signed distance into the inner sheet: the outer sheet's edge casts a shadow there.
                    float inner = j.outerBefore() ? d : -d;
                    if (inner > -3 && inner < 9) {
                        if (inner < 0) {
                            seamFactor *= 1 + 0.07f * gauss(inner + 1.2f, 0.8f);
                        } else {
                            seamFactor *= 1 - lapShadow * (float) StrictMath.exp(-inner / 2.2f) - 0.25f * gauss(inner, 0.7f);
                        }
                    }
                }
                int panel = iv * (uJoints.size() + 1) + iu;
                if (access != null) {
                    float sd = roundedBox(u, v, access);
                    if (sd < 0) {
                        panel = panelTone.length - 1;
                        seamFactor = 1; // the panel covers the skin joints behind it
                    }
                    if (Math.abs(sd) < 4) {
                        seamFactor *= 1 - seamDark * 1.2f * gauss(sd, 0.9f) + 0.05f * gauss(sd + 1.8f, 0.7f);
                    }
                }
                float shade = (1 + panelTone[panel] + mottle[i] * mottleAmp + fine[i] * fineAmp) * seamFactor;
                float cr = base[0];
                float cg = base[1];
                float cb = base[2];
                if (stripe != null && v >= stripeV0 && v < stripeV1) {
                    cr = stripe[0];
                    cg = stripe[1];
                    cb = stripe[2];
                }
                canvas.r[i] = cr * shade;
                canvas.g[i] = cg * shade;
                canvas.b[i] = cb * shade;
            }
        }
    }

    /** Signed distance to the access panel outline (negative inside). */
    static float roundedBox(float u, float v, AccessPanel p) {
        float cu = (p.u0() + p.u1()) / 2;
        float cv = (p.v0() + p.v1()) / 2;
        float hu = (p.u1() - p.u0()) / 2 - p.corner();
        float hv = (p.v1() - p.v0()) / 2 - p.corner();
        float qu = Math.abs(u - cu) - hu;
        float qv = Math.abs(v - cv) - hv;
        float ou = Math.max(qu, 0);
        float ov = Math.max(qv, 0);
        float outside = (float) Math.sqrt(ou * ou + ov * ov);
        return outside + Math.min(Math.max(qu, qv), 0) - p.corner();
    }

    private void paintFastener(Fastener f) {
        float radius = f.radius();
        int reach = (int) Math.ceil(radius + 4);
        int cx = (int) f.x();
        int cy = (int) f.y();
        boolean painted = layout.surface == Surface.PAINTED;
        // Each fastener a little different: head finish and, when bare, a different alloy sheen.
        float headTone = painted ? 1 - 0.02f * (float) random.nextDouble()
                : 0.88f + 0.2f * (float) random.nextDouble();
        float slotAngle = (float) (random.nextDouble() * Math.PI);
        float sa = (float) StrictMath.cos(slotAngle);
        float sb = (float) StrictMath.sin(slotAngle);
        boolean chipped = painted && random.nextDouble() < 0.04; // paint worn off the head: bare metal shows
        float ownVisibility = 0.6f + 0.8f * (float) random.nextDouble();
        for (int y = cy - reach; y <= cy + reach; y++) {
            for (int x = cx - reach; x <= cx + reach; x++) {
                if (!canvas.inside(x, y)) {
                    continue;
                }
                float dx = x + 0.5f - f.x();
                float dy = y + 0.5f - f.y();
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                if (d > radius + 4) {
                    continue;
                }
                int i = y * canvas.width + x;
                float facing = d > 0 ? (dx * layout.lightX + dy * layout.lightY) / d : 0;
                switch (f.type()) {
                    case DOME -> {
                        if (d < radius) {
                            float nx = dx / radius;
                            float ny = dy / radius;
                            float nz = (float) Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
                            float diffuse = nx * layout.lightX + ny * layout.lightY + nz * layout.lightZ;
                            float spec = (float) StrictMath.pow(Math.max(0, 2 * diffuse * nz - layout.lightZ), 18);
                            canvas.scale(i, headTone * (0.55f + 0.55f * Math.max(0, diffuse)));
                            canvas.add(i, 0.35f * spec);
                        } else {
                            // Shadow cast on the side away from the light, and a dark contact line.
                            canvas.scale(i, 1 - 0.35f * Math.max(0, -facing) * gauss(d - radius - 1, 1.3f)
                                    - 0.25f * gauss(d - radius, 0.6f));
                        }
                    }
                    case FLUSH, SCREW -> {
                        float vis = rivetVisibility * ownVisibility;
                        if (d < radius) {
                            canvas.scale(i, chipped ? 0.8f : headTone);
                            if (chipped && d < radius - 1) {
                                canvas.blend(i, 0.72f, 0.73f, 0.75f, 0.85f);
                            }
                            if (!painted) {
                                // Machined head: faint centre dimple and tool ring.
                                canvas.scale(i, 1 - 0.08f * gauss(d, 1.1f) - 0.05f * gauss(d - radius * 0.55f, 0.6f));
                            }
                        }
                        // The countersink edge: a soft groove, darker on the side away from the light.
                        canvas.scale(i, 1 - 0.3f * vis * (0.6f + 0.4f * Math.max(0, -facing)) * gauss(d - radius, 0.9f)
                                + 0.08f * vis * Math.max(0, facing) * gauss(d - radius + 1.5f, 0.8f));
                        if (f.type() == SkinLayout.FastenerType.SCREW && d < radius * 0.8f) {
                            float across = Math.abs(dx * sb - dy * sa);
                            canvas.scale(i, 1 - 0.5f * vis * gauss(across, radius * 0.09f + 0.4f));
                        }
                    }
                }
            }
        }
    }

    /** exp(-t) for t in [0, 16), tabulated: Gaussian profiles are evaluated millions of times per picture. */
    private static final int STEPS_PER_UNIT = 512;
    private static final float[] NEG_EXP = new float[16 * STEPS_PER_UNIT + 1];

    static {
        for (int i = 0; i < NEG_EXP.length; i++) {
            NEG_EXP[i] = (float) StrictMath.exp(-(double) i / STEPS_PER_UNIT);
        }
    }

    static float gauss(float d, float sigma) {
        float t = d * d / (2 * sigma * sigma) * STEPS_PER_UNIT;
        return t >= NEG_EXP.length - 1 ? 0 : NEG_EXP[(int) (t + 0.5f)];
    }
}
