package dev.ferret.modcheck;

import dev.ferret.engine.GenerationRequest;
import dev.ferret.engine.Model;
import dev.ferret.engine.ModelOptions;
import dev.ferret.engine.Session;
import dev.ferret.gguf.GgufType;
import dev.ferret.langchain4j.FerretChatModel;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.ModelSpec;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uses Ferret the way a modular application does: only exported packages, the native library reached through
 * the module {@code dev.ferret.llama} (run with {@code --enable-native-access=dev.ferret.llama} and
 * {@code --illegal-native-access=deny}, so that a restricted call from any other module fails). Generates a model,
 * runs a session and a LangChain4j chat on it, and checks that the internal package stays hidden.
 */
public final class ModulePathCheck {
    private ModulePathCheck() {
    }

    public static void main(String[] args) throws Exception {
        Module llama = Model.class.getModule().getLayer().findModule("dev.ferret.llama").orElseThrow();
        check(Model.class.getModule().isNamed(), "dev.ferret.engine is not a named module (on the class path?)");
        check(!llama.isExported("dev.ferret.llama.internal"), "dev.ferret.llama.internal is exported");
        check(llama.isNativeAccessEnabled(), "dev.ferret.llama has no native access");

        Path dir = Files.createTempDirectory("ferret-modcheck");
        Path file = new ModelGenerator(ModelSpec.tiny()).weightType(GgufType.Q8_0).seed(1).write(dir.resolve("tiny.gguf"));
        ModelOptions opts = ModelOptions.defaults().withContextSize(256).withThreads(1);
        try (Model model = Model.load(file, opts)) {
            try (Session s = model.newSession()) {
                var g = s.generate("hello", GenerationRequest.greedy(8), null);
                check(g.generatedTokens() > 0, "the session generated nothing");
                System.out.println("engine: generated " + g.generatedTokens() + " tokens on the module path");
            }
            try (FerretChatModel chat = FerretChatModel.builder().model(model).maxOutputTokens(8).build()) {
                ChatResponse r = chat.chat(UserMessage.from("hello"));
                check(r.tokenUsage().outputTokenCount() > 0, "the chat model generated nothing");
                System.out.println("langchain4j: " + r.tokenUsage().outputTokenCount() + " tokens, finish " + r.finishReason());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        System.out.println("module path: ok");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new AssertionError(problem);
        }
    }
}
