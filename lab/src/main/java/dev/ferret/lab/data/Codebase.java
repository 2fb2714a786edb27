package dev.ferret.lab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One pinned codebase of a manifest.
 *
 * @param name    the short name, also the folder under the cache ({@code .work/codebases/<name>})
 * @param pkg     the Debian package
 * @param version the pinned package version
 * @param dirs    the source folders taken from the package
 * @param split   the split all of its examples go to
 * @param root    where it is unpacked
 */
public record Codebase(String name, String pkg, String version, List<String> dirs, Split split, Path root) {
    public Codebase {
        Objects.requireNonNull(name);
        Objects.requireNonNull(split);
        Objects.requireNonNull(root);
        dirs = List.copyOf(dirs);
    }

    /** A codebase that is just a folder (tests, the sample repository). */
    public static Codebase local(String name, Split split, Path root) {
        return new Codebase(name, "", "", List.of(), split, root);
    }
}
