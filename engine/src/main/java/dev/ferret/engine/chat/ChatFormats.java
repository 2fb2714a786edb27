package dev.ferret.engine.chat;

import dev.ferret.engine.Model;
import dev.ferret.engine.chat.jinja.JinjaException;
import dev.ferret.models.ModelGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Picks how a model's prompts are written:
 * <ul>
 * <li>the GGUF's {@code tokenizer.chat_template}, rendered as Hugging Face renders it ({@link JinjaChatFormat});</li>
 * <li>the template Ferret's earlier generated models (and the shipped default models) carry, which was never
 *     rendered and words the tools section differently from what those models were trained on, is replaced by
 *     Ferret's own template, which renders what they were trained on;</li>
 * <li>no template, or one that does not parse: Ferret's Java renderer ({@link JavaChatFormat}), with a warning for
 *     the latter.</li>
 * </ul>
 */
public final class ChatFormats {
    private static final System.Logger LOG = System.getLogger(ChatFormats.class.getName());

    /** SHA-256 of the template text that ModelGenerator embedded before Ferret rendered templates. */
    static final String LEGACY_FERRET_TEMPLATE_SHA256 = "ef62ec973e317ffe5f737cbd3ac8a73f5afa806bb778013751e6c4af5a51349a";

    private ChatFormats() {}

    /** The chat format of a loaded model. */
    public static ChatFormat forModel(Model model) {
        String source = model.gguf().contains("tokenizer.chat_template") ? model.gguf().getString("tokenizer.chat_template") : null;
        return forTemplate(source, model.specials(), model.bosText(), model.eosText());
    }

    /** The chat format for a template text (null or blank: none) over a vocabulary's specials. */
    public static ChatFormat forTemplate(String source, Specials specials, String bosToken, String eosToken) {
        if (source == null || source.isBlank()) {
            return new JavaChatFormat(specials, "Ferret's Java renderer (ChatML with tools, Qwen2.5 layout): the model has no chat template");
        }
        String description = "the model's chat template";
        if (LEGACY_FERRET_TEMPLATE_SHA256.equals(sha256(source))) {
            source = ModelGenerator.CHAT_TEMPLATE;
            description = "Ferret's own chat template (the model carries the earlier, unrendered version)";
        }
        try {
            return JinjaChatFormat.of(source, specials, bosToken, eosToken).withDescription(description);
        } catch (JinjaException.Syntax e) {
            LOG.log(System.Logger.Level.WARNING, "the model's chat template does not parse (" + e.getMessage()
                    + "); using Ferret's Java renderer instead");
            return new JavaChatFormat(specials, "Ferret's Java renderer: the model's chat template does not parse (" + e.getMessage() + ")");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
