package dev.ferret.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes llama.cpp's and ggml's log into {@link System.Logger} {@code dev.ferret.llama.native} (INFO and
 * DEBUG from llama.cpp become DEBUG and TRACE, so nothing reaches stdout or stderr by default), and keeps the
 * last lines so that an error can say what llama.cpp said about it.
 */
public final class NativeLog {
    private static final System.Logger LOG = System.getLogger("dev.ferret.llama.native");
    private static final int KEEP = 200;

    private static final ArrayDeque<Line> recent = new ArrayDeque<>();
    private static final StringBuilder partial = new StringBuilder();
    private static int partialLevel = 2;
    private static long counter;
    private static MemorySegment stub;

    /** One complete log line with its sequence number. */
    public record Line(long seq, int level, String text) {}

    private NativeLog() {}

    /** Installs the callback (idempotent). Called by {@link LlamaBackend}. */
    static synchronized void install() {
        if (stub != null) {
            return;
        }
        try {
            var target = MethodHandles.lookup().findStatic(NativeLog.class, "callback",
                    MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class));
            stub = Linker.nativeLinker().upcallStub(target,
                    FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        dev.ferret.llama.internal.LlamaH.llama_log_set(stub, MemorySegment.NULL);
    }

    /**
     * Points llama.cpp's log at this class again. Needed after another binding of the same library (the JNI
     * API of java-llama.cpp) installed its own callback, since llama.cpp keeps one callback per process.
     */
    public static synchronized void reinstall() {
        if (stub == null) {
            install();
        } else {
            dev.ferret.llama.internal.LlamaH.llama_log_set(stub, MemorySegment.NULL);
        }
    }

    /** Called from native threads: must never throw. */
    private static void callback(int level, MemorySegment text, MemorySegment user) {
        try {
            String s = text.equals(MemorySegment.NULL) ? "" : text.reinterpret(Long.MAX_VALUE).getString(0);
            append(level, s);
        } catch (Throwable t) {
            // swallowing is the only safe option inside an upcall
        }
    }

    static synchronized void append(int level, String s) {
        if (level != 5) { // GGML_LOG_LEVEL_CONT continues the previous line
            if (!partial.isEmpty()) {
                flush();
            }
            partialLevel = level;
        }
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                partial.append(s, start, i);
                flush();
                start = i + 1;
            }
        }
        partial.append(s, start, s.length());
    }

    private static void flush() {
        String line = partial.toString().strip();
        partial.setLength(0);
        if (line.isEmpty()) {
            return;
        }
        recent.addLast(new Line(++counter, partialLevel, line));
        while (recent.size() > KEEP) {
            recent.removeFirst();
        }
        System.Logger.Level l = isAbortReport(line) ? System.Logger.Level.DEBUG : switch (partialLevel) {
            // llama.cpp warns about routine things (e.g. a context smaller than the training one); its
            // errors also reach the user through exception messages, so neither needs to be loud here
            case 4 -> System.Logger.Level.WARNING;
            case 3 -> System.Logger.Level.DEBUG;
            case 2 -> System.Logger.Level.TRACE;
            default -> System.Logger.Level.TRACE;
        };
        if (LOG.isLoggable(l)) {
            LOG.log(l, line);
        }
    }

    /**
     * The two lines llama.cpp logs when a decode was stopped through the abort callback (ggml status 1 is
     * GGML_STATUS_ABORTED). Ferret stops decodes on purpose when something is closed or a thread interrupted,
     * and says so in the exception, so these are not warnings.
     */
    static boolean isAbortReport(String line) {
        return line.endsWith("failed to decode, ret = 2") || line.endsWith("compute_async failed with error 1");
    }

    /** A mark to pass to {@link #since(long)}. */
    public static synchronized long mark() {
        if (!partial.isEmpty()) {
            flush();
        }
        return counter;
    }

    /** Warning and error lines logged after the mark (all lines if none were warnings), at most {@code max}. */
    public static synchronized List<String> since(long mark, int max) {
        if (!partial.isEmpty()) {
            flush();
        }
        List<String> important = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Line l : recent) {
            if (l.seq > mark) {
                all.add(l.text);
                if (l.level >= 3) {
                    important.add(l.text);
                }
            }
        }
        List<String> pick = important.isEmpty() ? all : important;
        return List.copyOf(pick.subList(Math.max(0, pick.size() - max), pick.size()));
    }
}
