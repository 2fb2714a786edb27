package dev.ferret.models.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files that are not regular files, made in a test's own folder (never a real device in {@code /dev}): a named
 * pipe by {@code mkfifo}, a Unix socket by binding one. Shared with the tests of the modules above.
 */
public final class SpecialFiles {
    private SpecialFiles() {}

    /** A named pipe at {@code dir/name}; the test is skipped where {@code mkfifo} is missing. */
    public static Path fifo(Path dir, String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        int rc;
        try {
            rc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            rc = -1;
        }
        assumeTrue(rc == 0 && Files.exists(p), "mkfifo is not available");
        return p;
    }

    /** A Unix domain socket at {@code dir/name}; the file stays after the channel is closed. */
    public static Path socket(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(p));
        }
        return p;
    }
}
