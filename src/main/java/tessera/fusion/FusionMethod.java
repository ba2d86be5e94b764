package tessera.fusion;

import tessera.util.TesseraException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The decision-fusion rules of formats.md ("Decision-fusion methods"). The ids are part of the
 * command-line and file contract, so they never change; {@link Fusion} holds the arithmetic.
 */
public enum FusionMethod {
    MEAN("mean", false, Kind.PROBABILITY, "soft voting: mean over members of P"),
    WEIGHTED_MEAN("weighted-mean", true, Kind.PROBABILITY, "sum of w[t]*P over sum of w"),
    PRODUCT("product", false, Kind.PROBABILITY, "product over members of max(P, 1e-12), in log space"),
    MAX("max", false, Kind.PROBABILITY, "largest P over members"),
    MIN("min", false, Kind.PROBABILITY, "smallest P over members"),
    MEDIAN("median", false, Kind.PROBABILITY, "median P over members (mean of the middle two for even T)"),
    PLURALITY("plurality", false, Kind.VOTE, "hard voting: share of members whose top class it is"),
    WEIGHTED_VOTE("weighted-vote", true, Kind.VOTE, "sum of w[t] over members whose top class it is, over sum of w"),
    BORDA("borda", false, Kind.RANKED, "sum over members of C-1-rank"),
    DOWDALL("dowdall", false, Kind.RANKED, "sum over members of 1/(rank+1)"),
    COPELAND("copeland", false, Kind.RANKED, "pairwise wins - losses + C-1"),
    SIMPSON("simpson", false, Kind.RANKED, "minimax: T - largest pairwise defeat"),
    BALDWIN("baldwin", false, Kind.ITERATIVE, "drop the lowest Borda score one at a time, re-ranking"),
    NANSON("nanson", false, Kind.ITERATIVE, "drop every class below the mean Borda score, re-ranking"),
    BUCKLIN("bucklin", false, Kind.ITERATIVE, "add lower preferences round by round until a majority"),
    STV("stv", false, Kind.ITERATIVE, "instant runoff: drop the fewest first preferences, transfer votes");

    /** How a rule reads the members' outputs; only informative (help texts, documentation). */
    public enum Kind { PROBABILITY, VOTE, RANKED, ITERATIVE }

    private final String id;
    private final boolean usesWeights;
    private final Kind kind;
    private final String description;

    FusionMethod(String id, boolean usesWeights, Kind kind, String description) {
        this.id = id;
        this.usesWeights = usesWeights;
        this.kind = kind;
        this.description = description;
    }

    /** The id used on the command line, in ensemble.json and as the output file name. */
    public String id() {
        return id;
    }

    /** Whether member weights change the result; every other rule counts each member once. */
    public boolean usesWeights() {
        return usesWeights;
    }

    public Kind kind() {
        return kind;
    }

    /** One line for help texts and tables. */
    public String description() {
        return description;
    }

    /** All ids, comma separated, in declaration order: the list shown when an id is wrong. */
    public static String validIds() {
        return Arrays.stream(values()).map(FusionMethod::id).collect(Collectors.joining(", "));
    }

    /**
     * The method with this id (case-insensitive, surrounding blanks ignored).
     *
     * @throws TesseraException naming the bad id and listing the valid ones
     */
    public static FusionMethod parse(String id) {
        if (id != null) {
            String wanted = id.strip();
            for (FusionMethod m : values()) {
                if (m.id.equalsIgnoreCase(wanted)) {
                    return m;
                }
            }
        }
        throw new TesseraException("unknown fusion method '" + id + "'; valid methods: " + validIds());
    }

    @Override
    public String toString() {
        return id;
    }
}
