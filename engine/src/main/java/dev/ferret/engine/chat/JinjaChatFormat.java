package dev.ferret.engine.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ferret.engine.Prompt;
import dev.ferret.engine.chat.jinja.JinjaException;
import dev.ferret.engine.chat.jinja.JinjaTemplate;
import dev.ferret.engine.chat.jinja.Values;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model's own chat template ({@code tokenizer.chat_template}), rendered with Hugging Face's
 * {@code apply_chat_template} semantics: variables {@code messages}, {@code tools} (None without tools),
 * {@code add_generation_prompt}, {@code bos_token}, {@code eos_token} and any extra ones, rendered by
 * {@link JinjaTemplate}. When the template cannot render part of a conversation (no system role, tool calls it
 * ignores, ...), the conversation is first rewritten as llama.cpp does ({@link Polyfills}); a template that
 * handles everything, such as Qwen2.5's, renders exactly what Hugging Face renders.
 *
 * <p>The result is a {@link Prompt}: special-token text the template writes becomes special segments, and
 * special-token text inside the conversation stays text ({@link ContentGuard}).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class JinjaChatFormat implements ChatFormat {
    private static final System.Logger LOG = System.getLogger(JinjaChatFormat.class.getName());

    /**
     * @param polyfills rewrite what the template cannot render at all: system messages without a system role,
     *     tools it does not describe, tool calls or tool messages it ignores, string content it needs typed
     *     (llama.cpp does; Hugging Face does not, and the template then drops or refuses them)
     * @param objectArguments also parse JSON-string tool-call arguments into objects for templates that only
     *     render objects (llama.cpp does; Hugging Face renders the string as given, e.g. as a JSON string)
     * @param toolsUndefinedWhenAbsent leave {@code tools} undefined instead of None when there are none
     *     (llama.cpp's way; Hugging Face passes None)
     */
    public record Options(boolean polyfills, boolean objectArguments, boolean toolsUndefinedWhenAbsent) {
        /**
         * Ferret's default: Hugging Face's rendering, plus llama.cpp's rewrites where a template would otherwise
         * lose part of the conversation. A template that renders everything (Qwen2.5, Llama 3.x, Hermes, Mistral
         * Nemo, Ferret's own) renders exactly as Hugging Face renders it.
         */
        public static final Options DEFAULT = new Options(true, false, false);
        /** Exactly Hugging Face's {@code apply_chat_template}. */
        public static final Options HUGGING_FACE = new Options(false, false, false);
        /** Exactly llama.cpp b4980's Jinja path (minja's chat template with its polyfills). */
        public static final Options LLAMA_CPP = new Options(true, true, true);
    }

    private final String source;
    private final JinjaTemplate template;
    private final Specials specials;
    private final String bosToken;
    private final String eosToken;
    private final Options options;
    private final Clock clock;
    private final TemplateCaps caps;
    private final ToolCallFormat toolCalls;
    private final String description;

    private JinjaChatFormat(String source, JinjaTemplate template, Specials specials, String bosToken, String eosToken,
                            Options options, Clock clock, TemplateCaps caps, String description) {
        this.source = source;
        this.template = template;
        this.specials = specials;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        this.options = options;
        this.clock = clock;
        this.description = description;
        this.toolCalls = ToolCallFormat.detect(source);
        this.caps = caps != null ? caps : TemplateCaps.probe(this::probeRender, this::probeApply, eosToken);
    }

    /**
     * A template over a vocabulary's specials, with its BOS and EOS token text (empty when the vocabulary has
     * none).
     *
     * @throws JinjaException.Syntax when the template does not parse
     */
    public static JinjaChatFormat of(String source, Specials specials, String bosToken, String eosToken) {
        Objects.requireNonNull(source, "source");
        return new JinjaChatFormat(source, JinjaTemplate.parse(source), specials, Objects.requireNonNullElse(bosToken, ""),
                Objects.requireNonNullElse(eosToken, ""), Options.DEFAULT, Clock.systemDefaultZone(), null, "the model's chat template");
    }

    public JinjaChatFormat withOptions(Options o) {
        return new JinjaChatFormat(source, template, specials, bosToken, eosToken, o, clock, caps, description);
    }

    /** The clock {@code strftime_now} reads (templates that write today's date). */
    public JinjaChatFormat withClock(Clock c) {
        return new JinjaChatFormat(source, template, specials, bosToken, eosToken, options, c, caps, description);
    }

    JinjaChatFormat withDescription(String d) {
        return new JinjaChatFormat(source, template, specials, bosToken, eosToken, options, clock, caps, d);
    }

    public String source() {
        return source;
    }

    public TemplateCaps caps() {
        return caps;
    }

    public String bosToken() {
        return bosToken;
    }

    public String eosToken() {
        return eosToken;
    }

    @Override
    public ToolCallFormat toolCalls() {
        return toolCalls;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Prompt render(ChatInput input) {
        ContentGuard guard = ContentGuard.of(specials, source, input.messages().toString(),
                input.tools() == null ? null : input.tools().toString(), String.valueOf(input.extra()));
        ArrayNode messages = guard.guardMessages(input.messages());
        ArrayNode tools = input.tools() == null ? null : (ArrayNode) guard.guard(input.tools());
        String rendered = render(messages, tools, input.addGenerationPrompt(), input.extra(), options, caps, clock);
        if (guard.replacedAny()) {
            String plain = renderText(input);
            if (!guard.restore(rendered).equals(plain)) {
                LOG.log(System.Logger.Level.WARNING, "the chat template treats special-token text inside the conversation"
                        + " differently from other text; the prompt keeps that text as plain text");
            }
        }
        return specials.partition(rendered, guard::restore);
    }

    /** The template's output as one string, exactly as Hugging Face (with these options) would render it. */
    public String renderText(ChatInput input) {
        return render(ContentGuard.unmarked(input.messages()), input.tools(), input.addGenerationPrompt(), input.extra(), options, caps, clock);
    }

    /** The messages the template is given for {@code input}: after this format's rewrites, if any apply. */
    ArrayNode preparedMessages(ChatInput input) {
        ArrayNode messages = ContentGuard.unmarked(input.messages());
        return options.polyfills() || options.objectArguments() ? Polyfills.apply(caps, messages, input.tools(), options) : messages;
    }

    private String render(ArrayNode messages, ArrayNode tools, boolean addGenerationPrompt, Map<String, Object> extra,
                          Options o, TemplateCaps c, Clock k) {
        return render(messages, tools, addGenerationPrompt, extra, o, c, k, false);
    }

    private String render(ArrayNode messages, ArrayNode tools, boolean addGenerationPrompt, Map<String, Object> extra,
                          Options o, TemplateCaps c, Clock k, boolean lenient) {
        ArrayNode actual = o.polyfills() || o.objectArguments() ? Polyfills.apply(c, messages, tools, o) : messages;
        Map<String, Object> vars = new HashMap<>();
        vars.put("messages", Values.json(actual));
        if (tools != null) {
            vars.put("tools", Values.json(tools));
        } else if (!o.toolsUndefinedWhenAbsent()) {
            vars.put("tools", null);
            vars.put("documents", null);
        }
        vars.put("add_generation_prompt", addGenerationPrompt);
        vars.put("bos_token", bosToken);
        vars.put("eos_token", eosToken);
        extra.forEach((key, v) -> vars.put(key, v instanceof JsonNode n ? Values.json(n) : v));
        return lenient ? template.renderLenient(vars, k) : template.render(vars, k);
    }

    private static final Clock PROBE_CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    /**
     * A probe rendering as llama.cpp makes it: no polyfills, tools undefined when absent, time 0, strings joined
     * as llama.cpp's engine joins them; "" on failure.
     */
    private String probeRender(ArrayNode messages, ArrayNode tools) {
        try {
            return render(messages, tools, false, Map.of(), new Options(false, false, true), null, PROBE_CLOCK, true);
        } catch (JinjaException | IllegalArgumentException e) {
            return "";
        }
    }

    private String probeApply(TemplateCaps c, ArrayNode messages, boolean addGenerationPrompt) {
        return render(messages, null, addGenerationPrompt, Map.of(), Options.LLAMA_CPP, c, clock);
    }
}
