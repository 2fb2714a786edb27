package dev.ferret.lab.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.agent.python.Hit;
import dev.ferret.agent.tools.ToolException;
import dev.ferret.agent.tools.ToolResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the conversations of one codebase. Each is a question from a template, played out by running the
 * project's tools for real (their outputs recorded as they are), ending in an answer derived from those outputs and
 * checked against the exact search results of the Python tools (their uncapped hits).
 *
 * <p>Shapes of conversation:
 * <ul>
 *   <li>{@code direct}: one Python-aware tool call, then the answer;</li>
 *   <li>{@code limit}: the same with a {@code limit}, so a large result is summarized (count, first items, "and N
 *       more");</li>
 *   <li>{@code confirm_read}: the search, then {@code read_file} around the first hit, then the answer ("I have enough
 *       now");</li>
 *   <li>{@code empty_first}: a first search that really finds nothing (a too-narrow grep, the wrong tool or argument),
 *       then a better one;</li>
 *   <li>{@code grep}, {@code run_command}: the answer from a plain text search whose output holds every real item
 *       (the answer keeps only real definitions, dropping matches in strings and comments);</li>
 *   <li>{@code grep_then_tool}: a text search whose output is cut off or holds matches that are not
 *       definitions (strings, comments, other code), then the Python-aware tool;</li>
 *   <li>{@code wrong_path}: a search under a folder that does not exist (a real error), then the right one;</li>
 *   <li>{@code double_check}: an empty search confirmed by an empty grep, answered as none found;</li>
 *   <li>{@code empty_then_confirm}: an empty first search, the better one, then {@code read_file};</li>
 *   <li>{@code two_step}, {@code three_step}: find a class, (read its header,) then its methods in its file.</li>
 * </ul>
 * File finding uses find, list_dir or run_command (find, ls) directly.
 * Everything is drawn from one seeded {@link Random}, and the tools are deterministic, so a run is reproducible.
 */
final class CodebaseGenerator {
    /** Results longer than this are summarized: count, the first {@link #SUMMARY_SHOWN}, "and N more". */
    static final int SUMMARY_OVER = 20;
    static final int SUMMARY_SHOWN = 10;
    /** Conversations whose tool outputs together are longer than this are not kept (a smaller variant is tried). */
    static final int MAX_TOOL_CHARS = 14_000;

    /** Relative weight of each task in a codebase's budget. */
    static final Map<Task, Integer> WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Task.PROTOCOL_CLASSES, 11), Map.entry(Task.ASYNC_FUNCTIONS, 11), Map.entry(Task.IMPORTS, 14),
            Map.entry(Task.DATACLASSES, 11), Map.entry(Task.COMMENTS, 12), Map.entry(Task.SUBCLASSES, 11),
            Map.entry(Task.CLASS_LOOKUP, 9), Map.entry(Task.FUNCTION_DEFINITION, 9), Map.entry(Task.CLASS_METHODS, 6),
            Map.entry(Task.DECORATORS, 6), Map.entry(Task.FILE_FINDING, 8)));

    /** Modules that none of our codebases should import: questions with a true empty answer. */
    private static final List<String> ABSENT_MODULES = List.of("numpy", "pandas", "django", "boto3", "tensorflow",
            "torch", "matplotlib", "scipy", "sklearn", "flask_sqlalchemy", "psycopg2", "pymongo", "kafka", "grpc");
    /** Well-known bases, asked about whether or not the codebase has subclasses of them. */
    private static final List<String> OTHER_BASES = List.of("BaseModel", "TestCase", "NamedTuple", "Thread",
            "HTTPException", "Enum", "ABC", "Exception", "dict", "IntEnum", "TypedDict", "Generic", "Model");
    private static final List<String> TAGS = List.of("TODO", "FIXME", "XXX", "HACK", "NOTE", "BUG");
    private static final List<String> ABSENT_FILES = List.of("settings.py", "setup.py", "Makefile", "config.yaml",
            "requirements.txt", "manage.py", "conftest.py", "Dockerfile");
    private static final List<String> BAD_PATHS = List.of("src", "lib", "source", "app");
    private static final Pattern OUTPUT_LINE = Pattern.compile("^(?:\\./)?([^:\\s]+?\\.py)[:-](\\d+)[:-](.*)$");
    private static final Set<String> DULL_DECORATORS = Set.of("setter", "getter", "deleter");

    private enum Style { NAMED, IMPORT, COMMENT }

    /** A search with a Python-aware tool and how its hits become answer items. */
    private static final class Spec {
        Task task;
        String tool;
        ObjectNode args;
        String plural;
        String singular;
        Style style = Style.NAMED;
        /** Hits that are answer items (others are near misses the answer leaves out). */
        Predicate<Hit> keep = h -> true;
        boolean firstPerFile;
        /** First calls that may find nothing (tool, arguments), tried in order. */
        List<Object[]> naive = new ArrayList<>();
        /** A regular expression for the grep tool that should match every item's line, or null. */
        String grep;
        int grepContext;
        /** The same search as a run_command line, or null. */
        String command;

        boolean plain() {
            return !firstPerFile && keepsAll;
        }

        boolean keepsAll = true;
    }

    /** Where a question is scoped: a folder or file, as the tool's path argument and as words. */
    private record Scope(String path, String phrase) {
        String suffix() {
            return " in " + path;
        }
    }

    private final Codebase codebase;
    private final Repo repo;
    private final Scan scan;
    private final Random rnd;
    private final List<Example> out = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> rejected = new LinkedHashMap<>();
    private final Map<String, List<Hit>> searchCache = new HashMap<>();

    CodebaseGenerator(Codebase codebase, Repo repo, long seed) throws ToolException {
        this.codebase = codebase;
        this.repo = repo;
        this.scan = new Scan(repo);
        this.rnd = new Random(seed);
    }

    /** Why candidate conversations were dropped, with counts (for the run's log). */
    Map<String, Integer> rejected() {
        return rejected;
    }

    /**
     * {@code budget} examples (fewer only if the codebase runs out of distinct questions) spread over the tasks by
     * {@link #WEIGHTS}.
     */
    List<Example> generate(int budget) {
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        Map<Task, Integer> targets = new EnumMap<>(Task.class);
        int assigned = 0;
        for (Task t : Task.values()) {
            int n = budget * WEIGHTS.get(t) / total;
            targets.put(t, n);
            assigned += n;
        }
        // a codebase without any Protocol class, dataclass or async def gets a few "none found" examples, not a pile
        if (hits("find_classes", obj("base", "Protocol")).isEmpty()) {
            assigned -= cap(targets, Task.PROTOCOL_CLASSES, 3);
        }
        if (hits("find_classes", obj("decorator", "dataclass")).isEmpty()) {
            assigned -= cap(targets, Task.DATACLASSES, 3);
        }
        if (hits("find_functions", obj("async_only", true)).isEmpty()) {
            assigned -= cap(targets, Task.ASYNC_FUNCTIONS, 3);
        }
        // the rest goes to the parameterised tasks, which have plenty of distinct questions
        Task[] open = {Task.IMPORTS, Task.SUBCLASSES, Task.COMMENTS, Task.CLASS_LOOKUP, Task.FUNCTION_DEFINITION,
                Task.DECORATORS, Task.FILE_FINDING};
        for (int i = 0; assigned < budget; i++, assigned++) {
            targets.merge(open[i % open.length], 1, Integer::sum);
        }
        for (Task t : Task.values()) {
            produce(t, targets.get(t));
        }
        for (int i = 0, idle = 0; out.size() < budget && idle < open.length; i++) {
            idle = produce(open[i % open.length], 1) == 0 ? idle + 1 : 0;
        }
        return out;
    }

    private static int cap(Map<Task, Integer> targets, Task t, int max) {
        int before = targets.get(t);
        targets.put(t, Math.min(max, before));
        return before - targets.get(t);
    }

    /** Makes up to {@code target} examples of a task; returns how many it made. */
    private int produce(Task task, int target) {
        int made = 0;
        int attempts = 0;
        while (made < target && attempts < target * 15 + 30) {
            attempts++;
            Optional<Example> e;
            try {
                e = switch (task) {
                    case PROTOCOL_CLASSES -> searchTask(protocol());
                    case ASYNC_FUNCTIONS -> searchTask(async());
                    case DATACLASSES -> searchTask(dataclasses());
                    case IMPORTS -> searchTask(imports());
                    case COMMENTS -> searchTask(comments());
                    case SUBCLASSES -> searchTask(subclasses());
                    case DECORATORS -> searchTask(decorators());
                    case CLASS_LOOKUP -> lookupTask(true);
                    case FUNCTION_DEFINITION -> lookupTask(false);
                    case CLASS_METHODS -> methodsTask();
                    case FILE_FINDING -> fileTask();
                };
            } catch (ToolException ex) {
                e = Optional.empty();
                reject("tool exception: " + ex.getMessage());
            }
            if (e.isPresent() && keep(e.get())) {
                made++;
            }
        }
        return made;
    }

    private boolean keep(Example e) {
        StringBuilder key = new StringBuilder(e.question());
        for (Example.Call c : e.calls()) {
            key.append('|').append(c.tool()).append(c.arguments());
        }
        if (!seen.add(key.toString())) {
            reject("duplicate");
            return false;
        }
        List<String> problems = DatasetCheck.answer(e.answer(), e.calls());
        problems.addAll(DatasetCheck.placeholders(e.calls()));
        if (!problems.isEmpty()) {
            reject("check: " + problems.getFirst().replaceAll("[:(].*", ""));
            return false;
        }
        out.add(new Example(codebase.name() + "-" + String.format(Locale.ROOT, "%04d", out.size() + 1),
                e.codebase(), e.split(), e.task(), e.shape(), e.messages()));
        return true;
    }

    private void reject(String why) {
        rejected.merge(why, 1, Integer::sum);
    }

    // ---------------------------------------------------------------- the searches with Python-aware tools

    private Candidate protocol() {
        Spec s = spec(Task.PROTOCOL_CLASSES, "find_classes", obj("base", "Protocol"),
                "classes that subclass Protocol", "class that subclasses Protocol");
        s.naive.add(new Object[] {"grep", obj("pattern", "class \\w+\\(Protocol\\):", "glob", "*.py")});
        s.naive.add(new Object[] {"grep", obj("pattern", "\\(typing\\.Protocol\\)", "glob", "*.py")});
        s.grep = "class \\w+\\(.*Protocol";
        s.command = "grep -rn \"class .*Protocol\" --include=*.py .";
        return new Candidate(s, Questions.PROTOCOL, null, Questions.STANDARD.get(Task.PROTOCOL_CLASSES));
    }

    private Candidate async() {
        Spec s = spec(Task.ASYNC_FUNCTIONS, "find_functions", obj("async_only", true),
                "async functions", "async function");
        s.naive.add(new Object[] {"grep", obj("pattern", "^async def", "glob", "*.py")});
        s.grep = "async def ";
        s.command = "grep -rn \"async def \" --include=*.py .";
        return new Candidate(s, Questions.ASYNC, null, Questions.STANDARD.get(Task.ASYNC_FUNCTIONS));
    }

    private Candidate dataclasses() {
        Spec s = spec(Task.DATACLASSES, "find_classes", obj("decorator", "dataclass"), "dataclasses", "dataclass");
        s.naive.add(new Object[] {"find_classes", obj("base", "dataclass")});
        s.grep = "@dataclass";
        s.grepContext = 1;
        return new Candidate(s, Questions.DATACLASSES, null, Questions.STANDARD.get(Task.DATACLASSES));
    }

    private Candidate imports() {
        String m;
        double r = rnd.nextDouble();
        List<String> present = new ArrayList<>(scan.modules.keySet());
        if (r < 0.12) {
            m = "requests";
        } else if (r < 0.27 || present.isEmpty()) {
            m = pick(ABSENT_MODULES);
        } else if (r < 0.6) {
            List<String> top = present.stream().filter(x -> x.indexOf('.') < 0).toList();
            m = pick(top.isEmpty() ? present : top);
        } else {
            m = pick(present);
        }
        Spec s = spec(Task.IMPORTS, "find_imports", obj("module", m), "files that import " + m,
                "file that imports " + m);
        s.style = Style.IMPORT;
        s.firstPerFile = true;
        String q = m.replace(".", "\\.");
        s.naive.add(new Object[] {"grep", obj("pattern", "^import " + q + "$", "glob", "*.py")});
        s.naive.add(new Object[] {"run_command", obj("command", "grep -rn \"^import " + q + "$\" --include=*.py .")});
        s.grep = "^\\s*(import|from)\\s+" + q + "\\b";
        s.command = "grep -rnE \"^\\s*(import|from) +" + q + "\\b\" --include=*.py .";
        String standard = m.equals("requests") ? Questions.STANDARD_IMPORTS : null;
        return new Candidate(s, Questions.IMPORTS, m, standard);
    }

    private Candidate comments() {
        String tag;
        List<String> present = TAGS.stream().filter(scan.tags::containsKey).toList();
        double r = rnd.nextDouble();
        if (r < 0.35 || present.isEmpty()) {
            tag = r < 0.45 ? "TODO" : pick(TAGS);
        } else {
            tag = pick(present);
        }
        Spec s = spec(Task.COMMENTS, "find_comments", obj("tag", tag), tag + " comments", tag + " comment");
        s.style = Style.COMMENT;
        s.naive.add(new Object[] {"find_comments", obj("tag", tag.toLowerCase(Locale.ROOT))});
        s.grep = "#.*\\b" + tag + "\\b";
        s.command = "grep -rn \"" + tag + "\" --include=*.py .";
        return new Candidate(s, Questions.COMMENTS, tag, tag.equals("TODO") ? Questions.STANDARD_COMMENTS : null);
    }

    private Candidate subclasses() {
        String base;
        List<String> frequent = Scan.within(scan.bases, 2, Integer.MAX_VALUE).stream()
                .filter(b -> !b.equals("object") && !b.equals("Protocol")).toList();
        List<String> rare = Scan.within(scan.bases, 1, 1).stream().filter(b -> !b.equals("Protocol")).toList();
        double r = rnd.nextDouble();
        if (r < 0.12) {
            base = pick(OTHER_BASES);
        } else if ((r < 0.75 || rare.isEmpty()) && !frequent.isEmpty()) {
            base = pick(frequent);
        } else if (!rare.isEmpty()) {
            base = pick(rare);
        } else {
            base = pick(OTHER_BASES);
        }
        Spec s = spec(Task.SUBCLASSES, "find_classes", obj("base", base), "classes that subclass " + base,
                "class that subclasses " + base);
        String q = base.replace(".", "\\.");
        s.naive.add(new Object[] {"grep", obj("pattern", "class \\w+\\(" + q + "\\):", "glob", "*.py")});
        s.naive.add(new Object[] {"grep", obj("pattern", "^class \\w+\\(" + q + "\\):", "glob", "*.py")});
        s.grep = "class \\w+\\(.*\\b" + q + "\\b";
        s.command = "grep -rn \"class .*(.*" + base + "\" --include=*.py .";
        return new Candidate(s, Questions.SUBCLASSES, base, null);
    }

    private Candidate decorators() {
        boolean classes = rnd.nextDouble() < 0.25 && !usable(scan.classDecorators).isEmpty();
        Map<String, Integer> pool = classes ? scan.classDecorators : scan.functionDecorators;
        List<String> names = usable(pool);
        String d = names.isEmpty() ? "staticmethod" : pick(names);
        Spec s = classes
                ? spec(Task.DECORATORS, "find_classes", obj("decorator", d), "classes decorated with @" + d,
                        "class decorated with @" + d)
                : spec(Task.DECORATORS, "find_functions", obj("decorator", d), "functions decorated with @" + d,
                        "function decorated with @" + d);
        s.grep = "@" + d.replace(".", "\\.") + "\\b";
        s.grepContext = 1;
        return new Candidate(s, classes ? Questions.CLASS_DECORATORS : Questions.FUNCTION_DECORATORS, d, null);
    }

    private List<String> usable(Map<String, Integer> decorators) {
        List<String> out = new ArrayList<>();
        decorators.forEach((k, v) -> {
            String simple = k.substring(k.lastIndexOf('.') + 1);
            if (!DULL_DECORATORS.contains(simple) && !k.equals("dataclass") && !k.equals("dataclasses.dataclass")
                    && k.chars().filter(c -> c == '.').count() <= 1) {
                out.add(k);
            }
        });
        return out;
    }

    /** A search, the templates to ask it with, its parameter, and the standard question's wording if it has one. */
    private record Candidate(Spec spec, List<String> templates, String param, String standard) {
    }

    private Optional<Example> searchTask(Candidate c) throws ToolException {
        Spec s = c.spec();
        Scope scope = null;
        List<Hit> whole = hits(s.tool, s.args);
        if (rnd.nextDouble() < (whole.isEmpty() ? 0.1 : 0.3)) {
            scope = chooseScope(whole);
        }
        String question;
        if (scope == null && c.standard() != null && rnd.nextDouble() < 0.2) {
            question = c.standard();
        } else {
            question = Questions.fill(pick(c.templates()), scope == null ? "" : scope.phrase(), c.param());
        }
        ObjectNode args = s.args.deepCopy();
        if (scope != null) {
            args.put("path", scope.path());
        }
        List<Hit> hits = hits(s.tool, args);
        List<Hit> items = items(s, hits);
        return play(s, scope, question, args, hits, items, pickShape(s, scope, items, hits));
    }

    private String pickShape(Spec s, Scope scope, List<Hit> items, List<Hit> hits) {
        double r = rnd.nextDouble();
        if (items.isEmpty()) {
            if (r < 0.25) {
                return "double_check";
            }
            if (r < 0.4 && scope == null) {
                return "wrong_path";
            }
            return r < 0.55 ? "empty_first" : "direct";
        }
        if (hits.size() > 60 && r < 0.6) {
            return "limit";
        }
        for (int i = 0; i < SHAPE_CUTS.length; i++) {
            if (r < SHAPE_CUTS[i]) {
                return SHAPES[i];
            }
        }
        return scope == null ? "wrong_path" : "direct";
    }

    /** The shapes of a search that found items, each taken while the draw is below its cut (cumulative shares). */
    private static final String[] SHAPES = {
        "direct", "limit", "confirm_read", "empty_first", "empty_then_confirm", "grep", "run_command", "grep_then_tool"};
    private static final double[] SHAPE_CUTS = {0.34, 0.44, 0.54, 0.62, 0.68, 0.78, 0.86, 0.94};

    /** Plays one conversation about a Python-aware search; empty when the shape does not fit this search. */
    private Optional<Example> play(Spec s, Scope scope, String question, ObjectNode args, List<Hit> hits,
                                   List<Hit> items, String shape) throws ToolException {
        Conversation c = new Conversation(repo, question);
        String answer;
        switch (shape) {
            case "direct" -> {
                c.call(s.tool, args);
                answer = fromTool(s, scope, hits, 200, false);
            }
            case "limit" -> {
                int limit = pick(List.of(20, 30, 50));
                if (hits.size() <= limit) {
                    return none("limit: small result");
                }
                ObjectNode a = args.deepCopy();
                a.put("limit", limit);
                c.call(s.tool, a);
                answer = fromTool(s, scope, hits, limit, false);
            }
            case "confirm_read" -> {
                if (items.isEmpty() || items.size() > SUMMARY_OVER) {
                    return none("confirm_read: no or many items");
                }
                c.call(s.tool, args);
                Hit h = items.get(rnd.nextInt(Math.min(3, items.size())));
                int start = Math.max(1, h.line() - rnd.nextInt(3));
                c.call("read_file", obj("path", h.file(), "start_line", start, "end_line", h.line() + 6 + rnd.nextInt(10)));
                answer = fromTool(s, scope, hits, 200, false);
            }
            case "empty_first" -> {
                Object[] naive = firstEmpty(s, scope);
                if (naive == null) {
                    return none("empty_first: no empty first search");
                }
                c.call((String) naive[0], (ObjectNode) naive[1]);
                c.call(s.tool, args);
                answer = fromTool(s, scope, hits, 200, false);
            }
            case "empty_then_confirm" -> {
                if (items.isEmpty() || items.size() > SUMMARY_OVER) {
                    return none("empty_then_confirm: no or many items");
                }
                Object[] naive = firstEmpty(s, scope);
                if (naive == null) {
                    return none("empty_then_confirm: no empty first search");
                }
                c.call((String) naive[0], (ObjectNode) naive[1]);
                c.call(s.tool, args);
                Hit h = items.get(rnd.nextInt(Math.min(3, items.size())));
                c.call("read_file", obj("path", h.file(), "start_line", Math.max(1, h.line() - 1), "end_line",
                        h.line() + 8 + rnd.nextInt(8)));
                answer = fromTool(s, scope, hits, 200, false);
            }
            case "double_check" -> {
                if (!items.isEmpty()) {
                    return none("double_check: has items");
                }
                c.call(s.tool, args);
                Object[] naive = firstEmpty(s, scope);
                if (naive == null || !naive[0].equals("grep") && !naive[0].equals("run_command")) {
                    return none("double_check: no empty grep");
                }
                c.call((String) naive[0], (ObjectNode) naive[1]);
                answer = fromTool(s, scope, hits, 200, false);
            }
            case "wrong_path" -> {
                if (scope != null) {
                    return none("wrong_path: scoped");
                }
                String bad = pick(BAD_PATHS);
                if (Files.exists(repo.root().resolve(bad))) {
                    return none("wrong_path: exists");
                }
                ObjectNode a = args.deepCopy();
                a.put("path", bad);
                ToolResult r = c.call(s.tool, a);
                if (!r.error()) {
                    return none("wrong_path: no error");
                }
                c.call(s.tool, args);
                answer = fromTool(s, scope, hits, 200, false);
            }
            case "grep", "run_command" -> {
                if (items.isEmpty() || (shape.equals("grep") ? s.grep : s.command) == null) {
                    return none(shape + ": not applicable");
                }
                ToolResult r = shape.equals("grep") ? c.call("grep", grepArgs(s, scope)) : c.call("run_command",
                        obj("command", scope == null ? s.command : s.command.substring(0, s.command.length() - 1) + scope.path()));
                if (r.error() || r.omitted() > 0 || r.content().contains("[search stopped")) {
                    return none(shape + ": output cut or failed");
                }
                answer = fromText(s, scope, items, r.content());
            }
            case "grep_then_tool" -> {
                if (s.grep == null) {
                    return none("grep_then_tool: no grep");
                }
                ObjectNode g = grepArgs(s, scope);
                if (rnd.nextBoolean()) {
                    g.put("max_matches", pick(List.of(20, 30)));
                }
                ToolResult r = c.call("grep", g);
                if (r.error() || r.omitted() == 0 && !noisy(r.content(), items)) {
                    return none("grep_then_tool: grep neither cut nor noisy");
                }
                c.call(s.tool, args);
                answer = fromTool(s, scope, hits, 200, false);
            }
            default -> throw new IllegalStateException(shape);
        }
        if (answer == null) {
            return none(shape + ": answer not derivable from the output");
        }
        if (c.outputs().stream().mapToInt(String::length).sum() > MAX_TOOL_CHARS) {
            return none(shape + ": outputs too long");
        }
        return Optional.of(c.answer("", codebase, s.task, shape, answer));
    }

    /** True when a text search's output has lines that are not items (matches in strings, comments, other code). */
    private static boolean noisy(String output, List<Hit> items) {
        Set<String> wanted = new HashSet<>();
        items.forEach(h -> wanted.add(h.file() + ":" + h.line()));
        for (String line : output.split("\n")) {
            Matcher m = OUTPUT_LINE.matcher(line);
            if (m.matches() && line.contains(m.group(1) + ":" + m.group(2) + ":")
                    && !wanted.contains(m.group(1) + ":" + m.group(2))) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode grepArgs(Spec s, Scope scope) {
        ObjectNode g = obj("pattern", s.grep);
        if (scope != null) {
            g.put("path", scope.path());
        }
        if (scope == null || !scope.path().endsWith(".py")) {
            g.put("glob", "*.py");
        }
        if (s.grepContext > 0) {
            g.put("context", s.grepContext);
        }
        return g;
    }

    private Object[] firstEmpty(Spec s, Scope scope) {
        for (Object[] n : s.naive) {
            ObjectNode a = ((ObjectNode) n[1]).deepCopy();
            String tool = (String) n[0];
            if (scope != null) {
                if (tool.equals("run_command")) {
                    String cmd = a.get("command").asText();
                    a.put("command", cmd.substring(0, cmd.length() - 1) + scope.path());
                } else {
                    a.put("path", scope.path());
                    if (scope.path().endsWith(".py")) {
                        a.remove("glob");
                    }
                }
            }
            ToolResult r = repo.call(tool, a);
            if (!r.error() && r.items() == 0 && !r.content().contains("[search stopped")) {
                return new Object[] {tool, a};
            }
        }
        return null;
    }

    /** The answer items among a search's hits: those kept, one per file for imports, in hit order. */
    private static List<Hit> items(Spec s, List<Hit> hits) {
        List<Hit> out = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (Hit h : hits) {
            if (s.keep.test(h) && (!s.firstPerFile || files.add(h.file()))) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * The answer from a Python tool's output that showed the first {@code limit} hits: all items when they are few
     * and shown, else the count (derivable: shown + "N more not shown" for a plain search) and the first
     * {@link #SUMMARY_SHOWN}. Null when the output does not let the answer be derived (a filtered search cut off).
     */
    private String fromTool(Spec s, Scope scope, List<Hit> hits, int limit, boolean simpleNames) {
        List<Hit> shownHits = hits.subList(0, Math.min(limit, hits.size()));
        List<Hit> items = items(s, hits);
        Set<Hit> shown = new HashSet<>(shownHits);
        boolean allShown = shown.containsAll(items);
        if (!allShown && !s.plain()) {
            return null;
        }
        List<Hit> listed = items.stream().filter(shown::contains).toList();
        if (items.size() > SUMMARY_OVER || !allShown) {
            listed = listed.subList(0, Math.min(SUMMARY_SHOWN, listed.size()));
        }
        List<String> lines = new ArrayList<>();
        for (Hit h : listed) {
            lines.add(itemLine(s.style, h, simpleNames, h.text()));
        }
        return Answers.list(s.plural, s.singular, scope == null ? "" : scope.suffix(), lines, items.size());
    }

    /** The answer from a text search's output that holds every item's line (checked). */
    private String fromText(Spec s, Scope scope, List<Hit> items, String output) {
        Map<String, String> text = new HashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = OUTPUT_LINE.matcher(line);
            if (m.matches()) {
                text.putIfAbsent(m.group(1) + ":" + m.group(2), m.group(3).strip());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Hit h : items) {
            String t = text.get(h.file() + ":" + h.line());
            if (t == null) {
                return null;
            }
            String detail = switch (s.style) {
                case IMPORT -> t;
                case COMMENT -> t.contains(h.text()) ? h.text() : t;
                case NAMED -> "";
            };
            lines.add(itemLine(s.style, h, true, detail));
        }
        if (lines.size() > SUMMARY_OVER) {
            lines = lines.subList(0, SUMMARY_SHOWN);
        }
        return Answers.list(s.plural, s.singular, scope == null ? "" : scope.suffix(), lines, items.size());
    }

    private static String itemLine(Style style, Hit h, boolean simpleName, String detail) {
        String where = h.file() + ":" + h.line();
        return switch (style) {
            case IMPORT -> "- " + where + " (" + detail + ")";
            case COMMENT -> "- " + where + ": " + detail;
            case NAMED -> "- " + (simpleName ? h.name().substring(h.name().lastIndexOf('.') + 1) : h.name())
                    + " (" + where + ")";
        };
    }

    // ---------------------------------------------------------------- class and function lookups

    private Optional<Example> lookupTask(boolean classes) throws ToolException {
        String name;
        Map<String, Integer> names = classes ? scan.classNames : scan.functionNames;
        List<String> pool = Scan.within(names, 1, 4).stream()
                .filter(n -> n.length() >= 4 && !n.startsWith("__") && !n.startsWith("test")).toList();
        boolean absent = rnd.nextDouble() < 0.1 || pool.isEmpty();
        if (absent) {
            name = classes ? pick(List.of("ConnectionPoolManager", "RetryPolicy", "EventBus", "UserProfile",
                    "PluginRegistry", "CacheBackend")) : pick(List.of("parse_config", "load_settings", "retry_forever",
                    "connect_db", "render_page", "flush_cache"));
        } else {
            name = pick(pool);
        }
        String tool = classes ? "find_classes" : "find_functions";
        Spec s = spec(classes ? Task.CLASS_LOOKUP : Task.FUNCTION_DEFINITION, tool, obj("name_pattern", name),
                (classes ? "classes" : "functions") + " named " + name, (classes ? "class" : "function") + " named " + name);
        String wanted = name;
        s.keep = h -> h.name().equals(wanted) || h.name().endsWith("." + wanted);
        s.keepsAll = false;
        if (classes) {
            s.naive.add(new Object[] {"grep", obj("pattern", "^class " + name + ":", "glob", "*.py")});
            s.naive.add(new Object[] {"find_functions", obj("name_pattern", name)});
            s.grep = "class " + name + "\\b";
            s.command = "grep -rn \"class " + name + "\\b\" --include=*.py .";
        } else {
            s.naive.add(new Object[] {"find_classes", obj("name_pattern", name)});
            s.naive.add(new Object[] {"grep", obj("pattern", "^def " + name + "\\(", "glob", "*.py")});
            s.grep = "def " + name + "\\(";
            s.command = "grep -rn \"def " + name + "(\" --include=*.py .";
        }
        String question = Questions.fill(pick(classes ? Questions.CLASS_LOOKUP : Questions.FUNCTION_DEFINITION), "", name);
        List<Hit> hits = hits(tool, s.args);
        List<Hit> items = items(s, hits);
        if (hits.size() > 200) {
            return none("lookup: too many substring matches");
        }
        double r = rnd.nextDouble();
        String shape;
        if (items.isEmpty()) {
            shape = r < 0.4 ? "double_check" : r < 0.6 ? "empty_first" : "direct";
        } else {
            shape = r < 0.35 ? "direct" : r < 0.55 ? "confirm_read" : r < 0.7 ? "grep" : r < 0.82 ? "run_command"
                    : r < 0.95 ? "empty_first" : "wrong_path";
        }
        return play(s, null, question, s.args.deepCopy(), hits, items, shape);
    }

    private Optional<Example> methodsTask() throws ToolException {
        List<Scan.ClassDef> pool = new ArrayList<>();
        for (Scan.ClassDef cd : scan.classes) {
            if (scan.qualifiedClassNames.get(cd.cls().qualifiedName()) == 1
                    && scan.classNames.get(cd.cls().name()) == 1) {
                pool.add(cd);
            }
        }
        if (pool.isEmpty()) {
            return none("methods: no unique class");
        }
        Scan.ClassDef cd = pick(pool);
        String qn = cd.cls().qualifiedName();
        String glob = qn + ".*";
        Predicate<Hit> direct = h -> h.file().equals(cd.file()) && h.name().startsWith(qn + ".")
                && h.name().indexOf('.', qn.length() + 1) < 0;
        List<Hit> methods = hits("find_functions", obj("name_pattern", glob)).stream().filter(direct).toList();
        if (methods.isEmpty() || methods.size() > 40) {
            return none("methods: none or too many");
        }
        String name = cd.cls().name();
        String question = Questions.fill(pick(Questions.CLASS_METHODS), "", name);
        Conversation c = new Conversation(repo, question);
        String shape;
        String header;
        ToolResult last;
        double r = rnd.nextDouble();
        if (r < 0.6) {
            shape = r < 0.4 ? "two_step" : "three_step";
            ToolResult found = c.call("find_classes", obj("name_pattern", name));
            if (!found.content().contains(cd.file() + ":" + cd.cls().line() + ": ")) {
                return none("methods: class not shown");
            }
            if (shape.equals("three_step")) {
                int line = cd.cls().line();
                c.call("read_file", obj("path", cd.file(), "start_line", line, "end_line", line + 10 + rnd.nextInt(10)));
            }
            last = c.call("find_functions", obj("name_pattern", glob, "path", cd.file()));
            header = "Class " + qn + " (" + cd.file() + ":" + cd.cls().line() + ") has " + methods.size() + " method"
                    + (methods.size() == 1 ? "" : "s") + ":";
        } else {
            shape = "direct";
            last = c.call("find_functions", obj("name_pattern", glob));
            header = null;
        }
        if (last.omitted() > 0) {
            return none("methods: output cut");
        }
        List<String> lines = new ArrayList<>();
        List<Hit> listed = methods.size() > SUMMARY_OVER ? methods.subList(0, SUMMARY_SHOWN) : methods;
        for (Hit h : listed) {
            lines.add(itemLine(Style.NAMED, h, false, ""));
        }
        String answer = Answers.list("methods of class " + qn, "method of class " + qn, "", lines, methods.size());
        if (header != null) {
            answer = answer.replaceFirst("^Found \\d+ methods? of class \\S+:", java.util.regex.Matcher.quoteReplacement(
                    "Found " + methods.size() + " method" + (methods.size() == 1 ? "" : "s") + " of class " + qn
                            + " (" + cd.file() + ":" + cd.cls().line() + "):"));
        }
        return Optional.of(c.answer("", codebase, Task.CLASS_METHODS, shape, answer));
    }

    // ---------------------------------------------------------------- file finding

    private Optional<Example> fileTask() {
        double r = rnd.nextDouble();
        if (r < 0.35) {
            return fileByName();
        }
        if (r < 0.6) {
            return fileByWord();
        }
        if (r < 0.8) {
            return folderListing();
        }
        return pythonFilesUnder();
    }

    private Optional<Example> fileByName() {
        List<String> names = Scan.within(scan.fileNames, 1, 30).stream()
                .filter(n -> !n.equals(".fetched") && !n.equals("__init__.py")).toList();
        String name = rnd.nextDouble() < 0.15 || names.isEmpty() ? pick(ABSENT_FILES) : pick(names);
        String question = Questions.fill(pick(Questions.FILE_BY_NAME), "", name);
        Conversation c = new Conversation(repo, question);
        Asked a = directOrCommand(c, 0.65, "find", obj("name", name), "find . -name \"" + name + "\"");
        return fileAnswer(c, a, "files named " + name, "file named " + name);
    }

    private Optional<Example> fileByWord() {
        List<String> words = new ArrayList<>();
        for (String n : scan.fileNames.keySet()) {
            for (String w : n.replaceAll("\\.[a-z]+$", "").split("[_.\\-]")) {
                if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (words.isEmpty()) {
            return none("files: no words");
        }
        String w = pick(words);
        String question = Questions.fill(pick(Questions.FILE_BY_WORD), "", w);
        Conversation c = new Conversation(repo, question);
        Asked a = directOrCommand(c, 0.65, "find", obj("name", "*" + w + "*", "type", "f"), "find . -name \"*" + w + "*\" -type f");
        return fileAnswer(c, a, "files with '" + w + "' in their name", "file with '" + w + "' in its name");
    }

    private Optional<Example> folderListing() {
        List<String> dirs = new ArrayList<>(scan.pyDirs.keySet());
        if (dirs.isEmpty()) {
            return none("folders: none");
        }
        String d = pick(dirs);
        String question = Questions.fill(pick(Questions.FOLDER_LISTING), "", d);
        Conversation c = new Conversation(repo, question);
        Asked a = directOrCommand(c, 0.7, "list_dir", obj("path", d), "ls " + d);
        ToolResult r = a.result();
        String shape = a.shape();
        if (r.error() || r.omitted() > 0) {
            return none("folders: cut or failed");
        }
        List<String> entries = List.of(r.content().split("\n"));
        if (shape.equals("run_command")) {
            entries = entries.stream().filter(e -> !e.isBlank()).toList();
        }
        List<String> lines = new ArrayList<>();
        for (String e : entries.size() > SUMMARY_OVER ? entries.subList(0, SUMMARY_SHOWN) : entries) {
            lines.add("- " + e);
        }
        String answer = Answers.list("entries in " + d + "/", "entry in " + d + "/", "", lines, entries.size());
        if (c.outputs().stream().mapToInt(String::length).sum() > MAX_TOOL_CHARS) {
            return none("folders: too long");
        }
        return Optional.of(c.answer("", codebase, Task.FILE_FINDING, shape, answer));
    }

    private Optional<Example> pythonFilesUnder() {
        List<String> dirs = Scan.within(scan.pyDirs, 2, Integer.MAX_VALUE);
        if (dirs.isEmpty()) {
            return none("python files: no folders");
        }
        String d = pick(dirs);
        String question = Questions.fill(pick(Questions.PYTHON_FILES_UNDER), "", d);
        Conversation c = new Conversation(repo, question);
        Asked a = directOrCommand(c, 0.6, "find", obj("path", d, "name", "*.py"), "find " + d + " -name \"*.py\"");
        return fileAnswer(c, a, "Python files under " + d, "Python file under " + d);
    }

    /** A call made and the shape of the example it makes: "direct" for a tool's own call, or "run_command". */
    private record Asked(String shape, ToolResult result) {}

    /** The {@code tool} call with probability {@code direct}, else the shell {@code command} that lists the same. */
    private Asked directOrCommand(Conversation c, double direct, String tool, ObjectNode args, String command) {
        return rnd.nextDouble() < direct ? new Asked("direct", c.call(tool, args))
                : new Asked("run_command", c.call("run_command", obj("command", command)));
    }

    private Optional<Example> fileAnswer(Conversation c, Asked asked, String plural, String singular) {
        ToolResult r = asked.result();
        String shape = asked.shape();
        if (r.error()) {
            return none("files: error");
        }
        List<String> paths = new ArrayList<>();
        if (r.items() > 0) {
            for (String line : r.content().split("\n")) {
                if (line.startsWith("[... ")) {
                    continue;
                }
                paths.add(line.startsWith("./") ? line.substring(2) : line);
            }
        }
        if (r.omitted() > 0 && paths.size() < SUMMARY_SHOWN) {
            return none("files: cut early");
        }
        int total = r.items();
        List<String> listed = total > SUMMARY_OVER || r.omitted() > 0 ? paths.subList(0, Math.min(SUMMARY_SHOWN, paths.size())) : paths;
        List<String> lines = listed.stream().map(p -> "- " + p).toList();
        String answer = Answers.list(plural, singular, "", lines, total);
        if (c.outputs().stream().mapToInt(String::length).sum() > MAX_TOOL_CHARS) {
            return none("files: too long");
        }
        return Optional.of(c.answer("", codebase, Task.FILE_FINDING, shape, answer));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A folder or file to scope a question to: mostly one that holds a hit of the whole-codebase search, else any
     * folder with Python files.
     */
    private Scope chooseScope(List<Hit> whole) {
        String path;
        if (!whole.isEmpty() && rnd.nextDouble() < 0.75) {
            Hit h = pick(whole);
            if (rnd.nextDouble() < 0.4) {
                path = h.file();
            } else {
                path = h.file().substring(0, Math.max(0, h.file().lastIndexOf('/')));
            }
        } else {
            List<String> dirs = new ArrayList<>(scan.pyDirs.keySet());
            if (dirs.isEmpty()) {
                return null;
            }
            path = pick(dirs);
        }
        if (path.isEmpty()) {
            return null;
        }
        String phrase;
        if (path.endsWith(".py")) {
            phrase = " in " + path;
        } else {
            boolean pkgDir = Files.isRegularFile(repo.root().resolve(path).resolve("__init__.py"));
            double r = rnd.nextDouble();
            phrase = r < 0.4 ? " in " + path : r < 0.7 ? " under " + path + "/"
                    : pkgDir ? " in the " + path.replace('/', '.') + " package" : " in the " + path + " folder";
        }
        return new Scope(path, phrase);
    }

    private List<Hit> hits(String tool, ObjectNode args) {
        return searchCache.computeIfAbsent(tool + args, k -> {
            try {
                return repo.search(tool, args);
            } catch (ToolException e) {
                return List.of();
            }
        });
    }

    private Spec spec(Task task, String tool, ObjectNode args, String plural, String singular) {
        Spec s = new Spec();
        s.task = task;
        s.tool = tool;
        s.args = args;
        s.plural = plural;
        s.singular = singular;
        return s;
    }

    private Optional<Example> none(String why) {
        reject(why);
        return Optional.empty();
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static ObjectNode obj(Object... kv) {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            Object v = kv[i + 1];
            switch (v) {
                case String s -> o.put(k, s);
                case Integer n -> o.put(k, n);
                case Boolean b -> o.put(k, b);
                default -> throw new IllegalArgumentException(k + "=" + v);
            }
        }
        return o;
    }
}
