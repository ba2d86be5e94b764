package tessera.synth;

import java.util.Locale;

/** The forms of corrosion an inspector looks for on fuselage skin. */
public enum CorrosionKind {
    /** Clusters of small dark pits ringed by white oxide. */
    PITTING,
    /** Worm-like threads growing under the paint from a seam or fastener. */
    FILIFORM,
    /** Paint blistered and lifted around fasteners, some blisters burst. */
    BLISTERING,
    /** White-grey powdery corrosion product on the surface. */
    DEPOSIT,
    /** Layered, flaking metal lifting along a panel edge. */
    EXFOLIATION;

    /** The name written in region files: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
