package dev.ferret.lab.data;

import dev.ferret.models.io.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the codebase manifests ({@code scripts/training-codebases.tsv}, {@code scripts/codebases.tsv}): tab-separated
 * rows of name, Debian package, pinned version, comma-separated source folders and, optionally, the split. A row
 * without a split column is held-out test: that is the accuracy-evaluation manifest, whose codebases must never be
 * trained or validated on. Blank lines and lines starting with '#' are skipped.
 */
public final class Manifest {
    private Manifest() {
    }

    /**
     * The rows of one manifest, each rooted at {@code cache/<name>}. The file is read as {@link TextFiles#readUtf8}
     * reads it: a pipe is refused before it is opened, a byte that is not UTF-8 is named by line and offset.
     */
    public static List<Codebase> read(Path tsv, Path cache) throws IOException {
        List<Codebase> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : (Iterable<String>) TextFiles.readUtf8(tsv).lines()::iterator) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4 || f.length > 5) {
                throw new IllegalArgumentException(tsv + ":" + lineNo + ": expected 4 or 5 tab-separated columns, got "
                        + f.length);
            }
            String name = f[0].strip();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException(tsv + ":" + lineNo + ": bad codebase name '" + name + "'");
            }
            Split split = f.length == 5 ? Split.parse(f[4]) : Split.TEST;
            out.add(new Codebase(name, f[1].strip(), f[2].strip(), Arrays.asList(f[3].strip().split(",")), split,
                    cache.resolve(name)));
        }
        return out;
    }

    /**
     * The codebases of {@code all} named in {@code only} (every one when it is empty), each fetched into its folder;
     * an empty choice, or one with codebases not fetched, is an {@link IllegalArgumentException} saying what to do.
     */
    static List<Codebase> selectFetched(List<Codebase> all, java.util.Set<String> only) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the manifests list no codebase (only blank or '#' lines)");
        }
        List<Codebase> chosen = all.stream().filter(c -> only.isEmpty() || only.contains(c.name())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no codebase selected (--only " + only + ")");
        }
        List<String> missing = chosen.stream().filter(c -> !java.nio.file.Files.isDirectory(c.root())).map(Codebase::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("codebases not fetched: " + String.join(", ", missing)
                    + " (run scripts/fetch-training-codebases.sh first, or pass --codebases DIR)");
        }
        return chosen;
    }

    /**
     * All rows of several manifests; a name listed twice (in one manifest or across them) is an error, so no codebase
     * can end up in two splits.
     */
    public static List<Codebase> readAll(List<Path> manifests, Path cache) throws IOException {
        List<Codebase> all = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        Map<String, String> packages = new HashMap<>();
        for (Path m : manifests) {
            for (Codebase c : read(m, cache)) {
                Path before = seen.putIfAbsent(c.name(), m);
                if (before != null) {
                    throw new IllegalArgumentException("codebase " + c.name() + " is listed twice (" + before + ", " + m
                            + "): a codebase may be in one split only");
                }
                String other = packages.putIfAbsent(c.pkg(), c.name());
                if (other != null) {
                    throw new IllegalArgumentException("package " + c.pkg() + " is listed twice (" + other + ", "
                            + c.name() + ")");
                }
                all.add(c);
            }
        }
        return all;
    }
}
