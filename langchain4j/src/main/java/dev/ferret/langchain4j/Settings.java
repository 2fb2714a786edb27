package dev.ferret.langchain4j;

/**
 * The Ferret-specific settings of a chat model, fixed when it is built.
 *
 * @param sessions           sessions (llama.cpp contexts) serving requests at once
 * @param modelName          the name responses carry and requests may name; null = the GGUF file's name
 * @param seed               seed of the random draw when a request samples (temperature above 0); -1 = a new
 *                           random seed for every request (llama.cpp's default)
 * @param constrainToolCalls whether replies to requests with tools (tool choice AUTO) are held by a grammar to
 *                           either a well-formed call of one of the tools or a plain answer
 * @param customizer         adjusts each engine request, or null
 */
record Settings(int sessions, String modelName, int seed, boolean constrainToolCalls, GenerationCustomizer customizer) {
    Settings {
        if (sessions < 1) {
            throw new IllegalArgumentException("sessions must be at least 1, got " + sessions);
        }
    }
}
