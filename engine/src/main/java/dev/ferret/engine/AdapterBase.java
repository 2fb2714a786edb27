package dev.ferret.engine;

import dev.ferret.gguf.GgufException;
import dev.ferret.gguf.GgufFile;
import dev.ferret.models.BaseFingerprint;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether an adapter was made for the model it is loaded on. Adapters Ferret writes or converts record their
 * base's {@link BaseFingerprint}; one made for another base of the same shapes loads without complaint from
 * llama.cpp and gives nonsense, so a mismatch is logged as a warning. Adapters from other tools record nothing:
 * no warning.
 */
final class AdapterBase {
    static final System.Logger LOG = System.getLogger(AdapterBase.class.getName());
    /** Fingerprints of loaded models' headers, computed once per model (it reads the 1-D tensors). */
    private static final Map<GgufFile, String> FINGERPRINTS = Collections.synchronizedMap(new WeakHashMap<>());

    private AdapterBase() {
    }

    /** The warning for {@code adapter} on {@code model}, or null when it fits or records no base. */
    static String mismatch(Model model, Path file, GgufFile adapter) {
        String recorded = BaseFingerprint.recordedIn(adapter);
        if (recorded == null) {
            return null;
        }
        String actual = FINGERPRINTS.computeIfAbsent(model.gguf(), BaseFingerprint::of);
        if (recorded.equals(actual)) {
            return null;
        }
        return "adapter " + file.getFileName() + " was made for another base model than " + model.path().getFileName()
                + " (" + BaseFingerprint.KEY + " " + abbreviate(recorded) + ", this model's " + abbreviate(actual)
                + "): its output is likely to be nonsense";
    }

    /**
     * Logs the mismatch warning, if any. The check only warns: a base whose small tensors cannot be read gets no
     * warning, not a failure; but an interrupt that closed the channel reading them stops the load with
     * {@link EngineException.IncompatibleAdapter}, as an interrupted read of the adapter itself does.
     */
    static void warnIfMadeForAnother(Model model, Path file, GgufFile adapter) {
        String warning;
        try {
            warning = mismatch(model, file, adapter);
        } catch (GgufException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new EngineException.IncompatibleAdapter("adapter " + file.getFileName() + " was not loaded: interrupted"
                        + " while reading " + model.path().getFileName(), e);
            }
            LOG.log(System.Logger.Level.DEBUG, "no base check for " + file, e);
            return;
        }
        if (warning != null) {
            LOG.log(System.Logger.Level.WARNING, warning);
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "..." : hex;
    }
}
