package dev.ferret.llama;

import dev.ferret.llama.internal.LlamaH;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's RPC backend: a model's layers offloaded to {@code rpc-server} processes (llama.cpp's
 * {@code examples/rpc}) on other machines, so a model bigger than one machine's memory can run. Each server is
 * one ggml device; llama.cpp splits the offloaded layers across the devices by their free memory.
 *
 * <p>The backend is reached as llama.cpp's own {@code --rpc} reaches it: {@code ggml_backend_reg_by_name("RPC")},
 * then {@code ggml_backend_rpc_add_device} through the registry's proc address, then
 * {@code ggml_backend_device_register}. Registration is process-wide and permanent in llama.cpp, so each endpoint
 * is registered once, and every model is loaded with an explicit device list (its own servers, then the local
 * GPUs) once any server is registered, so that a model loaded without servers does not silently use another
 * model's.
 *
 * <p>Checked in Java before llama.cpp sees it: the endpoint syntax ({@code host:port}, port 1-65535), that the
 * library has an RPC backend at all (the bundled b4916 library does not: build one with
 * {@code RPC=1 native/scripts/build-cpu.sh} and point {@code FERRET_LLAMA_LIBRARY} at it), and that every server
 * accepts a TCP connection, since llama.cpp b4980 asserts (ending the process) when a server it allocates on is
 * unreachable. A server that goes away while a model is using it still ends the process: llama.cpp asserts on
 * every failed RPC call, and that cannot be caught from Java.
 *
 * <p>The RPC protocol has no authentication: run servers on a private network only.
 */
public final class RpcServers {
    /** How long the reachability check waits for a server's TCP handshake. */
    static final int CONNECT_TIMEOUT_MS = 3000;

