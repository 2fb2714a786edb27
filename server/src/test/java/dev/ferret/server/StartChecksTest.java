package dev.ferret.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.models.io.SpecialFiles;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link FerretServer#start} refuses before serving, naming it: a host that does not resolve, a port that is
 * taken, a slot folder whose path is a file or a pipe; a missing slot folder is created.
 */
class StartChecksTest {
    @Test
    void aHostThatDoesNotResolveIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FerretServer.start(TestServers.options(1).withHost("256.1.1.1")));
        assertTrue(e.getMessage().startsWith("host '256.1.1.1' is neither an IP address nor a name that resolves to one"), e.getMessage());
    }

    @Test
    void aTakenPortIsNamedWithItsHost() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(ServerOptions.LOOPBACK))) {
            BindException e = assertThrows(BindException.class,
                    () -> FerretServer.start(TestServers.options(1).withPort(taken.getLocalPort())));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("another process listens there"), e.getMessage());
        }
    }

    @Test
    void aSlotFolderThatIsNotADirectoryIsRefusedBeforeBinding(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("slots"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FerretServer.start(TestServers.options(1).withSlotDir(file)));
        assertEquals("the slot folder " + file + ": is a regular file, not a directory", e.getMessage());
        Path fifo = SpecialFiles.fifo(dir, "pipe");
        e = assertThrows(IllegalArgumentException.class, () -> FerretServer.start(TestServers.options(1).withSlotDir(fifo)));
        assertEquals("the slot folder " + fifo + ": is a named pipe (FIFO), not a directory", e.getMessage());
    }

    @Test
    void aMissingSlotFolderIsCreatedAtStart(@TempDir Path dir) throws Exception {
        Path slots = dir.resolve("state/slots");
        assertFalse(Files.exists(slots));
        try (FerretServer s = FerretServer.start(TestServers.options(1).withSlotDir(slots))) {
            assertTrue(Files.isDirectory(slots), "created before the first save");
        }
    }
}
