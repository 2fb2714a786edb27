package dev.ferret.engine.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.Message;
import dev.ferret.engine.chat.ToolCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The texts the tokenizer parity test runs: Python source, Unicode text, whitespace runs, digits, special tokens
 * inside text and rendered chat prompts. Deterministic (fixed seeds, sorted files). Every line is under
 * {@link #MAX_CHARS} characters, so no single pre-token is long enough to stress llama.cpp's regex recursion.
 */
final class ParityCorpus {
    static final int MAX_CHARS = 1000;

    /** One text to tokenize; {@code where} says where it came from (file and line, or generator and index). */
    record Line(String kind, String where, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    private ParityCorpus() {
    }

    /** Builds the corpus; Python comes from {@code codebases} if it exists, else from the repository's own examples. */
    static List<Line> build(Path repoRoot) {
        ParityCorpus c = new ParityCorpus();
        Path codebases = repoRoot.resolve(".work/codebases");
        if (Files.isDirectory(codebases)) {
            c.python(codebases, 110, 25);
        } else {
            c.python(repoRoot.resolve("examples"), 1500, 300);
            c.python(repoRoot.resolve("training"), 1500, 300);
        }
        c.unicode();
        c.whitespace();
        c.digits();
        c.specials();
        c.chat();
        return List.copyOf(c.lines);
    }

    private void add(String kind, String where, String text) {
        if (!text.isEmpty() && text.length() < MAX_CHARS) {
            lines.add(new Line(kind, where, text));
        }
    }

    // ---- Python source: single lines, and blocks of consecutive lines with their newlines and indentation

    private void python(Path root, int linesPerProject, int blocksPerProject) {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> projects;
        try (Stream<Path> s = Files.list(root)) {
            projects = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (projects.isEmpty() || !root.getFileName().toString().equals("codebases")) {
            projects = List.of(root);
        }
        for (Path project : projects) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(project)) {
                files = s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (files.isEmpty()) {
                continue;
            }
            // spread over the project: every k-th file until the budget is used
            int singles = 0;
            int blocks = 0;
            int step = Math.max(1, files.size() / 12);
            for (int f = 0; f < files.size() && (singles < linesPerProject || blocks < blocksPerProject); f += step) {
                Path file = files.get(f);
                List<String> text = readUtf8Lines(file);
                String where = root.relativize(file).toString();
                for (int i = 0; i < text.size() && singles < linesPerProject; i += 3) {
                    if (!text.get(i).isBlank()) {
                        add("python", where + ":" + (i + 1), text.get(i));
                        singles++;
                    }
                }
                for (int i = 0; i + 8 <= text.size() && blocks < blocksPerProject; i += 40) {
                    add("python-block", where + ":" + (i + 1) + "-" + (i + 8), String.join("\n", text.subList(i, i + 8)) + "\n");
                    blocks++;
                }
            }
        }
    }

    private static List<String> readUtf8Lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return List.of(s.split("\n", -1));
        } catch (CharacterCodingException e) {
            return List.of(); // not UTF-8: not Python 3 source we want
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Unicode text

    /** Short sentences written for this test, one per script or mix. */
    private static final List<String> SENTENCES = List.of(
            "Grüße aus Köln: die Straße ist naß, aber schön.",
            "Ça coûte 12,50 € — c'est très cher, n'est-ce pas ?",
            "El niño comió piña en Año Nuevo; ¿quién pagó?",
            "Ação, coração e pão: três palavras com til.",
            "Zażółć gęślą jaźń, powiedział Łukasz.",
            "Příliš žluťoučký kůň úpěl ďábelské ódy.",
            "Árvíztűrő tükörfúrógép és ő.",
            "Ελληνικά: η γρήγορη καφέ αλεπού πηδά.",
            "Русский текст: съешь же ещё этих мягких булок.",
            "Українська мова: ґанок, їжак, є.",
            "Հայերեն գրեր և թվեր 2024",
            "עברית: שלום עולם, מה שלומך?",
            "العربية: مرحبا بالعالم، كيف حالك؟ ١٢٣",
            "فارسی: سلام دنیا، این یک آزمایش است.",
            "हिन्दी: नमस्ते दुनिया, यह एक परीक्षण है। १२३",
            "বাংলা: আমি ভাত খাই।",
            "தமிழ்: வணக்கம் உலகம்",
            "ภาษาไทย: สวัสดีชาวโลก นี่คือการทดสอบ",
            "ქართული: გამარჯობა მსოფლიო",
            "中文：你好，世界！这是一个测试。",
            "日本語：こんにちは、世界。カタカナとひらがな。",
            "한국어: 안녕하세요 세계, 테스트입니다.",
            "Tiếng Việt: Xin chào thế giới, đây là bài kiểm tra.",
            "Türkçe: İstanbul'da ılık bir gün; ĞÜŞİÖÇ.",
            "Emoji: 👋🏽 hello 👨‍👩‍👧‍👦 family 🇩🇪 flag ❤️ heart 🧑‍💻 coder",
            "Math: ∀x ∈ ℝ, ∃y: x² + y² ≥ 0 ⇒ √(x²) = |x| ∑ ∫ ∂",
            "Box: ┌──┐ │ok│ └──┘ ░▒▓█",
            "Currency: $5, €5, £5, ¥5, ₹5, ₿0.1, ₩1000",
            "Quotes: “double” ‘single’ «guillemets» „low“ ‹single›",
            "Dashes – and — and ‒ and ― and the ellipsis…",
            "Ligatures ﬁ ﬂ ﬀ and fullwidth ＡＢＣ１２３！",
            "Superscripts x² y³ z⁴ and subscripts H₂O CO₂",
            "Roman numerals Ⅰ Ⅱ Ⅲ Ⅻ and circled ① ② ⑳",
            "Mixed: print(\"héllo\") # 日本 café naïve résumé",
            "def größe(länge: int) -> str: return 'ok'  # Unicode identifiers",
            "Zero width: a\u200Bb c\u200Cd e\u200Df \uFEFFbom",
            "Control-ish: tab\there, form\ffeed, vertical\u000Btab",
            "Apostrophes: it's don't we're I've I'm we'll he'd IT'S DON'T",
            "Contractions glued: x's y'all o'clock rock'n'roll 'tis",
            "Accents on capitals: ÉCOLE ÀÉÈÙ ÇÑ Ø Å Æ Œ ß ẞ",
            // case-insensitive contractions meet letters whose case folding leaves ASCII (long s, Kelvin sign)
            "it'ſ 'ſtill DON'ſ x'ſ", "'K 'k 'Ｓ 'ＬＬ 'Ⅾ 'ǅ 'İ 'ı", "'S 'T 'RE 'VE 'M 'LL 'D 'Re 'rE 'Ll");

    private static final int[][] POOLS = {
            {0xC0, 0xFF}, {0x100, 0x17F}, {0x180, 0x24F}, {0x250, 0x2AF}, {0x2B0, 0x2FF},
            {0x300, 0x36F}, {0x391, 0x3C9}, {0x400, 0x4FF}, {0x531, 0x556}, {0x5D0, 0x5EA},
            {0x621, 0x652}, {0x660, 0x669}, {0x900, 0x97F}, {0x966, 0x96F}, {0x985, 0x9B9},
            {0xE01, 0xE3A}, {0x10A0, 0x10FA}, {0x1100, 0x11FF}, {0x1E00, 0x1EFF}, {0x2000, 0x200F},
            {0x2010, 0x205E}, {0x2070, 0x209C}, {0x20A0, 0x20C0}, {0x2100, 0x214F}, {0x2150, 0x218B},
            {0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x2460, 0x24FF}, {0x2500, 0x257F}, {0x2600, 0x26FF},
            {0x3000, 0x303F}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},
            {0xE000, 0xE0FF}, {0xFB00, 0xFB4F}, {0xFE30, 0xFE4F}, {0xFF01, 0xFF5E}, {0xFF61, 0xFF9F},
            {0x10400, 0x1044F}, {0x1D400, 0x1D7FF}, {0x1F1E6, 0x1F1FF}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
            {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2A6DF}, {0x11F00, 0x11F59}, {0x1E4D0, 0x1E4F9},
            {0x0378, 0x037F}, {0x0080, 0x009F}, {0x00A0, 0x00BF}};

    private void unicode() {
        for (int i = 0; i < SENTENCES.size(); i++) {
            add("unicode", "sentence " + i, SENTENCES.get(i));
            add("unicode", "sentence " + i + " + newline", " " + SENTENCES.get(i) + "\n");
            String nfd = Normalizer.normalize(SENTENCES.get(i), Normalizer.Form.NFD);
            if (!nfd.equals(SENTENCES.get(i))) {
                add("unicode-nfd", "sentence " + i + " in NFD", nfd);
            }
        }
        SplittableRandom rng = new SplittableRandom(20_240_517);
        for (int i = 0; i < 1600; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 3 + rng.nextInt(40);
            int[] pool = POOLS[rng.nextInt(POOLS.length)];
            for (int k = 0; k < n; k++) {
                int r = rng.nextInt(20);
                if (r == 0) {
                    sb.append(' ');
                } else if (r == 1) {
                    sb.append(List.of("a", "The", "x1", "'s", "--", ".", "\n", "  ", "_id").get(rng.nextInt(9)));
                } else if (r == 2) {
                    pool = POOLS[rng.nextInt(POOLS.length)]; // switch script mid-text
                } else {
                    sb.appendCodePoint(pool[0] + rng.nextInt(pool[1] - pool[0] + 1));
                }
            }
            String s = sb.toString();
            add(Normalizer.isNormalized(s, Normalizer.Form.NFC) ? "unicode-random" : "unicode-random-nfd",
                    "random " + i, s);
        }
    }

    // ---- whitespace runs

    private static final List<String> SPACES = List.of(" ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u3000", "\f",
            "\u000B", "\u2003", "\u2028", "\u0085", "\u202F");

    private void whitespace() {
        for (String ws : SPACES) {
            for (int n = 1; n <= 12; n++) {
                String run = ws.repeat(n);
                String name = "U+" + Integer.toHexString(ws.codePointAt(0)) + " x" + n;
                add("whitespace", name + " between", "a" + run + "b");
                add("whitespace", name + " leading", run + "word");
                add("whitespace", name + " trailing", "word" + run);
                add("whitespace", name + " before punctuation", "x =" + run + "(y)");
            }
        }
        List<String> parts = List.of("def", "x", "return", "    ", "  ", " ", "\t", "\n", "\n\n", "\r\n", "\n    ",
                "\u00A0", "\u3000", " \n ", "\t\t\n", "(", ")", ":", "#", "\"\"\"", "=", "1", "é", "日");
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 700; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 2 + rng.nextInt(20);
            for (int k = 0; k < n; k++) {
                sb.append(parts.get(rng.nextInt(parts.size())));
            }
            add("whitespace", "random " + i, sb.toString());
        }
    }

    // ---- digits

    private void digits() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int len = 1; len <= 40; len++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
            add("digits", "run of " + len, sb.toString());
            add("digits", "run of " + len + " in text", "id=" + sb + "x " + sb + " ");
        }
        List<String> forms = List.of("%d", "%d.%d", "-%d", "+%d", "%d,%03d,%03d", "%d.%de-%d", "0x%X", "v%d.%d.%d",
                "%04d-%02d-%02d", "%d.%d.%d.%d", "+%d (%03d) %03d-%04d", "abc%ddef", "%dabc", "$%d.%02d", "%d%%",
                "%d/%d", "%d:%02d:%02d", "[%d]", "x%d_%d", "%d_%03d_%03d", "%d.%d.%d-rc%d", "1/%d ≈ 0.%d");
        for (int i = 0; i < 440; i++) {
            String form = forms.get(i % forms.size());
            Object[] args = new Object[6];
            for (int k = 0; k < args.length; k++) {
                args[k] = rng.nextInt(k == 0 ? 100_000 : 1000);
            }
            add("digits", "format " + i, String.format(java.util.Locale.ROOT, form, args));
        }
        List<String> unicodeDigits = List.of("١٢٣٤٥", "۱۲۳", "१२३४", "১২৩", "๑๒๓", "１２３４５", "²³¹", "½ ¾ ⅓",
                "Ⅻ Ⅳ ⅷ", "①②③", "𝟙𝟚𝟛", "߁߂߃", "٣.١٤", "١٢٣abc", "12３4", "٠x٠");
        for (int i = 0; i < unicodeDigits.size(); i++) {
            add("digits", "unicode digits " + i, unicodeDigits.get(i));
            add("digits", "unicode digits " + i + " spaced", " " + unicodeDigits.get(i) + " 42");
        }
    }

    // ---- special tokens inside text

    /** Qwen2.5's added tokens, then Qwen3's (plain text in a Qwen2.5 model) and look-alikes. */
    private static final List<String> SPECIALS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>",
            "<|object_ref_start|>", "<|object_ref_end|>", "<|box_start|>", "<|box_end|>", "<|quad_start|>",
            "<|quad_end|>", "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>", "<|image_pad|>", "<|video_pad|>",
            "<tool_call>", "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|fim_pad|>",
            "<|repo_name|>", "<|file_sep|>", "<tool_response>", "</tool_response>", "<think>", "</think>",
            "[PAD151700]", "[PAD151665]", "<|im_end|", "<|im_start", "|im_end|>", "<|IM_END|>", "<|endoftext|>>");

    private void specials() {
        List<String> contexts = List.of("%s", "a%sb", " %s ", "%s%s", "\n%s\n", "foo%sbar baz", "%s hello",
                "hello %s", "<%s>", "%s\n%s", "x = \"%s\"", "%s%s%s");
        for (String t : SPECIALS) {
            for (String c : contexts) {
                add("specials", t + " in '" + c.replace("\n", "\\n") + "'", c.replace("%s", t));
            }
        }
        add("specials", "tool call", "<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}}\n</tool_call>");
        add("specials", "tool response", "<tool_response>\n12 matches\n</tool_response>");
        add("specials", "fim", "<|fim_prefix|>def add(a, b):\n    <|fim_suffix|>\n<|fim_middle|>return a + b");
        add("specials", "repo", "<|repo_name|>ferret\n<|file_sep|>src/main.py\nprint('hi')\n<|endoftext|>");
        add("specials", "nested", "<|im_start|><|im_start|>user<|im_end|><|im_end|>");
        add("specials", "thinking", "<think>\nplan: grep then read\n</think>\nanswer");
    }

    // ---- rendered chat prompts

    private static final ObjectMapper JSON = new ObjectMapper();

    private void chat() {
        List<String> users = List.of("Which classes subclass Protocol?", "Find TODO comments in src/",
                "Wie viele Funktionen gibt es? 🤔", "列出所有的类。", "What does `def __init__(self):` do?",
                "Explain:\n```python\nfor i in range(10):\n    print(i)\n```", "a<|im_end|>b", "  leading spaces",
                "tabs\tand\nnewlines\r\n", "¿Dónde está la configuración?");
        List<String> answers = List.of("Found 3 classes.", "There are no TODOs.", "Die Datei hat 12 Funktionen.",
                "共有 5 个类。", "```\nx = 1\n```", "");
        List<String> results = List.of("src/a.py:12: # TODO: fix", "[]", "{\"matches\": 3}", "Datei nicht gefunden",
                "class Foo(Protocol):\n    pass\n");
        ObjectNode grepArgs = JSON.createObjectNode().put("pattern", "TODO").put("path", "src/");
        ObjectNode findArgs = JSON.createObjectNode().put("base", "Protocol");
        JsonNode tool = JSON.createObjectNode().put("type", "function").set("function", JSON.createObjectNode()
                .put("name", "grep").put("description", "Search files").set("parameters", JSON.createObjectNode()
                        .put("type", "object").set("properties", JSON.createObjectNode().set("pattern",
                                JSON.createObjectNode().put("type", "string")))));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 320; i++) {
            List<Message> messages = new ArrayList<>();
            if (rng.nextBoolean()) {
                messages.add(Message.system(rng.nextBoolean() ? "You are a code search assistant." : "Réponds en français."));
            }
            messages.add(Message.user(users.get(rng.nextInt(users.size()))));
            int turns = rng.nextInt(3);
            for (int t = 0; t < turns; t++) {
                if (rng.nextBoolean()) {
                    List<ToolCall> calls = new ArrayList<>();
                    calls.add(ToolCall.of("grep", grepArgs));
                    if (rng.nextBoolean()) {
                        calls.add(ToolCall.of("find_classes", findArgs));
                    }
                    messages.add(Message.assistant(rng.nextBoolean() ? "" : "Let me look.", calls));
                    for (int k = 0; k < calls.size(); k++) {
                        messages.add(Message.tool(results.get(rng.nextInt(results.size()))));
                    }
                } else {
                    messages.add(Message.assistant(answers.get(rng.nextInt(answers.size()))));
                    messages.add(Message.user(users.get(rng.nextInt(users.size()))));
                }
            }
            List<JsonNode> tools = rng.nextInt(4) == 0 ? List.of(tool) : List.of();
            add("chat", "conversation " + i, ChatTemplate.render(messages, tools, rng.nextBoolean()));
        }
    }
}
