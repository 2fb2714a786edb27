package dev.ferret.models.tokenizer;

/**
 * GPT-2's reversible byte-to-character map, which byte-level BPE vocabularies (GPT-2, Qwen, Llama 3) use so that
 * every token is printable text: bytes that are visible Latin-1 characters stand for themselves and the other 68
 * (controls, space, DEL, NBSP, soft hyphen...) are shifted to U+0100 onwards in byte order. Space becomes
 * {@code Ġ} (U+0120) and newline {@code Ċ} (U+010A), which is why merges in a GGUF file look like "Ġ t".
 */
final class ByteLevel {
    private static final char[] TO_CHAR = new char[256];
    private static final int[] TO_BYTE = new int[512];

    static {
        java.util.Arrays.fill(TO_BYTE, -1);
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean visible = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = (char) (visible ? b : 256 + shifted++);
            TO_CHAR[b] = c;
            TO_BYTE[c] = b;
        }
    }

    private ByteLevel() {
    }

    /** The character standing for byte {@code b} (0..255). */
    static char charOf(int b) {
        return TO_CHAR[b & 0xFF];
    }

    /** The bytes {@code bytes[from..to)} as byte-level text. */
    static String encode(byte[] bytes, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /** The byte a byte-level character stands for, or -1 if {@code c} is not one. */
    static int byteOf(char c) {
        return c < TO_BYTE.length ? TO_BYTE[c] : -1;
    }
}
