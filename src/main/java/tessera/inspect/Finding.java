package tessera.inspect;

/**
 * One connected region of the map at or above the threshold.
 *
 * @param id            1-based, in order of decreasing peak score
 * @param x             bounding box in image pixels
 * @param areaPixels    pixels of the region (not of its box)
 * @param areaMm2       area in mm² when the ground sampling distance is known, else null
 * @param peak          highest overlap-averaged score in the region
 * @param mean          area-weighted mean score over the region
 * @param teacherVotes  how many teachers reach their threshold somewhere in the region
 * @param teachers      how many teachers there are
 * @param disagreement  area-weighted mean of the teachers' spread over the region
 */
public record Finding(int id, int x, int y, int width, int height, long areaPixels, Double areaMm2, double peak,
                      double mean, int teacherVotes, int teachers, double disagreement) {
}
