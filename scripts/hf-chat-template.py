#!/usr/bin/python3
"""Renders chat templates the way Hugging Face transformers' apply_chat_template does, with Python's jinja2.

Ferret's tests use this as the reference for its Java Jinja renderer (dev.ferret.engine.chat.jinja). It sets up
the environment as transformers does (ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks, the
loopcontrols extension, a no-op {% generation %} tag, tojson = json.dumps(ensure_ascii=False, ...),
raise_exception and strftime_now), and renders each case with messages, tools (None when absent),
add_generation_prompt and the special tokens.

Usage: hf-chat-template.py IN.json OUT.json
  IN.json:  {"cases": [{"template": "...", "messages": [...], "tools": [...] | null,
                        "add_generation_prompt": true, "bos_token": "", "eos_token": "",
                        "now": 0, "extra": {...}, "tools_undefined": false}, ...]}
            "now" (seconds since the epoch, UTC) fixes strftime_now so that renderings are reproducible.
  OUT.json: [{"text": "..."} | {"error": "..."}, ...] in the same order.
Needs jinja2 (Debian: apt-get install python3-jinja2). Exit code 3 when jinja2 is missing.
"""
import json
import sys
from datetime import datetime, timezone

try:
    import jinja2
    from jinja2 import nodes
    from jinja2.ext import Extension
    from jinja2.sandbox import ImmutableSandboxedEnvironment
except ImportError:
    sys.stderr.write("hf-chat-template: python3 jinja2 is not installed (apt-get install python3-jinja2)\n")
    sys.exit(3)


class GenerationTag(Extension):
    """transformers' AssistantTracker, minus the tracking: {% generation %}...{% endgeneration %} renders its body."""
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", []), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def environment(now):
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                       extensions=[GenerationTag, jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    # naive, like transformers' datetime.now(); a fixed "now" is read as UTC
    moment = datetime.fromtimestamp(now, tz=timezone.utc).replace(tzinfo=None) if now is not None else None
    env.globals["strftime_now"] = lambda fmt: (moment or datetime.now()).strftime(fmt)
    return env


def render(case):
    env = environment(case.get("now"))
    template = env.from_string(case["template"])
    context = dict(messages=case["messages"], add_generation_prompt=case.get("add_generation_prompt", False),
                   bos_token=case.get("bos_token", ""), eos_token=case.get("eos_token", ""))
    if case.get("tools") is not None or not case.get("tools_undefined", False):
        # transformers passes tools=None and documents=None; llama.cpp leaves tools undefined when there are none
        context.update(tools=case.get("tools"), documents=None)
    context.update(case.get("extra") or {})
    return template.render(**context)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: hf-chat-template.py IN.json OUT.json\n")
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    out = []
    for case in cases:
        try:
            out.append({"text": render(case)})
        except Exception as e:  # the error is the result for that case
            out.append({"error": type(e).__name__ + ": " + str(e)})
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
