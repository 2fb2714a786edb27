package dev.ferret.models;

import dev.ferret.models.json.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models that ship with Ferret ({@code models/default/catalog.json}): named sets ({@link #set}) of a base
 * model, its LoRA adapters, a draft model and a prompt style ({@code "default"}, used without {@code --model}, and
 * {@code "full"} for the full agent loop), and every file with its size and SHA-256. Found through {@code -Dferret.models=DIR} or
 * {@code $FERRET_MODELS}, else {@code <ferret.home>/models/default} (the launcher sets {@code ferret.home}), else
 * {@code models/default} under the working directory.
 */
public final class ModelCatalog {
    /** One shipped file. */
    public record Entry(String file, String role, String sha256, long bytes, String card) {}

    private final Path dir;
    private final Map<String, Object> json;

    private ModelCatalog(Path dir, Map<String, Object> json) {
        this.dir = dir;
        this.json = json;
    }

    /** The catalog, if one is installed where Ferret looks. */
    public static Optional<ModelCatalog> find() {
        for (Path d : candidates()) {
            Path f = d.resolve("catalog.json");
            if (Files.isRegularFile(f)) {
                try {
                    return Optional.of(new ModelCatalog(d, MiniJson.object(Files.readString(f))));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String p = System.getProperty("ferret.models");
        if (p == null || p.isBlank()) {
            p = System.getenv("FERRET_MODELS");
        }
        if (p != null && !p.isBlank()) {
            out.add(Path.of(p)); // an explicit choice: nothing else is searched
            return out;
        }
        String home = System.getProperty("ferret.home");
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home, "models", "default"));
        }
        out.add(Path.of("models", "default"));
        return out;
    }

    public Path dir() {
        return dir;
    }

    /**
     * One named set of the catalog: a base model, its LoRA adapters, a draft model and how it is prompted; the
     * paths are in the catalog's folder. {@code prompt} is {@code "call-only"} (the model writes only the tool call,
     * from a compact system turn; the answer is written from the results) or {@code "full"} (the whole agent prompt
     * and loop); empty when the catalog does not say, which means full. {@code system}: the system turn a call-only
     * model was trained with (its tools and parameters), so that a change to the tools can be caught before the model
     * sees a prompt it never saw.
     */
    public record ModelSet(String name, Optional<Path> base, List<Path> loras, Optional<Path> draft, Optional<String> prompt,
                           Optional<String> system) {
        public ModelSet {
            loras = List.copyOf(loras);
        }
    }

    /**
     * The set named {@code name} ({@code "default"}: what Ferret uses without {@code --model}; {@code "full"}: the
     * models for the full agent prompt and loop), if the catalog has it.
     */
    public Optional<ModelSet> set(String name) {
        if (!(json.get(name) instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        List<Path> loras = new ArrayList<>();
        if (m.get("lora") instanceof List<?> l) {
            for (Object o : l) {
                file(o).ifPresent(loras::add);
            }
        }
        return Optional.of(new ModelSet(name, file(m.get("base")), loras, file(m.get("draft")), text(m.get("prompt")),
                text(m.get("system"))));
    }

    private static Optional<String> text(Object o) {
        return o instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private Optional<Path> file(Object name) {
        return text(name).map(dir::resolve);
    }

    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (json.get("models") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new Entry(String.valueOf(m.get("file")), String.valueOf(m.get("role")), String.valueOf(m.get("sha256")),
                            m.get("bytes") instanceof Double d ? d.longValue() : -1, m.get("card") == null ? "" : String.valueOf(m.get("card"))));
                }
            }
        }
        return out;
    }

    /** Null when the file exists with the recorded size and SHA-256; else what is wrong. */
    public String check(Entry e) {
        Path f = dir.resolve(e.file());
        try {
            if (!Files.isRegularFile(f)) {
                return "missing";
            }
            if (e.bytes() >= 0 && Files.size(f) != e.bytes()) {
                return "size " + Files.size(f) + " differs from the catalog's " + e.bytes();
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            String sha = HexFormat.of().formatHex(md.digest());
            return sha.equalsIgnoreCase(e.sha256()) ? null : "sha256 " + sha + " differs from the catalog's";
        } catch (IOException | NoSuchAlgorithmException ex) {
            return ex.toString();
        }
    }
}
