/** LangChain4j's {@code ChatModel} and {@code StreamingChatModel} over Ferret's in-process engine. */
module dev.ferret.langchain4j {
    requires transitive dev.ferret.engine;
    // langchain4j-core 1.19.0 has no module descriptor: its automatic module name comes from the jar's file name
    requires transitive langchain4j.core;
    requires com.fasterxml.jackson.databind;

    exports dev.ferret.langchain4j;
}
