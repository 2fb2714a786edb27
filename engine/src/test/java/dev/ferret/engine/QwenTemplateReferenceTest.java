package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.chat.ChatFormat;
import dev.ferret.engine.chat.ChatFormats;
import dev.ferret.engine.chat.ChatInput;
import dev.ferret.engine.chat.Conversations;
import dev.ferret.engine.chat.HfReference;
import dev.ferret.engine.chat.JinjaChatFormat;
import dev.ferret.engine.chat.LlamaSource;
import dev.ferret.gguf.GgufFile;
import dev.ferret.gguf.GgufWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A model that carries Qwen2.5-7B-Instruct's chat template (llama.cpp b4980's {@code models/templates} copy)
 * renders every test conversation (with and without system turn, with and without tools, several calls in one
 * turn, consecutive tool results, string and object arguments, non-ASCII text) byte for byte as Hugging Face's
 * {@code apply_chat_template} does with Python's jinja2; through {@link ChatFormats#forModel}, the path
 * {@code ferret prompt} and the agent take.
 */
@Tag("native")
class QwenTemplateReferenceTest {
    @Test
    void promptsEqualTheHuggingFaceRendering() throws Exception {
        Path src = LlamaSource.require();
        HfReference.assumeAvailable();
        String qwen = Files.readString(src.resolve("models/templates/Qwen-Qwen2.5-7B-Instruct.jinja"));
        Path file = TestModels.dir().resolve("qwen25-template-ref.gguf");
        GgufWriter.copyOf(GgufFile.read(TestModels.tinyQ4())).putString("tokenizer.chat_template", qwen).write(file);
        try (Model model = Model.load(file, TestModels.small())) {
            ChatFormat format = ChatFormats.forModel(model);
            assertTrue(format instanceof JinjaChatFormat, format.description());
            List<Conversations.Conversation> convs = Conversations.all();
            List<HfReference.Case> cases = new ArrayList<>();
            for (Conversations.Conversation c : convs) {
                cases.add(new HfReference.Case(qwen, c.messages(), c.tools(), c.addGenerationPrompt(), model.bosText(), model.eosText(), 0, null));
            }
            List<HfReference.Result> ref = HfReference.render(cases);
            int same = 0;
            for (int i = 0; i < convs.size(); i++) {
                Conversations.Conversation c = convs.get(i);
                assertTrue(ref.get(i).ok(), c.name() + ": " + ref.get(i).error());
                Prompt p = format.render(ChatInput.fromJson(c.messages(), c.tools(), c.addGenerationPrompt()));
                assertEquals(ref.get(i).text(), p.text(), c.name());
                same++;
            }
            assertTrue(same >= 20, "conversations: " + same);
        }
    }
}
