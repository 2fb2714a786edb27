package dev.ferret.engine;

import dev.ferret.llama.LlamaBackend;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Child-JVM side of {@link RpcLoopbackTest}: loads a model (all layers on the given RPC servers, or locally with
 * {@code -}), generates greedily, and prints the devices llama.cpp saw and the text between markers. A typed
 * refusal prints "refused: CLASS: MESSAGE". llama.cpp's lines about where the weights went are printed as "log: ...".
 */
public final class RpcProbe {
    private RpcProbe() {
    }

    public static void main(String[] args) {
        // llama.cpp's load log says where the layers went ("offloaded 3/3 layers", "RPC[...] model buffer size")
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.ferret.llama.native");
        log.setLevel(java.util.logging.Level.ALL);
        log.setUseParentHandlers(false);
        log.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                String m = r.getMessage();
                if (m.contains("offloaded") || m.contains("buffer size")) {
                    System.out.println("log: " + m);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        Path file = Path.of(args[0]);
        List<String> servers = args[1].equals("-") ? List.of() : Arrays.asList(args[1].split(","));
        ModelOptions opts = ModelOptions.defaults().withContextSize(256).withThreads(1).withRpcServers(servers);
        try (Model m = Model.load(file, opts); Session s = m.newSession()) {
            for (var d : LlamaBackend.get().devices()) {
                System.out.println("device: " + d.name() + " " + d.type() + " " + d.description());
            }
            String text = s.generate("The quick brown fox", GenerationRequest.greedy(24), null).text();
            System.out.println("<<<" + text + ">>>");
        } catch (IllegalArgumentException | EngineException e) {
            System.out.println("refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
