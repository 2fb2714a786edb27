package dev.ferret.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.gguf.GgufFile;
import dev.ferret.models.io.RegularFiles;
import dev.ferret.models.io.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files named by options that are not what they must be: an output that is a named pipe, a folder, a socket or a
 * link to nothing is refused before anything is written (and stays what it was); an input that is one is refused
 * before it is opened (a pipe would block); a missing file, text that is not UTF-8 and JSON with text after it are
 * named. Each is one {@code error:} line and exit code 2. No real device is touched: pipes and sockets are made in
 * the test's folder.
 */
class FileOptionsTest {
    @TempDir
    Path dir;

    static Cli.Out refused(String expected, String... args) {
        Cli.Out r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args), () -> "hangs: " + List.of(args));
        assertEquals(2, r.code(), List.of(args) + ": " + r.stderr());
        assertTrue(r.stderr().startsWith("error: " + expected), List.of(args) + ": " + r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
        return r;
    }

    @Test
    void modelCreateRefusesAnOutputThatIsNotARegularFile() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.gguf");
        Path folder = Files.createDirectory(dir.resolve("folder.gguf"));
        Path socket = SpecialFiles.socket(dir, "socket.gguf");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.gguf"), Path.of("nowhere.gguf"));
        Path toPipe = Files.createSymbolicLink(dir.resolve("to-pipe.gguf"), fifo);
        refused("--out " + fifo + ": is a named pipe (FIFO), not a regular file", "model", "create", "--preset", "tiny", "--out", fifo.toString());
        refused("--out " + folder + ": is a directory, not a regular file", "model", "create", "--out", folder.toString());
        refused("--out " + socket + ": is a socket, not a regular file", "model", "create", "--out", socket.toString());
        refused("--out " + dangling + ": is a symbolic link to nowhere.gguf, which does not exist", "model", "create", "--out", dangling.toString());
        refused("--out " + toPipe + ": is a symbolic link to " + fifo.toRealPath() + ", which is a named pipe (FIFO)",
                "model", "create", "--out", toPipe.toString());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        refused("--out " + file.resolve("m.gguf") + ": " + file + ": is a regular file, not a directory", "model", "create", "--out",
                file.resolve("m.gguf").toString());
        assertEquals("a named pipe (FIFO)", RegularFiles.kind(fifo, LinkOption.NOFOLLOW_LINKS), "the pipe is still a pipe");
        assertEquals("a socket", RegularFiles.kind(socket, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(folder) && Files.isSymbolicLink(dangling) && Files.isSymbolicLink(toPipe));
        try (var all = Files.list(dir)) {
            assertEquals(List.of("dangling.gguf", "folder.gguf", "pipe.gguf", "plain", "socket.gguf", "to-pipe.gguf"),
                    all.map(p -> p.getFileName().toString()).sorted().toList(), "nothing else written");
        }
    }

    @Test
    void modelCreateWritesThroughALinkToARegularFile() throws Exception {
        Path real = Files.writeString(dir.resolve("v1.gguf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("current.gguf"), real.getFileName());
        Cli.Out r = Cli.run("model", "create", "--preset", "tiny", "--out", link.toString());
        assertEquals(0, r.code(), r.stderr());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("qwen2", GgufFile.read(real).architecture(), "the file it points at holds the model");
    }

    @Test
    void adapterExportAndDataOutputsAreCheckedToo() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.gguf");
        String base = Cli.tinyModel().toString();
        refused("--out " + fifo + ": is a named pipe (FIFO), not a regular file", "adapter", "create", "--base", base, "--out", fifo.toString());
        refused("--out " + fifo + ": is a named pipe (FIFO), not a regular file", "adapter", "convert", "--base", base, "--in",
                dir.toString(), "--out", fifo.toString());
        refused("--lora-out " + fifo + ": is a named pipe (FIFO), not a regular file", "export", "checkpoint", "--lora", dir.toString(),
                "--lora-out", fifo.toString());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        refused("--out " + file + ": is a regular file, not a directory", "export", "tokenizer", "--out", file.toString());
        refused("--out " + fifo + ": is a named pipe (FIFO), not a directory", "data", "--out", fifo.toString());
        refused("--out " + fifo + ": is a named pipe (FIFO), not a directory", "call-data", "--out", fifo.toString());
        refused("--out " + file + ": is a regular file, not a directory", "call-eval", "--out", file.toString());
    }

    @Test
    void inspectRefusesAPipeOrASocketWithoutOpeningIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.gguf");
        Path socket = SpecialFiles.socket(dir, "socket.gguf");
        refused("pipe.gguf: " + fifo + " is a named pipe (FIFO), not a GGUF file", "inspect", fifo.toString());
        refused("pipe.gguf: " + fifo + " is a named pipe (FIFO), not a GGUF file", "inspect", fifo.toString(), "--tensors");
        refused("socket.gguf: " + socket + " is a socket, not a GGUF file", "inspect", socket.toString());
        refused(dir.getFileName() + ": " + dir + " is a directory, not a GGUF file", "inspect", dir.toString());
    }

    @Test
    void promptNamesWhatIsWrongWithItsInputFiles() throws Exception {
        String m = Cli.tinyModel().toString();
        Path none = dir.resolve("none.json");
        Path fifo = SpecialFiles.fifo(dir, "pipe.json");
        refused("--messages " + none + ": no such file", "prompt", "-m", m, "--messages", none.toString());
        refused("--messages " + fifo + ": is a named pipe (FIFO), not a regular file", "prompt", "-m", m, "--messages", fifo.toString());
        refused("--messages " + dir + ": is a directory, not a regular file", "prompt", "-m", m, "--messages", dir.toString());
        Path ok = Files.writeString(dir.resolve("ok.json"), "[{\"role\": \"user\", \"content\": \"hi\"}]");
        refused("--tools " + fifo + ": is a named pipe (FIFO), not a regular file", "prompt", "-m", m, "--messages", ok.toString(),
                "--tools", fifo.toString());
        Path latin1 = Files.write(dir.resolve("latin1.json"), "[{\"role\": \"user\",\n\"content\": \"caf\u00e9\"}]"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        refused("--messages " + latin1 + ": not UTF-8 text (byte 0xe9 at line 2, byte offset 33)", "prompt", "-m", m, "--messages",
                latin1.toString());
        String conversation = "[{\"role\": \"user\", \"content\": \"hi\"}]";
        Path trailing = Files.writeString(dir.resolve("trailing.json"), conversation + " xyz");
        refused("--messages " + trailing + " is not valid JSON: text follows the JSON value, which ends at line 1, column "
                        + conversation.length(),
                "prompt", "-m", m, "--messages", trailing.toString());
        Path two = Files.writeString(dir.resolve("two.json"), "[{\"role\": \"user\", \"content\": \"hi\"}]\n[]\n");
        refused("--messages " + two + " is not valid JSON: text follows the JSON value", "prompt", "-m", m, "--messages", two.toString());
    }

    @Test
    void modelCreateRefusesAPipeAsTemplateOrTokenizer() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe");
        Path out = dir.resolve("m.gguf");
        refused("--chat-template " + fifo + ": is a named pipe (FIFO), not a regular file", "model", "create", "--out", out.toString(),
                "--chat-template", fifo.toString());
        refused("--tokenizer " + fifo + ": is a named pipe (FIFO), not a regular file", "model", "create", "--out", out.toString(),
                "--tokenizer", fifo.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void trackChecksItsReportFilesBeforeRunningTheSuite() throws Exception {
        String repo = Cli.sample().toString();
        Path file = Files.writeString(dir.resolve("results"), "x");
        refused("--out " + file + ": cannot write the report: " + file + ": is a regular file, not a directory",
                "track", "--repo", repo, "--out", file.toString(), "--no-cold");
        Path out = Files.createDirectory(dir.resolve("out"));
        Path fifo = SpecialFiles.fifo(out, "run.json");
        refused("--out " + out + ": cannot write the report: " + fifo + ": is a named pipe (FIFO), not a regular file",
                "track", "--repo", repo, "--out", out.toString(), "--name", "run", "--no-cold");
        refused("--out " + out + ": cannot write the report", "track", "--repo", repo, "--out", out.toString(), "--name", "run",
                "--endpoint", "http://127.0.0.1:9", "--no-cold");
    }

    @Test
    void callEvalChecksItsQuestionsFileAsEveryInputFile() throws Exception {
        String out = dir.resolve("out").toString();
        Path fifo = SpecialFiles.fifo(dir, "pipe.jsonl");
        refused("--data " + fifo + ": is a named pipe (FIFO), not a regular file", "call-eval", "--data", fifo.toString(),
                "--out", out, "--limit", "2");
        refused("--data " + dir + ": is a directory, not a regular file", "call-eval", "--data", dir.toString(), "--out", out);
        Path none = dir.resolve("none.jsonl");
        refused("--data " + none + ": no such file", "call-eval", "--data", none.toString(), "--out", out);
        Path bom = Files.write(dir.resolve("bom.jsonl"), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        refused("--data " + bom + ": not UTF-8 text (byte 0xff at line 1, byte offset 0)", "call-eval", "--data", bom.toString(),
                "--out", out, "--limit", "2");
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), "{\"question\": \"a");
        refused("--data " + cut + ": line 1 is not JSON: Unexpected end-of-input", "call-eval", "--data", cut.toString(), "--out", out);
        Path deep = Files.writeString(dir.resolve("deep.jsonl"), "[".repeat(100_000) + "]".repeat(100_000));
        refused("--data " + deep + ": line 1 is not JSON: Document nesting depth", "call-eval", "--data", deep.toString(), "--out", out);
        // nothing to evaluate is refused, not reported as precision and recall 1.000
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Cli.Out r = refused("--data " + empty + ": no questions in it", "call-eval", "--data", empty.toString(), "--out", out);
        assertFalse(r.stdout().contains("Precision"), r.stdout());
        Path array = Files.writeString(dir.resolve("array.jsonl"), "[1]\n");
        refused("--data " + array + ": question 1 is array, not an object", "call-eval", "--data", array.toString(), "--out", out);
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.jsonl"), "{\"question\": \"q\", \"tool\": \"find_classes\", "
                + "\"arguments\": {}, \"codebase\": \"shop\"}\n");
        refused("--data " + elsewhere + ": no folder in " + dir + " for the codebase shop", "call-eval", "--data",
                elsewhere.toString(), "--codebases", dir.toString(), "--out", out);
        refused("--limit must be 0 to 2147483647, got -1", "call-eval", "--data", elsewhere.toString(), "--limit", "-1", "--out", out);
        refused("--lora " + fifo + ": is a named pipe (FIFO), not a regular file", "call-eval", "--data", elsewhere.toString(),
                "--lora", fifo.toString(), "--out", out);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void callEvalNamesItsMissingDefaultQuestionsFile() {
        Path fallback = Path.of(".work/call-data/calls-test.jsonl");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(fallback), "a call-data split is in the working folder");
        refused("--data " + fallback + ": no such file", "call-eval", "--codebases", "X", "--out", dir.resolve("out").toString());
    }

    @Test
    void manifestsSegmentsAndCheckpointsAreCheckedToo() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.tsv");
        Path latin1 = Files.write(dir.resolve("latin1.tsv"), "# caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path none = dir.resolve("none.tsv");
        for (String command : List.of("data", "call-data")) {
            String out = dir.resolve(command).toString();
            refused("--manifest " + fifo + ": is a named pipe (FIFO), not a regular file", command, "--manifest", fifo.toString(), "--out", out);
            refused("--manifest " + latin1 + ": not UTF-8 text (byte 0xe9 at line 1, byte offset 5)", command, "--manifest",
                    latin1.toString(), "--out", out);
            refused("--manifest " + none + ": no such file", command, "--manifest", none.toString(), "--out", out);
        }
        Path tokOut = dir.resolve("tok");
        refused("--segments " + fifo + ": is a named pipe (FIFO), not a regular file", "export", "tokenizer", "--out", tokOut.toString(),
                "--segments", "train=" + fifo);
        refused("--segments " + none + ": no such file", "export", "tokenizer", "--out", tokOut.toString(), "--segments", "train=" + none);
        assertFalse(Files.exists(tokOut), "refused before tokenizer.json is written");
        Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
        Path header = SpecialFiles.fifo(ckpt, "model.json");
        refused(header + ": is a named pipe (FIFO), not a regular file", "export", "checkpoint", "--model", ckpt.toString(), "--out",
                dir.resolve("m.gguf").toString());
        refused(dir.resolve("nock") + ": no model.json, so not a checkpoint folder", "export", "checkpoint", "--model",
                dir.resolve("nock").toString(), "--out", dir.resolve("m.gguf").toString());
        Path tokenizer = Files.write(dir.resolve("tokenizer.json"), new byte[] {'{', (byte) 0xff, '}'});
        refused(tokenizer + ": not UTF-8 text (byte 0xff at line 1, byte offset 1)", "model", "create", "--out",
                dir.resolve("t.gguf").toString(), "--tokenizer", tokenizer.toString());
    }
}
