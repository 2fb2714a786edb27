package dev.ferret.llama;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Finds and opens the llama.cpp shared library.
 *
 * <p>Order: (1) an override, the system property {@value #PROPERTY} or the environment variable
 * {@value #ENV}, naming a library file or a folder holding {@code libllama.so} / {@code libllama.dylib} /
 * {@code llama.dll} (a user's own CUDA, Metal or Vulkan build of the same C ABI); (2) the library shipped in
 * the {@code de.kherud:llama} jar for this OS and architecture, extracted once into a per-version cache
 * folder ({@code $FERRET_CACHE}, else {@code $XDG_CACHE_HOME/ferret}, else {@code ~/.cache/ferret}).
 * A failure lists every path that was tried.
 */
public final class NativeLibrary {
    public static final String PROPERTY = "ferret.llama.library";
    public static final String ENV = "FERRET_LLAMA_LIBRARY";

    private static volatile Loaded loaded;

    private record Loaded(SymbolLookup lookup, Path path, boolean override, boolean hasCApi) {}

    private NativeLibrary() {}

    /** The symbol lookup of the chosen library, loading it on first use. */
    public static SymbolLookup lookup() {
        return load().lookup;
    }

    /** The path of the loaded library file. */
    public static Path path() {
        return load().path;
    }

    /** True when the library came from the override rather than the jar. */
    public static boolean isOverride() {
        return load().override;
    }

    /**
     * True when the library exports the llama.cpp C API. The Windows DLLs in the jar export only the JNI entry
     * points; there the engine must use the JNI backend.
     */
    public static boolean hasCApi() {
        return load().hasCApi;
    }

    /** One line for logs and error messages. */
    public static String describe() {
        Loaded l = loaded;
        return l == null ? "llama.cpp library not loaded yet" : "llama.cpp library " + l.path + (l.override ? " (override)" : " (from de.kherud:llama jar)");
    }

    private static Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (NativeLibrary.class) {
                l = loaded;
                if (l == null) {
                    l = open();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private static Loaded open() {
        List<String> tried = new ArrayList<>();
        String override = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (override == null || override.isBlank()) {
            override = System.getenv(ENV);
            source = "$" + ENV;
        }
        Path path;
        boolean isOverride = override != null && !override.isBlank();
        if (isOverride) {
            path = resolveOverride(Path.of(override), tried);
            if (path == null) {
                throw new LlamaException.LibraryLoad(source + " = " + override
                        + " does not name a llama.cpp library; tried: " + String.join(", ", tried), null);
            }
        } else {
            path = extractFromJar(tried);
        }
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new LlamaException.LibraryLoad("cannot open " + path + ": " + e.getMessage()
                    + (isOverride ? "" : " (the bundled library needs libgomp; on Debian: apt-get install libgomp1)"), e);
        }
        boolean cApi = lookup.find("llama_backend_init").isPresent();
        return new Loaded(lookup, path, isOverride, cApi);
    }

    static Path resolveOverride(Path p, List<String> tried) {
        if (Files.isRegularFile(p)) {
            return p.toAbsolutePath();
        }
        tried.add(p.toString());
        if (Files.isDirectory(p)) {
            for (String name : List.of("libllama.so", "libllama.dylib", "llama.dll", "libjllama.so", "libjllama.dylib")) {
                Path c = p.resolve(name);
                tried.add(c.toString());
                if (Files.isRegularFile(c)) {
                    return c.toAbsolutePath();
                }
            }
        }
        return null;
    }

    /** OS folder name as used inside the de.kherud:llama jar. */
    static String osFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return "Mac";
        }
        if (os.contains("win")) {
            return "Windows";
        }
        if (System.getProperty("java.vm.vendor", "").toLowerCase(Locale.ROOT).contains("android")
                || System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android")) {
            return "Linux-Android";
        }
        return "Linux";
    }

    static String archFolder() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
    }

    static String libraryFileName(String os) {
        return switch (os) {
            case "Mac" -> "libjllama.dylib";
            case "Windows" -> "jllama.dll";
            default -> "libjllama.so";
        };
    }

    /** The version of the de.kherud:llama jar on the class path, or "unknown". */
    public static String jarVersion() {
        // through the class loader: on the module path, Class.getResourceAsStream looks in this module only, and
        // the file is in java-llama.cpp's jar (META-INF is no package, so no module encapsulates it)
        ClassLoader loader = NativeLibrary.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream("META-INF/maven/de.kherud/llama/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Path cacheRoot() {
        String c = System.getProperty("ferret.cache");
        if (c == null || c.isBlank()) {
            c = System.getenv("FERRET_CACHE");
        }
        if (c != null && !c.isBlank()) {
            return Path.of(c);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ferret");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ferret");
    }

    private static Path extractFromJar(List<String> tried) {
        String os = osFolder();
        String arch = archFolder();
        String resource = "de/kherud/llama/" + os + "/" + arch + "/" + libraryFileName(os);
        tried.add("classpath:" + resource);
        URL url = NativeLibrary.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new LlamaException.LibraryLoad("no llama.cpp library for " + os + "/" + arch
                    + " in the de.kherud:llama jar; build llama.cpp yourself and point -D" + PROPERTY
                    + " at it; tried: " + String.join(", ", tried), null);
        }
        Path dir = cacheRoot().resolve("native").resolve("llama-" + jarVersion()).resolve(os + "-" + arch);
        Path target = dir.resolve(libraryFileName(os));
        tried.add(target.toString());
        try {
            long size = url.openConnection().getContentLengthLong();
            if (Files.isRegularFile(target) && size > 0 && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "extract-", ".tmp");
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new LlamaException.LibraryLoad("cannot extract " + resource + " to " + target + ": " + e
                    + "; set FERRET_CACHE to a writable folder", e);
        }
    }
}
