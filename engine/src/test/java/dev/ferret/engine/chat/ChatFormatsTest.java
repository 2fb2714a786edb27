package dev.ferret.engine.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferret.engine.Prompt;
import dev.ferret.models.ModelGenerator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which chat format a model gets, from what its GGUF carries. */
@Tag("native")
class ChatFormatsTest {
    @Test
    void theModelsTemplateWhenItHasOne() {
        ChatFormat f = ChatFormats.forTemplate("{{ messages[0].content }}", Specials.NONE, "", "");
        assertInstanceOf(JinjaChatFormat.class, f);
        assertEquals("hi", f.render(ChatInput.of(List.of(Message.user("hi")), List.of(), false)).text());
        assertEquals("the model's chat template", f.description());
    }

    @Test
    void javaRendererWithoutATemplateOrWhenItDoesNotParse() {
        ChatFormat none = ChatFormats.forTemplate(null, Specials.NONE, "", "");
        assertInstanceOf(JavaChatFormat.class, none);
        assertTrue(none.description().contains("no chat template"), none.description());
        ChatFormat broken = ChatFormats.forTemplate("{% if %}", Specials.NONE, "", "");
        assertInstanceOf(JavaChatFormat.class, broken);
        assertTrue(broken.description().contains("does not parse"), broken.description());
        Prompt p = none.render(ChatInput.of(List.of(Message.user("hi")), List.of(), true));
        assertEquals(ChatTemplate.render(List.of(Message.user("hi")), List.of(), true), p.text());
    }

    @Test
    void theDefaultModelsEarlierTemplateIsReplacedByFerretsOwn() {
        java.nio.file.Path base = java.nio.file.Path.of("..", "models", "default", "ferret-small-base-q4_k.gguf").toAbsolutePath().normalize();
        String carried = dev.ferret.gguf.GgufFile.read(base).getString("tokenizer.chat_template");
        assertEquals(ChatFormats.LEGACY_FERRET_TEMPLATE_SHA256, ChatFormats.sha256(carried));
        ChatFormat f = ChatFormats.forTemplate(carried, Specials.NONE, "", "");
        assertTrue(f.description().startsWith("Ferret's own chat template"), f.description());
        assertEquals(ModelGenerator.CHAT_TEMPLATE, ((JinjaChatFormat) f).source());
        List<Message> conv = List.of(Message.system("S"), Message.user("Q"));
        List<com.fasterxml.jackson.databind.JsonNode> tools = List.of(Conversations.all().get(4).tools().get(0));
        assertEquals(ChatTemplate.render(conv, tools, true), f.render(ChatInput.of(conv, tools, true)).text());
    }
}
