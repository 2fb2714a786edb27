package dev.ferret.engine.chat.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpreter on its own, without the Python reference: the outputs below were produced by Python's jinja2
 * 3.1.2 under Hugging Face's settings; the hostile templates must end in a typed error, not hang or overflow.
 */
class JinjaTemplateTest {
    static String render(String template, Object... kv) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            vars.put((String) kv[i], kv[i + 1]);
        }
        return JinjaTemplate.parse(template).render(vars, Clock.fixed(Instant.ofEpochSecond(1_722_000_000L), ZoneOffset.UTC));
    }

    @Test
    void printsPythonValues() {
        assertEquals("None|True|[1, 'a', None, True, 1.5]|{'a': 'b'}|1.0|1e+20|(1,)",
                render("{{ none }}|{{ true }}|{{ [1, 'a', none, true, 1.5] }}|{{ {'a': 'b'} }}|{{ 1.0 }}|{{ 1e20 }}|{{ (1,) }}"));
        assertEquals("3|-4|2|3.5|0.1|1e-05", render("{{ 7 // 2 }}|{{ -7 // 2 }}|{{ -7 % 3 }}|{{ 7 / 2 }}|{{ 0.1 }}|{{ 0.00001 }}"));
    }

    @Test
    void tojsonIsPythonJsonDumps() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("b", "é\n\"");
        m.put("a", List.of(1, 2.0, true));
        assertEquals("{\"b\": \"é\\n\\\"\", \"a\": [1, 2.0, true]}", render("{{ m | tojson }}", "m", m));
        assertEquals("{\n  \"b\": \"é\\n\\\"\",\n  \"a\": [\n    1,\n    2.0,\n    true\n  ]\n}", render("{{ m | tojson(indent=2) }}", "m", m));
        assertEquals("\"\\u00e9\"", render("{{ 'é' | tojson(ensure_ascii=true) }}"));
    }

    @Test
    void whitespaceControlAsHuggingFaceSetsIt() {
        // trim_blocks drops the newline after a block tag, lstrip_blocks the indentation before it
        assertEquals("    text\n  v", render("  {% if true %}\n    text\n  {% endif %}\n  {{ 'v' }}\n"));
        assertEquals("123after", render("{%- for i in [1,2,3] -%}\n  {{ i }}\n{%- endfor %}\nafter"));
        assertEquals("x  y", render("x {# c #} y"));
        assertEquals("xy", render("x {#- c -#}   y"));
    }

    @Test
    void loopScopeEndsWithTheIterationNamespaceCarriesOut() {
        assertEquals("01020", render("{% set x = 0 %}{% for i in [1,2] %}{{ x }}{% set x = i %}{{ x }}{% endfor %}{{ x }}"));
        assertEquals("True", render("{% set ns = namespace(f=false) %}{% for i in [1] %}{% set ns.f = true %}{% endfor %}{{ ns.f }}"));
        assertEquals("1:2;2:3;", render("{% for x in [1,2,3] if x > 1 %}{{ loop.index }}:{{ x }};{% endfor %}"));
    }

    @Test
    void stringMethodsAndSlices() {
        assertEquals("cba|['a', 'b']|True|They'Re|x|b,c", render(
                "{{ 'abc'[::-1] }}|{{ 'a b'.split() }}|{{ 'abc'.startswith('a') }}|{{ \"they're\".title() }}|{{ ' x '.strip() }}|{{ 'a,b,c'.split(',', 1)[1] }}"));
    }

    @Test
    void strftimeNowReadsTheClock() {
        assertEquals("26 Jul 2024", render("{{ strftime_now('%d %b %Y') }}"));
    }

    @Test
    void raiseExceptionIsTyped() {
        JinjaException.Raised e = assertThrows(JinjaException.Raised.class, () -> render("{{ raise_exception('roles must alternate') }}"));
        assertEquals("roles must alternate", e.templateMessage());
    }

    @Test
    void undefinedPrintsNothingButCannotBeUsed() {
        assertEquals("|False|0", render("{{ nope }}|{{ nope is defined }}|{{ nope | length }}"));
        JinjaException.Render e = assertThrows(JinjaException.Render.class, () -> render("{{ nope.attr }}"));
        assertTrue(e.getMessage().contains("'nope' is undefined"), e.getMessage());
    }

    @Test
    void theSandboxRefusesToMutateInputs() {
        assertThrows(JinjaException.Render.class, () -> render("{{ xs.append(1) }}", "xs", List.of()));
        assertThrows(JinjaException.Render.class, () -> render("{{ m.update({'a': 1}) }}", "m", Map.of()));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        JinjaException.Syntax e = assertThrows(JinjaException.Syntax.class, () -> JinjaTemplate.parse("a\nb\n{% if x %}\nno end"));
        assertTrue(e.getMessage().contains("endif"), e.getMessage());
        assertThrows(JinjaException.Syntax.class, () -> JinjaTemplate.parse("{{ 1 + }}"));
        assertThrows(JinjaException.Syntax.class, () -> JinjaTemplate.parse("{% extends 'base.html' %}"));
        assertThrows(JinjaException.Syntax.class, () -> JinjaTemplate.parse("{{ 'unterminated }}"));
    }

    @Test
    void hostileTemplatesEndInTypedErrors() {
        // nesting deeper than the parser allows
        assertThrows(JinjaException.Syntax.class, () -> JinjaTemplate.parse("{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}"));
        assertThrows(JinjaException.Syntax.class, () -> JinjaTemplate.parse("{% if 1 %}".repeat(5000) + "{% endif %}".repeat(5000)));
        // unbounded work: steps, range, output, recursion
        assertThrows(JinjaException.Render.class, () -> render("{% for i in range(1000000) %}{% for j in range(1000000) %}{% endfor %}{% endfor %}"));
        assertThrows(JinjaException.Render.class, () -> render("{{ range(100000000) | length }}"));
        assertThrows(JinjaException.Render.class, () -> render("{{ 'x' * 1000000000 }}"));
        assertThrows(JinjaException.Render.class, () -> render("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"));
        assertThrows(JinjaException.Render.class, () -> render("{{ 2 ** 100000000 }}"));
    }
}
