/** {@code ferret serve}: the OpenAI-compatible HTTP server over the engine (the JDK's HTTP server). */
module dev.ferret.server {
    requires transitive dev.ferret.engine;
    requires jdk.httpserver;

    exports dev.ferret.server;
}
