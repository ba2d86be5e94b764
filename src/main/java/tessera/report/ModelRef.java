package tessera.report;

/**
 * A model that produced the maps, as the report records it.
 *
 * @param role       "teacher 1", "student", ...
 * @param name       the bundle's name
 * @param sha256     SHA-256 of its parameters
 * @param parameters its parameter count (0 when unknown)
 */
public record ModelRef(String role, String name, String sha256, long parameters) {
}
