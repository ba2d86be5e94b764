package tessera.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The file formats Tessera reads, recognised by their first bytes rather than by file name. */
enum ImageKind {
    JPEG("jpeg"), PNG("png"), BMP("bmp"), GIF("gif"), TIFF("tiff");

    /** Bytes needed to tell the formats apart. */
    static final int SIGNATURE_LENGTH = 8;

    final String formatName;

    ImageKind(String formatName) {
        this.formatName = formatName;
    }

    /** The format whose signature starts {@code head}, or null when none does. */
    static ImageKind sniff(byte[] head, int length) {
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, length, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (starts(head, length, 'B', 'M')) {
            return BMP;
        }
        if (starts(head, length, 'I', 'I', 42, 0) || starts(head, length, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        return null;
    }

    /**
     * False when the file visibly stops early: a JPEG without its end-of-image marker, a PNG
     * without IEND, a GIF without its trailer, a BMP shorter than its header says. TIFF has no
     * trailer, so it always passes here.
     */
    boolean endsWhole(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            return switch (this) {
                case JPEG -> size >= 2 && tail(channel, 2).getShort() == (short) 0xFFD9;
                case PNG -> size >= 8 && tail(channel, 8).getInt() == 0x49454E44; // "IEND" then CRC
                case GIF -> size >= 1 && tail(channel, 1).get() == 0x3B;
                case BMP -> size >= 6 && size >= (read(channel, 2, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL);
                case TIFF -> true;
            };
        } catch (IOException e) {
            return false;
        }
    }

    private static ByteBuffer tail(FileChannel channel, int length) throws IOException {
        return read(channel, channel.size() - length, length);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // keep reading until full or at the end
        }
        return buffer.flip();
    }

    private static boolean starts(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
