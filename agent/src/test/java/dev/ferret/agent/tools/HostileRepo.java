package dev.ferret.agent.tools;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A repository built to hurt the tools, in a temporary folder: symbolic-link loops and links leading out, named
 * pipes and device files (where the system lets us make them), a 1 GiB sparse file, a 20 MiB file of one line,
 * binary files, invalid UTF-8, lines on which a backtracking regex runs away, and 100,000 small files. Next to it,
 * outside the root, a folder with a secret that no tool may ever show.
 */
public final class HostileRepo implements AutoCloseable {
    public static final String SECRET = "HOSTILE-SECRET-7731";
    /** How many small files {@code many/} holds. */
    public static final int MANY = 100_000;
    /** Size of the sparse files. */
    public static final long HUGE = 1L << 30;
    /** Length of the one line of {@code long_line.txt} and {@code long_line.py}. */
    public static final int LONG_LINE = 20 << 20;

    public final Path root;
    public final Path outside;
    /** Named pipes in the repository (empty where mkfifo is missing). */
    public final List<String> fifos = new ArrayList<>();
    /** Device files in the repository (empty unless the tests run with the right to make them). */
    public final List<String> devices = new ArrayList<>();
    /** False where the file system has no symbolic links. */
    public final boolean links;

    private final Path base;

    /**
     * Builds the repository in a new folder: in memory ({@code /dev/shm}) where there is one, since a hundred
     * thousand files on a busy disk take minutes; {@link #close()} deletes it.
     */
    public static HostileRepo create() {
        try {
            Path shm = Path.of("/dev/shm");
            Path base = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "ferret-hostile-") : Files.createTempDirectory("ferret-hostile-");
            return new HostileRepo(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the repository under {@code tmp} (which {@link #close()} deletes). */
    public HostileRepo(Path tmp) {
        base = tmp;
        try {
            root = Files.createDirectories(tmp.resolve("repo"));
            outside = Files.createDirectories(tmp.resolve("outside"));
            Files.writeString(outside.resolve("secret.txt"), "password = " + SECRET + "\n");
            Files.writeString(outside.resolve("secret.py"), "class Leak(Protocol):\n    key = '" + SECRET + "'\n");

            write("shop/ok.py", "from typing import Protocol\n\n\nclass Port(Protocol):\n    def send(self): ...\n");
            write("README.md", "# hostile\nTODO: nothing here is safe\n");
            links = makeLinks();
            // special files: a blocked open() or an endless read is what they do to a tool that opens them
            for (String name : List.of("pipe", "pipe.py", "shop/pipe.txt")) {
                if (run("mkfifo", root.resolve(name).toString())) {
                    fifos.add(name);
                }
            }
            if (run("mknod", root.resolve("zero.py").toString(), "c", "1", "5")) {
                devices.add("zero.py"); // /dev/zero: endless zeros
            }
            if (run("mknod", root.resolve("random.txt").toString(), "c", "1", "8")) {
                devices.add("random.txt"); // /dev/random
            }
            sparse("huge.bin", new byte[0]);
            sparse("huge.py", "class Huge:\n    pass\n".getBytes(StandardCharsets.UTF_8));
            // text for the first 8 KiB (so it is not taken for binary), then a hole of NUL bytes: one endless line
            sparse("huge.log", "log line\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
            byte[] line = new byte[LONG_LINE];
            java.util.Arrays.fill(line, (byte) 'x');
            Files.write(root.resolve("long_line.txt"), line);
            Files.write(root.resolve("long_line.py"), line);
            // under the grep size cap: searched, and a runaway pattern meets it
            Files.writeString(root.resolve("runaway.txt"), "a".repeat(40) + "!\n" + "a".repeat(3 << 20) + "!\n");
            Files.write(root.resolve("binary.dat"), new byte[] {'T', 'O', 'D', 'O', 0, (byte) 0xFF, 0, 1});
            Files.write(root.resolve("bad_utf8.py"), new byte[] {'#', ' ', 'T', 'O', 'D', 'O', ' ', (byte) 0xC3,
                    (byte) 0x28, (byte) 0xFF, '\n', 'c', 'l', 'a', 's', 's', ' ', 'B', (byte) 0xE9, ':', ' ', 'p', 'a',
                    's', 's', '\n'});
            // a name that a wildcard of many stars backtracks on
            write("names/" + "a".repeat(200) + ".txt", "long name\n");
            // one folder of 100,000 entries; empty but for the last, so that in memory they cost no data pages
            Path many = Files.createDirectories(root.resolve("many"));
            for (int i = 0; i < MANY; i++) {
                Files.createFile(many.resolve(String.format("f%06d.txt", i)));
            }
            Files.writeString(many.resolve(String.format("f%06d.txt", MANY - 1)), "file " + (MANY - 1) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the repository and the folder next to it (links are deleted, never followed). */
    @Override
    public void close() {
        try {
            Files.walkFileTree(base, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                        throws IOException {
                    Files.delete(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean makeLinks() throws IOException {
        try {
            Files.createSymbolicLink(root.resolve("loop_a"), root.resolve("loop_b"));
            Files.createSymbolicLink(root.resolve("loop_b"), root.resolve("loop_a"));
            Files.createDirectories(root.resolve("cycle"));
            Files.createSymbolicLink(root.resolve("cycle/again"), Path.of(".."));
            Files.createSymbolicLink(root.resolve("self"), Path.of("."));
            Files.createSymbolicLink(root.resolve("out_file"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("out_dir"), outside);
            Files.createSymbolicLink(root.resolve("out_rel.py"), Path.of("../outside/secret.py"));
            Files.createSymbolicLink(root.resolve("passwd"), Path.of("/etc/passwd"));
            Files.createSymbolicLink(root.resolve("dev_zero"), Path.of("/dev/zero"));
            Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nowhere"));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void sparse(String rel, byte[] head) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(root.resolve(rel).toFile(), "rw")) {
            f.write(head);
            f.setLength(HUGE);
        }
    }

    /** Runs a command quietly; true if it succeeded. */
    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
