package dev.ferret.engine;

import dev.ferret.gguf.GgufType;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends the JVM while threads are inside llama_decode. Modes: {@code exit} (System.exit, no hooks),
 * {@code daemon} (main returns; the generating threads are daemons), {@code hook-model} and
 * {@code hook-session} (a shutdown hook closes the model or the sessions, as a server's cleanup would).
 * Prints {@code EXITING} just before; the child must then end with status 0 and no crash log
 * ({@link ShutdownTest}).
 *
 * <p>Arguments: work folder, mode, threads decoding at once.
 */
public final class ShutdownDriver {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        int n = Integer.parseInt(args[2]);
        Path file = dir.resolve("shutdown-tiny-q8_0.gguf");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "model-", ".tmp");
            new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(1).write(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        Model model = Model.load(file, ModelOptions.defaults().withContextSize(512).withThreads(1));
        List<Session> sessions = new ArrayList<>();
        CountDownLatch decoding = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Session s = model.newSession();
            sessions.add(s);
            Thread t = new Thread(() -> {
                try {
                    while (true) { // one generation after another, until the JVM goes
                        s.generate(CloseRaceDriver.PROMPT, GenerationRequest.greedy(400), d -> {
                            decoding.countDown();
                            return true;
                        });
                        s.reset();
                    }
                } catch (EngineException.Closed expected) {
                    // the hook closed it
                }
            }, "generator-" + i);
            t.setDaemon(mode.equals("daemon"));
            t.start();
        }
        if (mode.equals("hook-model")) {
            Runtime.getRuntime().addShutdownHook(new Thread(model::close));
        } else if (mode.equals("hook-session")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sessions.forEach(Session::close)));
        }
        if (!decoding.await(60, TimeUnit.SECONDS)) {
            System.out.println("the generators never produced text");
            System.exit(3);
        }
        System.out.println("EXITING " + mode);
        System.out.flush();
        if (!mode.equals("daemon")) {
            System.exit(0);
        }
    }
}