    private static final Pattern ENDPOINT = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})");
    private static final Map<Endpoint, MemorySegment> DEVICES = new LinkedHashMap<>();

    private RpcServers() {}

    /** One {@code rpc-server}: host name or IPv4 address, and port. */
    public record Endpoint(String host, int port) {
        public Endpoint {
            if (host == null || host.isEmpty()) {
                throw new IllegalArgumentException("an RPC endpoint needs a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("RPC port must be 1 to 65535, got " + port);
            }
        }

        /**
         * Parses {@code host:port}. IPv6 literals are refused: llama.cpp b4980 splits the endpoint at its last
         * colon and resolves the host with {@code gethostbyname}, which takes none.
         */
        public static Endpoint parse(String s) {
            String t = s == null ? "" : s.strip();
            Matcher m = ENDPOINT.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("RPC server '" + s + "' is not host:port (a host name or IPv4 address,"
                        + " a colon, a port; e.g. 192.168.1.20:50052)");
            }
            int port = Integer.parseInt(m.group(3));
            return new Endpoint(m.group(1), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Parses a comma-separated list ({@code host:port,host:port}); blanks around items are ignored. */
    public static List<Endpoint> parseList(String list) {
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException("no RPC servers given (expected host:port,host:port,...)");
        }
        List<Endpoint> out = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            Endpoint e = Endpoint.parse(item);
            if (out.contains(e)) {
                throw new IllegalArgumentException("RPC server " + e + " is listed twice");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    /** Whether the loaded library has llama.cpp's RPC backend. */
    public static boolean supported() {
        LlamaBackend.get();
        return registry() != null;
    }

    /** Registry of the RPC backend, or null when the library has none. */
    private static MemorySegment registry() {
        if (LlamaH.missing().contains("ggml_backend_reg_by_name")) {
            return null;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment reg;
            try {
                reg = LlamaH.ggml_backend_reg_by_name(a.allocateFrom("RPC"));
            } catch (UnsupportedOperationException e) {
                return null;
            }
            return reg.equals(MemorySegment.NULL) ? null : reg;
        }
    }

    /** Throws {@link LlamaException.Rpc} unless every server accepts a TCP connection now. */
    public static void checkReachable(List<Endpoint> servers) {
        for (Endpoint e : servers) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(e.host(), e.port()), CONNECT_TIMEOUT_MS);
            } catch (IOException | IllegalArgumentException ex) {
                throw new LlamaException.Rpc("RPC server " + e + " does not answer (" + ex.getMessage() + "); start it with"
                        + " `rpc-server -H <address> -p " + e.port() + "` on that machine", ex);
            }
        }
    }

    /**
     * The device of each server, registering those not yet registered. Checks first that the library has the RPC
     * backend and that each server answers.
     */
    static synchronized List<MemorySegment> devices(List<Endpoint> servers) {
        LlamaBackend.get();
        MemorySegment reg = registry();
        if (reg == null) {
            throw new LlamaException.Rpc("the loaded llama.cpp library has no RPC backend (" + NativeLibrary.describe()
                    + "); the bundled b4916 library is built without one: build llama.cpp with RPC=1"
                    + " native/scripts/build-cpu.sh and set FERRET_LLAMA_LIBRARY to its lib/libllama.so");
        }
        checkReachable(servers);
        List<MemorySegment> out = new ArrayList<>();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment add = LlamaH.ggml_backend_reg_get_proc_address(reg, a.allocateFrom("ggml_backend_rpc_add_device"));
            if (add.equals(MemorySegment.NULL)) {
                throw new LlamaException.Rpc("the RPC backend of " + NativeLibrary.describe() + " has no ggml_backend_rpc_add_device");
            }
            for (Endpoint e : servers) {
                MemorySegment dev = DEVICES.get(e);
                if (dev == null) {
                    dev = LlamaH.ggml_backend_rpc_add_device(add, a.allocateFrom(e.toString()));
                    if (dev.equals(MemorySegment.NULL)) {
                        throw new LlamaException.Rpc("llama.cpp could not add RPC server " + e);
                    }
                    LlamaH.ggml_backend_device_register(dev);
                    DEVICES.put(e, dev);
                }
                out.add(dev);
            }
        }
        return out;
    }

    private static boolean isRegisteredServer(MemorySegment dev) {
        for (MemorySegment d : DEVICES.values()) {
            if (d.address() == dev.address()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Registers these servers as devices of this process (each once), after checking that the library has the RPC
     * backend and that each server answers; {@link LlamaBackend#devices()} lists them afterwards. Loading a model
     * with {@link ModelParams#withRpcServers} does this itself.
     */
    public static void register(List<Endpoint> servers) {
        devices(servers);
    }

    /** The RPC servers registered in this process so far. */
    public static synchronized List<Endpoint> registered() {
        return List.copyOf(DEVICES.keySet());
    }

    /**
     * The {@code devices} field of {@code llama_model_params} for a model using {@code servers}: NULL (all devices,
     * llama.cpp's default) while no server was ever registered; otherwise a NULL-terminated array of this model's
     * servers followed by the local GPUs, which is llama.cpp's own order, without other models' servers.
     */
    static synchronized MemorySegment deviceList(List<Endpoint> servers, Arena arena) {
        List<MemorySegment> mine = servers.isEmpty() ? List.of() : devices(servers);
        if (DEVICES.isEmpty()) {
            return MemorySegment.NULL;
        }
        List<MemorySegment> list = new ArrayList<>(mine);
        long n = LlamaH.ggml_backend_dev_count();
        for (long i = 0; i < n; i++) {
            MemorySegment dev = LlamaH.ggml_backend_dev_get(i);
            if (LlamaH.ggml_backend_dev_type(dev) == 1 && !isRegisteredServer(dev)) { // GGML_BACKEND_DEVICE_TYPE_GPU
                list.add(dev);
            }
        }
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, list.size() + 1);
        for (int i = 0; i < list.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, list.get(i));
        }
        array.setAtIndex(ValueLayout.ADDRESS, list.size(), MemorySegment.NULL);
        return array;
    }
}
