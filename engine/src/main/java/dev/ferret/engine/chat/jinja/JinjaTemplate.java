package dev.ferret.engine.chat.jinja;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Jinja template rendered with the semantics of Python's jinja2 as Hugging Face's
 * {@code apply_chat_template} sets it up: {@code trim_blocks} and {@code lstrip_blocks} on, one trailing newline
 * of the template dropped, loop controls ({@code break}, {@code continue}), {@code {% generation %}} accepted,
 * the sandbox's refusal to mutate values, {@code tojson} as {@code json.dumps(ensure_ascii=False)}, and the
 * globals {@code raise_exception} and {@code strftime_now}. Values print, compare and compute as in Python
 * ({@code True}, {@code None}, {@code ['a', 1]}, {@code 7 // 2}, {@code 'abc'[::-1]}, string methods such as
 * {@code strip}, {@code split}, {@code startswith}).
 *
 * {@snippet :
 * JinjaTemplate t = JinjaTemplate.parse(
 *         "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}");
 * String prompt = t.render(Map.of("messages", List.of(Map.of("role", "user", "content", "Hi"))));
 * }
 *
 * <p>Not supported (a {@link JinjaException.Syntax} says so): template inheritance and includes
 * ({@code extends}, {@code block}, {@code include}, {@code import}), recursive loops, autoescaping. A template
 * cannot exhaust the process: output, loop steps, {@code range}, nesting and macro recursion are bounded, and
 * every failure is a {@link JinjaException}. Instances are immutable and may be shared between threads.
 */
public final class JinjaTemplate {
    private final String source;
    private final List<Node.Stmt> body;

    private JinjaTemplate(String source, List<Node.Stmt> body) {
        this.source = source;
        this.body = body;
    }

    /** Parses {@code source}; a {@link JinjaException.Syntax} names the line of the first problem. */
    public static JinjaTemplate parse(String source) {
        Objects.requireNonNull(source, "source");
        try {
            return new JinjaTemplate(source, Parser.parse(source));
        } catch (StackOverflowError e) {
            throw new JinjaException.Syntax("template nested too deeply", 0);
        }
    }

    public String source() {
        return source;
    }

    /** Renders with {@code strftime_now} reading the system clock. */
    public String render(Map<String, ?> variables) {
        return render(variables, Clock.systemDefaultZone());
    }

    /**
     * Renders with the given variables (Java or Jackson values, converted with {@link Values#of}); the template
     * functions {@code range}, {@code namespace}, {@code dict}, {@code joiner}, {@code raise_exception} and
     * {@code strftime_now} (reading {@code clock}) are defined unless a variable of that name replaces them.
     */
    public String render(Map<String, ?> variables, Clock clock) {
        return render(variables, clock, false);
    }

    /**
     * As {@link #render(Map, Clock)}, except that {@code +} with a str operand joins the text of both operands
     * (Undefined as nothing) instead of failing, as llama.cpp's template engine does. Only for probing what a
     * template can render: a template that needs variables of its own (FireFunction's {@code functions}) still
     * shows how it renders tool calls.
     */
    public String renderLenient(Map<String, ?> variables, Clock clock) {
        return render(variables, clock, true);
    }

    private String render(Map<String, ?> variables, Clock clock, boolean lenient) {
        Map<String, Object> globals = new HashMap<>(Builtins.globals(clock));
        variables.forEach((k, v) -> globals.put(k, v instanceof PyCallable ? v : Values.of(v)));
        try {
            return new Interpreter(globals, lenient).run(body);
        } catch (PyError e) {
            throw new JinjaException.Render(e.getMessage(), 0);
        } catch (StackOverflowError e) {
            throw new JinjaException.Render("template recursion too deep for this thread's stack", 0);
        }
    }
}
