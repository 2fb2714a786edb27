/**
 * The inference engine: models, sessions, sampling, chat templates, speculative decoding, prefix caches.
 * {@code dev.ferret.engine.sampling} (stop matching, UTF-8 decoding inside a session) is not exported.
 */
module dev.ferret.engine {
    requires transitive dev.ferret.llama;
    requires transitive dev.ferret.models;
    requires transitive com.fasterxml.jackson.databind;
    // the JNI backend (JniGenerator) drives java-llama.cpp's API
    requires llama;
    // ContextBudget reads the machine's physical memory (com.sun.management.OperatingSystemMXBean)
    requires java.management;
    requires jdk.management;

    exports dev.ferret.engine;
    exports dev.ferret.engine.backend;
    exports dev.ferret.engine.chat;
    exports dev.ferret.engine.chat.jinja;
    exports dev.ferret.engine.kv;
    exports dev.ferret.engine.speculative;
}
