package dev.ferret.lab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.prompt.AgentPrompt;
import dev.ferret.agent.python.PythonTool;
import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.Toolbox;
import dev.ferret.engine.chat.ChatTemplate;
import dev.ferret.engine.chat.ToolCall;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Question to call pairs for the call-only default model: for each codebase of the manifests, questions of every
 * {@link CallKind} with parameters taken from what the codebase holds, each with the one call that answers it, run
 * for real with the project's Python tools (its hit count is recorded; a call that fails is dropped).
 *
 * <p>Each line of {@code calls-<split>.jsonl}: {@code prompt} (the call-only model's whole prompt, rendered by
 * {@link AgentPrompt#callOnlyPrompt} from the live tools, exactly what the engine gives it), {@code completion} (the
 * call as the model writes it: {@code <tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>}, arguments in
 * schema order, as the grammar wants them), {@code question}, {@code tool}, {@code arguments}, and where it came
 * from: {@code codebase}, {@code split}, {@code kind}, {@code phrasing} (its index in the kind's list),
 * {@code held_out_phrasing}, {@code hits}.
 *
 * <p>Splits: by codebase (train codebases, valid codebases, the held-out test codebases) as for the conversations;
 * and by phrasing: train lines use only the phrasings that are not held out ({@link CallKind#heldOut}), valid and
 * test lines both kinds, marked. The five standard questions of the accuracy report never appear, in any case or
 * punctuation: they are the evaluation.
 */
public final class CallDataGenerator {
    /** The standard questions, normalised: never generated. */
    static final Set<String> STANDARD = Set.of(
            norm("Which classes in this codebase subclass from Protocol?"),
            norm("Find all async functions in this codebase"),
            norm("What files import the requests library?"),
            norm("Show me all dataclasses"),
            norm("List TODO comments in the source code"));

    private static final List<String> PREFIXES = List.of("", "", "", "", "", "hey, ", "quick q: ", "Can you tell me: ",
            "I'd like to know: ", "Please: ", "pls ", "In this repo, ", "In this project, ", "So, ", "Question: ",
            "Help me out: ", "ok ", "Hi! ");
    private static final List<String> SUFFIXES = List.of("", "", "", "", "", " thanks", " please", " (full list)",
            " - need it for a refactor", " for the review", " asap", " thx");
    private static final List<String> WHOLE = List.of(" in this repo", " in the codebase", " in the project",
            " in this code base", " across the project", " in the source", " anywhere");
    private static final List<String> SCOPES = List.of(" in {p}", " under {p}/", " inside {p}", " in the {p} folder",
            " within {p}");
    private static final List<String> FILE_SCOPES = List.of(" in {p}", " in the file {p}", " inside {p}");
    private static final List<String> TAGS = List.of("TODO", "FIXME", "XXX", "HACK", "NOTE");
    /** The parameter counts questions ask for (4 and 5 most often). */
    private static final List<String> PARAMETER_COUNTS = List.of("2", "3", "4", "4", "5", "5", "6", "7", "8", "10");
    /**
     * Context around a question that names something else of the repository ({n}: another module, class or function):
     * people say why they ask, and the model must copy the argument, not the other name.
     */
    private static final List<String> CONTEXT_BEFORE = List.of("I'm refactoring {n}; ", "before I touch {n}, ",
            "working on {n} today: ", "for the {n} work: ", "reviewing {n} - ", "we're replacing {n}, so ",
            "context: {n} is slow. ", "re {n}: ", "while looking at {n}, ", "after the {n} change, ", "my task is {n}; ");
    private static final List<String> CONTEXT_AFTER = List.of(", I'm refactoring {n}", " (I'll look at {n} next)",
            " - {n} depends on this", " before we drop {n}", ", not {n}", " for the {n} ticket", " with file and line",
            " with line numbers", " and where they are", " right now", " for the docs", " in one list", " real quick",
            " if any", " here", " along with the files", ", for the {n} review");
    /** How often a question gets such a context clause, and how often its argument word is misspelt. */
    static final double CONTEXT_SHARE = 0.3;
    static final double ARGUMENT_TYPO_SHARE = 0.06;
    private static final Map<CallKind, Integer> WEIGHTS = new EnumMap<>(CallKind.class);

    static {
        WEIGHTS.put(CallKind.PROTOCOL_CLASSES, 12);
        WEIGHTS.put(CallKind.SUBCLASSES, 11);
        WEIGHTS.put(CallKind.DATACLASSES, 12);
        WEIGHTS.put(CallKind.CLASS_DECORATORS, 3);
        WEIGHTS.put(CallKind.CLASS_LOOKUP, 5);
        WEIGHTS.put(CallKind.ASYNC_FUNCTIONS, 12);
        WEIGHTS.put(CallKind.FUNCTION_DECORATORS, 6);
        WEIGHTS.put(CallKind.FUNCTION_LOOKUP, 5);
        WEIGHTS.put(CallKind.CLASS_METHODS, 4);
        WEIGHTS.put(CallKind.INDIRECT_SUBCLASSES, 5);
        WEIGHTS.put(CallKind.CLASSES_WITH_METHOD, 5);
        WEIGHTS.put(CallKind.EXCEPTION_CLASSES, 6);
        WEIGHTS.put(CallKind.CONTEXT_MANAGER_CLASSES, 4);
        WEIGHTS.put(CallKind.FUNCTIONS_WITH_PARAMETER, 5);
        WEIGHTS.put(CallKind.FUNCTIONS_RETURNING, 5);
        WEIGHTS.put(CallKind.GENERATOR_CONTEXT_MANAGERS, 4);
        WEIGHTS.put(CallKind.ENUM_CLASSES, 4);
        WEIGHTS.put(CallKind.ABSTRACT_CLASSES, 4);
        WEIGHTS.put(CallKind.GENERATOR_FUNCTIONS, 4);
        WEIGHTS.put(CallKind.UNDOCUMENTED_FUNCTIONS, 4);
        WEIGHTS.put(CallKind.UNDOCUMENTED_CLASSES, 4);
        WEIGHTS.put(CallKind.MANY_PARAMETERS, 4);
        WEIGHTS.put(CallKind.TEST_FUNCTIONS, 4);
        WEIGHTS.put(CallKind.SKIPPED_TESTS, 4);
        WEIGHTS.put(CallKind.RAISES, 7);
        WEIGHTS.put(CallKind.EXPORTS, 4);
        WEIGHTS.put(CallKind.CONSTANTS, 5);
        WEIGHTS.put(CallKind.VARIABLES, 3);
        WEIGHTS.put(CallKind.CALLERS, 7);
        WEIGHTS.put(CallKind.IMPORTS, 17);
        WEIGHTS.put(CallKind.COMMENTS, 13);
        WEIGHTS.put(CallKind.CATCHES, 4);
        WEIGHTS.put(CallKind.BARE_EXCEPTS, 4);
        // CallKind.REFERENCES has no weight yet: adding one changes every draw after it, so the data the shipped
        // model was trained and measured on (call-eval-*.md) could no longer be made again; it gets one with the next
        // training of the default model
    }

    /** The kinds the generator draws (those with a weight). */
    static Set<CallKind> drawn() {
        return java.util.Collections.unmodifiableSet(WEIGHTS.keySet());
    }

    /** The command-line options. */
    public record Options(List<Path> manifests, Path codebases, Path out, long seed, int trainPerCodebase,
                          int evalPerCodebase, Set<String> only) {
        public static Options defaults() {
            return new Options(List.of(Path.of("scripts/training-codebases.tsv"), Path.of("scripts/codebases.tsv")),
                    Path.of(".work/codebases"), Path.of(".work/call-data"), 20251204L, 2500, 200, Set.of());
        }
    }

    /** One generated pair. */
    public record Pair(String codebase, Split split, CallKind kind, int phrasing, String question, String tool,
                       ObjectNode arguments, int hits) {
        boolean heldOut() {
            return CallKind.heldOut(phrasing);
        }

        /** What the model writes: the call as the engine's ChatTemplate renders an assistant tool call. */
        public String completion() {
            return ChatTemplate.TOOL_CALL_OPEN + "\n" + new ToolCall(tool, arguments).toJson() + "\n"
                    + ChatTemplate.TOOL_CALL_CLOSE;
        }
    }

    private CallDataGenerator() {
    }

    /** Generates every codebase's pairs, writes the splits and a summary; returns the exit status. */
    public static int run(Options o, PrintStream log) throws IOException {
        List<Codebase> chosen = Manifest.selectFetched(Manifest.readAll(o.manifests(), o.codebases()), o.only());
        Map<Split, List<ObjectNode>> lines = new EnumMap<>(Split.class);
        Map<String, Integer> perKind = new TreeMap<>();
        int heldOut = 0;
        String system = null;
        for (Codebase c : chosen) {
            long t0 = System.nanoTime();
            Repo repo = Repo.open(c.root());
            List<PythonTool> tools = PythonTools.create(repo.index());
            system = AgentPrompt.callOnlySystem(tools);
            int n = c.split() == Split.TRAIN ? o.trainPerCodebase() : o.evalPerCodebase();
            List<Pair> pairs = generate(c, repo, tools, n, TrainingDataGenerator.seedFor(o.seed(), c.name()));
            for (Pair p : pairs) {
                lines.computeIfAbsent(c.split(), k -> new ArrayList<>()).add(line(p, system));
                perKind.merge(p.kind().label(), 1, Integer::sum);
                heldOut += p.heldOut() ? 1 : 0;
            }
            log.printf(Locale.ROOT, "%-18s %-5s %5d pairs in %5.1f s%n", c.name(), c.split().word(), pairs.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        Files.createDirectories(o.out());
        ObjectNode summary = Jsonl.MAPPER.createObjectNode();
        summary.put("system", system);
        summary.put("seed", o.seed());
        for (Split s : Split.values()) {
            List<ObjectNode> l = lines.getOrDefault(s, List.of());
            Jsonl.write(o.out().resolve("calls-" + s.word() + ".jsonl"), l);
            summary.put(s.word(), l.size());
        }
        summary.put("held_out_phrasing_lines", heldOut);
        perKind.forEach(summary.putObject("per_kind")::put);
        Files.writeString(o.out().resolve("calls-summary.json"),
                Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        log.println("wrote " + lines.values().stream().mapToInt(List::size).sum() + " pairs to " + o.out() + ": "
                + summary);
        return 0;
    }

    static ObjectNode line(Pair p, String system) {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("prompt", AgentPrompt.callOnlyPrompt(system, p.question()));
        o.put("completion", p.completion());
        o.put("question", p.question());
        o.put("tool", p.tool());
        o.set("arguments", p.arguments());
        o.put("codebase", p.codebase());
        o.put("split", p.split().word());
        o.put("kind", p.kind().label());
        o.put("phrasing", p.phrasing());
        o.put("held_out_phrasing", p.heldOut());
        o.put("hits", p.hits());
        return o;
    }

    /**
     * Every (tool, parameter) of the Python tools that no kind asks for (path and limit aside): empty when the kinds
     * cover the live toolbox. A new tool or parameter shows up here until a kind with phrasings is written for it.
     */
    public static List<String> uncovered(List<PythonTool> tools) {
        Set<String> covered = new TreeSet<>();
        for (CallKind k : CallKind.values()) {
            if (k.slot != null) {
                covered.add(k.tool + "." + k.slot);
            }
            for (String f : fixedArgs(k).keySet()) {
                covered.add(k.tool + "." + f);
            }
        }
        List<String> out = new ArrayList<>();
        for (PythonTool t : tools) {
            for (Iterator<String> it = t.parameters().path("properties").fieldNames(); it.hasNext(); ) {
                String p = it.next();
                if (!p.equals("path") && !p.equals("limit") && !covered.contains(t.name() + "." + p)) {
                    out.add(t.name() + "." + p);
                }
            }
        }
        return out;
    }

    /** {@code n} pairs for one codebase (fewer if it offers too little), deterministic for a seed. */
    public static List<Pair> generate(Codebase c, Repo repo, List<PythonTool> tools, int n, long seed) {
        Scan scan;
        try {
            scan = new Scan(repo);
        } catch (ToolException e) {
            throw new IllegalStateException("cannot scan " + c.root() + ": " + e.getMessage(), e);
        }
        Map<String, PythonTool> byName = new LinkedHashMap<>();
        tools.forEach(t -> byName.put(t.name(), t));
        Map<CallKind.Values, List<String>> values = values(scan);
        List<String> dirs = Scan.within(scan.pyDirs, 2, Integer.MAX_VALUE);
        List<String> files = scan.files.stream().map(f -> f.path()).toList();
        Random rnd = new Random(seed);
        List<Pair> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        for (int attempt = 0; out.size() < n && attempt < n * 20; attempt++) {
            CallKind kind = pick(rnd, total);
            List<String> pool = values.getOrDefault(kind.values, List.of());
            if (kind.slot != null && pool.isEmpty()) {
                continue;
            }
            String x = kind.slot == null ? null : pool.get(rnd.nextInt(pool.size()));
            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < kind.phrasings.size(); i++) {
                if (c.split() != Split.TRAIN || !CallKind.heldOut(i)) {
                    allowed.add(i);
                }
            }
            int phrasing = allowed.get(rnd.nextInt(allowed.size()));
            String template = kind.phrasings.get(phrasing);
            String path = null;
            String in = "";
            if (template.contains("{in}")) {
                double r = rnd.nextDouble();
                if (kind.scoped && r < 0.22 && !dirs.isEmpty()) {
                    boolean file = rnd.nextInt(4) == 0 && !files.isEmpty();
                    path = file ? files.get(rnd.nextInt(files.size())) : dirs.get(rnd.nextInt(dirs.size()));
                    List<String> sc = file ? FILE_SCOPES : SCOPES;
                    in = sc.get(rnd.nextInt(sc.size())).replace("{p}", path);
                } else if (r < 0.4) {
                    in = WHOLE.get(rnd.nextInt(WHOLE.size()));
                }
            }
            // people write the parameter in lower case too ("todos", "protocol"): the call keeps its own form, which
            // the grammar derives from the lower-case word (a value it cannot derive is dropped below)
            String shown = x != null && rnd.nextDouble() < 0.3 ? x.toLowerCase(Locale.ROOT) : x;
            String core = template.replace("{x}", shown == null ? "" : shown).replace("{in}", in);
            String q = decorate(core, rnd, shown, path);
            if (rnd.nextDouble() < CONTEXT_SHARE) {
                q = withContext(q, rnd, distractor(rnd, values, x));
            }
            ObjectNode args = arguments(byName.get(kind.tool), kind, x, path);
            if (!copiedFromQuestion(args, q)) {
                continue; // the grammar admits only values copied from the question: this call could not be written
            }
            ObjectNode asked = args;
            if (rnd.nextDouble() < ARGUMENT_TYPO_SHARE) {
                // a misspelt argument word is copied as written; the agent reads it as the repository's name
                // (CallArguments), so the model learns where the word goes, whatever its spelling
                String[] misspelt = misspellArgument(q, args, rnd);
                if (misspelt != null) {
                    q = misspelt[0];
                    asked = args.deepCopy();
                    asked.put(misspelt[1], misspelt[2]);
                }
            }
            if (STANDARD.contains(norm(q)) || !seen.add(q + "\u0000" + path) || !copiedFromQuestion(asked, q)) {
                continue;
            }
            int hits;
            try {
                hits = byName.get(kind.tool).search(asked).size();
            } catch (ToolException e) {
                continue; // the call fails on this codebase: not an example of a right call
            }
            out.add(new Pair(c.name(), c.split(), kind, phrasing, q, kind.tool, asked, hits));
        }
        return out;
    }

    /** True when every string argument is one of the question's {@link AgentPrompt#callChoices}. */
    static boolean copiedFromQuestion(ObjectNode args, String question) {
        List<String> choices = AgentPrompt.callChoices(question);
        for (Iterator<JsonNode> it = args.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            if (v.isTextual() && !choices.contains(v.textValue())) {
                return false;
            }
        }
        return true;
    }

    private static CallKind pick(Random rnd, int total) {
        int r = rnd.nextInt(total);
        for (Map.Entry<CallKind, Integer> e : WEIGHTS.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }

    /** The call's arguments in the tool's schema order (the order the grammar admits); an integer one as a number. */
    static ObjectNode arguments(PythonTool tool, CallKind kind, String x, String path) {
        Map<String, Object> given = new LinkedHashMap<>(fixedArgs(kind));
        if (kind.slot != null) {
            given.put(kind.slot, x);
        }
        if (path != null) {
            given.put("path", path);
        }
        ObjectNode args = Jsonl.MAPPER.createObjectNode();
        for (Iterator<String> it = tool.parameters().path("properties").fieldNames(); it.hasNext(); ) {
            String p = it.next();
            Object v = given.remove(p);
            if (v instanceof Boolean b) {
                args.put(p, b);
            } else if (v != null && tool.parameters().path("properties").path(p).path("type").asText().equals("integer")) {
                args.put(p, Integer.parseInt((String) v));
            } else if (v != null) {
                args.put(p, (String) v);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalStateException(tool.name() + " has no parameter " + given.keySet());
        }
        return args;
    }

    static Map<String, Object> fixedArgs(CallKind k) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!k.fixed.isEmpty()) {
            for (String kv : k.fixed.split(",")) {
                String[] p = kv.split("=", 2);
                out.put(p[0], p[1].equals("true") || p[1].equals("false") ? (Object) Boolean.valueOf(p[1]) : p[1]);
            }
        }
        return out;
    }

    private static Map<CallKind.Values, List<String>> values(Scan s) {
        Map<CallKind.Values, List<String>> v = new EnumMap<>(CallKind.Values.class);
        v.put(CallKind.Values.BASES, s.bases.keySet().stream()
                .filter(b -> !b.equals("Protocol") && b.matches("[A-Za-z_]\\w*")).toList());
        v.put(CallKind.Values.CLASS_DECORATORS, s.classDecorators.keySet().stream()
                .filter(d -> !d.endsWith("dataclass") && d.matches("[A-Za-z_][\\w.]*")).toList());
        v.put(CallKind.Values.CLASS_NAMES, s.classNames.keySet().stream().filter(n -> n.matches("[A-Za-z_]\\w*")).toList());
        v.put(CallKind.Values.FUNCTION_DECORATORS, s.functionDecorators.keySet().stream()
                .filter(d -> d.matches("[A-Za-z_][\\w.]*")).toList());
        v.put(CallKind.Values.FUNCTION_NAMES, s.functionNames.keySet().stream()
                .filter(n -> n.matches("[A-Za-z_]\\w*") && !n.startsWith("__")).toList());
        Set<String> withMethods = new TreeSet<>();
        for (Scan.FunctionDef f : s.functions) {
            String q = f.fn().qualifiedName();
            int dot = q.lastIndexOf('.');
            if (dot > 0 && s.qualifiedClassNames.containsKey(q.substring(0, dot)) && !q.substring(0, dot).contains(".")) {
                withMethods.add(q.substring(0, dot));
            }
        }
        v.put(CallKind.Values.CLASS_METHODS, List.copyOf(withMethods));
        v.put(CallKind.Values.METHOD_NAMES, identifiers(s.methodNames));
        v.put(CallKind.Values.PARAMETERS, identifiers(s.parameters));
        v.put(CallKind.Values.RETURN_NAMES, identifiers(s.returnNames));
        v.put(CallKind.Values.RAISED, identifiers(s.raised));
        v.put(CallKind.Values.CAUGHT, identifiers(s.caught));
        v.put(CallKind.Values.EXPORTS, identifiers(s.exports));
        v.put(CallKind.Values.CONSTANTS, identifiers(s.constants));
        v.put(CallKind.Values.VARIABLES, identifiers(s.variables));
        // callers of the project's own functions are the question people ask; builtins only when there are none
        List<String> called = identifiers(s.called).stream().filter(s.functionNames::containsKey).toList();
        v.put(CallKind.Values.CALLED, called.size() >= 3 ? called : identifiers(s.called));
        List<String> modules = new ArrayList<>(s.modules.keySet().stream()
                .filter(m -> m.matches("[A-Za-z_][\\w.]*")).toList());
        // requests is the standard question's module: asked about everywhere, found or not
        for (int i = 0; i < Math.max(4, modules.size() / 8); i++) {
            modules.add("requests");
        }
        v.put(CallKind.Values.MODULES, modules);
        List<String> tags = new ArrayList<>(TAGS);
        s.tags.forEach((t, count) -> {
            if (TAGS.contains(t)) {
                for (int i = 0; i < Math.min(3, count); i++) {
                    tags.add(t);
                }
            }
        });
        tags.add("TODO");
        tags.add("TODO");
        v.put(CallKind.Values.TAGS, tags);
        v.put(CallKind.Values.PARAMETER_COUNTS, PARAMETER_COUNTS);
        return v;
    }

    /** The plain names among a count map's keys, dunder names aside (what a question names as one word). */
    private static List<String> identifiers(Map<String, Integer> counts) {
        return counts.keySet().stream().filter(n -> n.matches("[A-Za-z_]\\w*") && !n.startsWith("__")).toList();
    }

    /**
     * Informal variety around a phrasing: a prefix or suffix, lower case, no question mark, a typo in a word that is
     * neither the parameter nor the path.
     */
    static String decorate(String core, Random rnd, String x, String path) {
        String q = core;
        if (rnd.nextDouble() < 0.12) {
            q = typo(q, rnd, x, path);
        }
        String prefix = PREFIXES.get(rnd.nextInt(PREFIXES.size()));
        if (!prefix.isEmpty() && !prefix.endsWith(" ")) {
            prefix += " ";
        }
        if (!prefix.isEmpty() && Character.isUpperCase(q.charAt(0)) && !prefix.endsWith(": ") && !prefix.endsWith("! ")
                && (x == null || !q.startsWith(x))) {
            q = Character.toLowerCase(q.charAt(0)) + q.substring(1);
        }
        q = prefix + q + SUFFIXES.get(rnd.nextInt(SUFFIXES.size()));
        if (rnd.nextDouble() < 0.2) {
            q = lowerOutside(q, x, path);
        }
        if (rnd.nextDouble() < 0.25) {
            q = q.replaceAll("\\?+$", "");
        }
        return q.strip();
    }

    /** Another name of the repository than the argument: a module, class or function (or a plain word). */
    static String distractor(Random rnd, Map<CallKind.Values, List<String>> values, String x) {
        List<CallKind.Values> pools = List.of(CallKind.Values.MODULES, CallKind.Values.CLASS_NAMES,
                CallKind.Values.FUNCTION_NAMES, CallKind.Values.MODULES);
        for (int i = 0; i < 4; i++) {
            List<String> pool = values.getOrDefault(pools.get(rnd.nextInt(pools.size())), List.of());
            if (!pool.isEmpty()) {
                String n = pool.get(rnd.nextInt(pool.size()));
                if (!n.equalsIgnoreCase(x) && n.length() <= 30) {
                    return n;
                }
            }
        }
        return List.of("the parser", "the client", "the tests", "logging", "the CLI").get(rnd.nextInt(5));
    }

    /** The question with a context clause before or after it, naming {@code other}. */
    static String withContext(String q, Random rnd, String other) {
        if (rnd.nextBoolean()) {
            String c = CONTEXT_BEFORE.get(rnd.nextInt(CONTEXT_BEFORE.size())).replace("{n}", other);
            boolean keepCase = q.length() > 1 && Character.isUpperCase(q.charAt(1)); // an acronym or a name
            return c + (keepCase ? q : Character.toLowerCase(q.charAt(0)) + q.substring(1));
        }
        String c = CONTEXT_AFTER.get(rnd.nextInt(CONTEXT_AFTER.size())).replace("{n}", other);
        String end = q.endsWith("?") ? "?" : "";
        return q.substring(0, q.length() - end.length()) + c + end;
    }

    /**
     * The question with one string argument's word misspelt where the question writes it (a swap, a dropped or a
     * doubled letter), with the argument's name and its misspelt value; null when no argument word of 5 letters or
     * more stands in the question as a word.
     */
    static String[] misspellArgument(String q, ObjectNode args, Random rnd) {
        for (var it = args.fields(); it.hasNext(); ) {
            var e = it.next();
            String v = e.getValue().isTextual() ? e.getValue().textValue() : null;
            if (v == null || e.getKey().equals("path") || v.length() < 5 || !v.matches("[A-Za-z]+")) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.])" + java.util.regex.Pattern.quote(v)
                    + "(?![\\w])").matcher(q);
            if (!m.find()) {
                continue;
            }
            String w = misspell(v, rnd);
            if (w.equals(v)) {
                return null;
            }
            return new String[] {q.substring(0, m.start()) + w + q.substring(m.end()), e.getKey(), w};
        }
        return null;
    }

    private static String typo(String q, Random rnd, String x, String path) {
        String[] words = q.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() >= 5 && w.matches("[a-z]+") && (x == null || !w.contains(x)) && (path == null || !w.contains(path))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return q;
        }
        int i = candidates.get(rnd.nextInt(candidates.size()));
        words[i] = misspell(words[i], rnd);
        return String.join(" ", words);
    }

    /** {@code w} (3 letters or more) with one typo inside it: two neighbours swapped, a letter dropped or doubled. */
    private static String misspell(String w, Random rnd) {
        int p = 1 + rnd.nextInt(w.length() - 2);
        return switch (rnd.nextInt(3)) {
            case 0 -> w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2); // swap
            case 1 -> w.substring(0, p) + w.substring(p + 1); // drop
            default -> w.substring(0, p) + w.charAt(p) + w.substring(p); // double
        };
    }

    private static String lowerOutside(String q, String x, String path) {
        StringBuilder sb = new StringBuilder();
        for (String w : q.split(" ", -1)) {
            boolean keep = x != null && w.contains(x) || path != null && w.contains(path);
            sb.append(keep ? w : w.toLowerCase(Locale.ROOT)).append(' ');
        }
        return sb.toString().stripTrailing();
    }

    static String norm(String q) {
        return q.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The schemas the call-only grammar uses on a codebase's tools (what the data's calls must satisfy). */
    static ArrayNode schemas(List<PythonTool> tools) {
        return AgentPrompt.callOnlySchemas(tools);
    }

    /** True when a line's call is one of the toolbox's and its arguments are an object (for the tests). */
    static boolean wellFormed(JsonNode line, Toolbox toolbox) {
        return toolbox.get(line.path("tool").asText()).isPresent() && line.path("arguments").isObject();
    }
}
