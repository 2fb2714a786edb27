package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.engine.Prompt;
import dev.ferret.models.ModelGenerator;
import dev.ferret.models.tokenizer.SpecialTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ferret's own Jinja template ({@code chat_template.jinja}, embedded in every generated model) renders exactly
 * what the Java {@link ChatTemplate} renders, so that models trained on the Java rendering (the default models)
 * see the same prompts when the template is used; and Python's jinja2 renders it the same way.
 */
class FerretTemplateTest {
    static final Specials FERRET = specials();

    static Specials specials() {
        List<Specials.Token> t = new ArrayList<>();
        for (int i = 0; i < SpecialTokens.ALL.size(); i++) {
            t.add(new Specials.Token(2043 + i, SpecialTokens.ALL.get(i), Specials.ATTR_CONTROL));
        }
        return Specials.of(t);
    }

    static List<ChatInput> inputs() {
        List<ChatInput> out = new ArrayList<>();
        for (Conversations.Conversation c : Conversations.all()) {
            out.add(ChatInput.fromJson(c.messages(), c.tools(), c.addGenerationPrompt()));
            out.add(ChatInput.fromJson(c.messages(), c.tools(), !c.addGenerationPrompt()));
        }
        // as the agent builds them: Messages, tool calls with object arguments
        JsonNode grep = Conversations.all().get(4).tools().get(0);
        out.add(ChatInput.of(List.of(Message.system("S"), Message.user("Q"),
                Message.assistant("", List.of(ToolCall.of("grep", Json.MAPPER.createObjectNode().put("pattern", "x")))),
                Message.tool("a.py:1: x"), Message.tool("b.py:2: x")), List.of(grep), true));
        out.add(ChatInput.of(List.of(Message.user("Q")), List.of(grep), true));
        return out;
    }

    @Test
    void jinjaTemplateRendersWhatTheJavaRendererRenders() {
        JinjaChatFormat jinja = JinjaChatFormat.of(ModelGenerator.CHAT_TEMPLATE, FERRET, "<|endoftext|>", "<|im_end|>")
                .withOptions(JinjaChatFormat.Options.HUGGING_FACE);
        JavaChatFormat java = JavaChatFormat.of(FERRET);
        int n = 0;
        for (ChatInput in : inputs()) {
            List<JsonNode> tools = new ArrayList<>();
            if (in.tools() != null) {
                in.tools().forEach(tools::add);
            }
            String expected = ChatTemplate.render(JavaChatFormat.messages(in.messages()), tools, in.addGenerationPrompt());
            assertEquals(expected, jinja.renderText(in), "conversation " + n);
            // as segments too: the same special tokens at the same places, content as text
            Prompt a = jinja.render(in);
            Prompt b = java.render(in);
            assertEquals(b, a, "conversation " + n);
            assertEquals(expected, a.text());
            n++;
        }
        assertTrue(n >= 50, "conversations checked: " + n);
    }

    @Test
    void pythonJinja2RendersTheSame() throws Exception {
        HfReference.assumeAvailable();
        JinjaChatFormat jinja = JinjaChatFormat.of(ModelGenerator.CHAT_TEMPLATE, FERRET, "<|endoftext|>", "<|im_end|>")
                .withOptions(JinjaChatFormat.Options.HUGGING_FACE);
        List<ChatInput> inputs = inputs();
        List<HfReference.Case> cases = new ArrayList<>();
        for (ChatInput in : inputs) {
            cases.add(new HfReference.Case(ModelGenerator.CHAT_TEMPLATE, in.messages(), in.tools(), in.addGenerationPrompt(),
                    "<|endoftext|>", "<|im_end|>", 0, null));
        }
        List<HfReference.Result> ref = HfReference.render(cases);
        for (int i = 0; i < inputs.size(); i++) {
            assertTrue(ref.get(i).ok(), ref.get(i).error());
            assertEquals(ref.get(i).text(), jinja.renderText(inputs.get(i)), "conversation " + i);
        }
    }
}
