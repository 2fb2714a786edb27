#!/usr/bin/python3
"""Renders the chat JSONL (mlx_lm format) into ChatML segments for TokenizerExport.

The rendering duplicates the engine's ChatTemplate (dev.ferret.engine.chat.ChatTemplate, Qwen2.5-Instruct ChatML
with tools): the models module that tokenizes cannot depend on the engine or read JSON, so the few lines live here.
Keep the two in step. Each example becomes segments (mask, text); mask 1 marks what the model must learn to write:
an assistant turn after its generation prompt "<|im_start|>assistant\\n", through its "<|im_end|>".

Output layout: segments.py (read by TokenizerExport).

    /usr/bin/python3 training/prepare_data.py --data .work/training-data --out .work/train/data
"""
import json

import segments

IM_START = "<|im_start|>"
IM_END = "<|im_end|>"
DEFAULT_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."


def dumps(obj):
    # the engine's Json.dumps: Python's default separators, key order kept, non-ASCII kept
    return json.dumps(obj, ensure_ascii=False)


def tools_section(tools):
    s = ("\n\n# Tools\n\nThese functions can be called to help answer the user.\n\n"
         "Their signatures are listed between <tools></tools> tags:\n<tools>")
    for t in tools:
        s += "\n" + dumps(t)
    s += ("\n</tools>\n\nTo call a function, write a JSON object with its name and arguments between "
          "<tool_call></tool_call> tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>")
    return s


def render(messages, tools):
    """Returns [(mask, text)] whose concatenation is ChatTemplate.render(messages, tools, false)."""
    segs = []
    i = 0
    if tools:
        system = DEFAULT_SYSTEM
        if messages and messages[0]["role"] == "system":
            system = messages[0].get("content") or ""
            i = 1
        segs.append((0, IM_START + "system\n" + system + tools_section(tools) + IM_END + "\n"))
    n = len(messages)
    while i < n:
        m = messages[i]
        role = m["role"]
        content = m.get("content") or ""
        if role in ("system", "user"):
            segs.append((0, IM_START + role + "\n" + content + IM_END + "\n"))
        elif role == "assistant":
            calls = m.get("tool_calls") or []
            # "<|im_start|>assistant\n" is the generation prompt: with calls and no content the rendered turn is
            # "<|im_start|>assistant" + "\n<tool_call>...", the same bytes
            segs.append((0, IM_START + "assistant\n"))
            body = content if (content or not calls) else ""
            first = not (content or not calls)
            for c in calls:
                f = c.get("function", c)
                call = "{\"name\": " + dumps(f["name"]) + ", \"arguments\": " + dumps(f.get("arguments", {})) + "}"
                body += ("" if first else "\n") + "<tool_call>\n" + call + "\n</tool_call>"
                first = False
            segs.append((1, body + IM_END))
            segs.append((0, "\n"))
        elif role == "tool":
            first = i == 0 or messages[i - 1]["role"] != "tool"
            last = i == n - 1 or messages[i + 1]["role"] != "tool"
            s = (IM_START + "user") if first else ""
            s += "\n<tool_response>\n" + content + "\n</tool_response>"
            if last:
                s += IM_END + "\n"
            segs.append((0, s))
        else:
            raise ValueError("unknown role " + role)
        i += 1
    # merge neighbours with the same mask, so segments are cut only where the mask changes
    merged = []
    for mask, text in segs:
        if merged and merged[-1][0] == mask:
            merged[-1] = (mask, merged[-1][1] + text)
        else:
            merged.append((mask, text))
    return merged


def main():
    segments.convert_splits_main(__doc__, ".work/training-data", ".work/train/data", "",
                                 lambda ex: render(ex["messages"], ex.get("tools") or []), "examples")


if __name__ == "__main__":
    main()
