package dev.ferret.agent.hybrid;

import dev.ferret.agent.hybrid.Question.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The detectors of modules and programs: the files importing a module, the third-party libraries, the entry points. */
final class DetectImports extends Detect {
    DetectImports(Question q, Shared shared) {
        super(q, shared);
    }

    /** Words before a library named as the means of doing something. */
    private static final Set<String> MEANS = Lexicon.set("via through thru with using without uninstall uninstalling");

    /** Nouns of a folder, in either reading below: "the tests folder", "the utils package". */
    private static final Set<String> FOLDER_WORDS = Set.of("package", "pkg", "folder", "dir", "directory", "subpackage");
    /** Nouns of a folder that is never a module: "the hubs folder" (not "the X package", which may be imported). */
    private static final Set<String> FOLDER_ONLY = Set.of("folder", "dir", "directory", "subfolder", "subdirectory");
    /** Nouns that make the word before them a place: "the cli module", "the utils package", "the tests folder". */
    private static final Set<String> PLACE_NOUNS = plus(FOLDER_WORDS, "module", "file", "submodule", "script");
    /** Nouns of what a place imports: "which modules does X import". */
    private static final Set<String> IMPORTED_NOUNS = Set.of("modules", "module", "packages", "package", "libraries",
            "library", "libs", "lib", "deps", "dependencies", "imports", "things", "stuff", "names", "classes", "functions");

    /**
     * "what does sessions.py import", "which modules does the cli module pull in", "what does utils/http.py depend on",
     * "list the imports in cli.py", "import statements of requests/models.py", "what is imported in the auth package",
     * "cli.py's imports": what a file, module or folder imports. The place is a file or folder written as a path, a
     * dotted module, or a name with a noun of place ("the cli module"); a bare name only as the subject of "what does X
     * import". Not "what does X import from Y" (the files importing Y, in X), and not "X imports?" or "imports of X"
     * with X a module's name rather than a path: about fifty rows of the earlier blind sets, written when only that
     * search existed, read those as the files importing X.
     */
    Candidate moduleImports() {
        if (NOT_A_LISTING.matcher(q.original).find()) {
            return null; // "sort the imports in wait.py", "which of the imports in X is slow": a change or a judgement
        }
        int[] leading = q.size() > 4 && Set.of("in", "for", "inside", "within").contains(q.get(0).lower()) ? place(1, false) : null;
        if (leading != null && leading[1] + 1 < q.size() && q.afterComma(leading[1] + 1) && ownImportsAsked(leading[1] + 1)) {
            return candidate(leading); // "In id_token.py, which modules are imported?", "For X, what are its imports?"
        }
        for (int i = 0; i < q.size(); i++) {
            String n = q.get(i).lower();
            // "what does X import", "which modules does X pull in": the subject between "does" and the verb
            if (Set.of("does", "do", "did", "dose", "dos", "deos").contains(n) && i > 0 && whBefore(i - 1)) { // ("what dose X import")
                int s0 = i + 1;
                if (s0 + 2 < q.size() && Set.of("the", "all", "our").contains(q.get(s0).lower())
                        && Set.of("files", "modules", "code").contains(q.get(s0 + 1).lower())
                        && Set.of("in", "under", "inside").contains(q.get(s0 + 2).lower())) {
                    s0 += 3; // "what do the files in pkg/auth import"
                } else if (s0 + 1 < q.size() && Set.of("everything", "anything", "all").contains(q.get(s0).lower())
                        && Set.of("in", "under", "inside").contains(q.get(s0 + 1).lower())) {
                    s0 += 2; // "what does everything under arrow/ import"
                }
                int[] place = pointedPlace(s0, i);
                place = place != null ? place : place(s0, true);
                if (place == null || !importVerbAt(place[1] + 1)) {
                    // "which modules does the test helper at cherrypy/test/helper.py import": a path in the subject
                    for (int k = s0 + 1; k < Math.min(q.size() - 1, s0 + 6); k++) {
                        if (pathLike(q.get(k)) && importVerbAt(k + 1)) {
                            place = new int[] {k, k};
                            break;
                        }
                    }
                }
                if (place != null && (importVerbAt(place[1] + 1) || importsSaid(i - 1) && place[1] + 1 < q.size()
                        && Set.of("contain", "have", "hold", "include", "use", "got").contains(q.get(place[1] + 1).lower()))
                        && !fromAfter(place[1] + 1)) {
                    return candidate(place); // "which import statements does X contain"
                }
            }
            // "which modules is the streaming_iterator module importing", "what's debug.py depend on", "whats X importing"
            boolean whatIs = i == 1 && Set.of("what", "wat").contains(q.get(0).lower());
            if (Set.of("is", "are").contains(n) && i > 0 && whBefore(i - 1) && (IMPORTED_NOUNS.contains(q.get(i - 1).lower())
                    || whatIs)) {
                int[] place = place(i + 1, false);
                if (place == null && whatIs && i + 1 < q.size() && q.get(i + 1).code() && q.get(i + 1).identifier() && !knownModule(q.get(i + 1).text())) {
                    place = new int[] {i + 1, i + 1}; // "what's _service_account_info importing"
                }
                int v = place == null ? -1 : place[1] + 1;
                if (place != null && v < q.size() && (Set.of("importing", "pulling", "using").contains(q.get(v).lower())
                        || whatIs && (importVerbAt(v) || v + 1 < q.size() && Set.of("depending", "relying")
                        .contains(q.get(v).lower()) && q.get(v + 1).lower().equals("on"))) && !fromAfter(v)
                        && (!whatIs || pathLike(q.get(place[0])) || dottedModule(q.get(place[0])) || place[1] > place[0]
                        || q.get(place[0]).code() && !knownModule(q.get(place[0]).text()))) { // "what's _service_account_info importing"
                    return candidate(place);
                }
            }
            // "what is imported in X", "which modules are imported by X", "the modules imported by lines.py"
            if (n.equals("imported") && i >= 1 && i + 2 < q.size()
                    && (Set.of("is", "are", "gets", "get", "being", "was", "were").contains(q.get(i - 1).lower())
                    && i >= 2 && (whBefore(i - 2) || Set.of("everything", "anything", "all").contains(q.get(i - 2).lower()))
                    // not "check if toml is imported in cli/": the files importing toml there
                    || IMPORTED_NOUNS.contains(q.get(i - 1).lower()) || Set.of("what", "everything").contains(q.get(i - 1).lower()))
                    && (Set.of("in", "by", "inside", "within", "into", "across", "throughout", "under")
                    .contains(q.get(i + 1).lower()) || q.phrase("at", "the", "top", "of")) && !EXTERNAL.matcher(q.original).find()) {
                int at = i + 2;
                if (q.get(i + 1).lower().equals("at") && i + 4 < q.size() && q.get(i + 4).lower().equals("of")) {
                    at = i + 5; // "whats imported at the top of X"
                }
                if (at + 2 < q.size() && Set.of("the", "all").contains(q.get(at).lower())
                        && Set.of("files", "modules", "code").contains(q.get(at + 1).lower())
                        && Set.of("in", "under", "inside", "of").contains(q.get(at + 2).lower())) {
                    at += 3; // "imported by the files in the pylint/pyreverse folder"
                }
                int[] place = place(at, false); // not "which external libraries are imported by X" (third-party)
                if (place != null) {
                    return candidate(place);
                }
            }
            if (n.equals("imported") && i + 2 == q.size() && q.get(i + 1).lower().equals("there")) {
                for (int b = i - 1; b >= 0; b--) {
                    if (pathLike(q.get(b))) {
                        return candidate(new int[] {b, b}); // "_codec3.py what gets imported there"
                    }
                }
            }
            // "everything that anyio/_backends/_trio.py imports", "what the pgen2 folder pulls in", "list what it imports"
            if (importVerbAt(i) && i > 0 && !Set.of("does", "do", "did").contains(q.get(i - 1).lower()) && !fromAfter(i)) {
                int[] place = subjectBefore(i);
                if (place == null && i == 1 && bareName(q.get(0)) && i + 1 < q.size()
                        && Set.of("what", "wat", "which").contains(q.get(i + 1).lower()) && (i + 2 == q.size()
                        || Set.of("exactly", "pls", "please", "plz", "now").contains(q.get(i + 2).lower()))) {
                    return candidate(new int[] {0, 0}); // "i18n imports what exactly"
                }
                if (place != null) {
                    for (int b = place[0] - 2; b >= Math.max(0, place[0] - 5); b--) {
                        if (IMPORTED_NOUNS.contains(q.get(b).lower()) && whBefore(b) && q.get(b + 1).lower().equals("the")) {
                            return candidate(place); // "which modules the test helper file a/b.py pulls in"
                        }
                    }
                }
                if (place != null) {
                    int before = (place.length > 2 ? place[2] : place[0]) - 1; // "what it imports": before the pointer
                    if (before >= 0 && q.get(before).lower().equals("the")) {
                        before--;
                    }
                    if (before >= 0 && Set.of("what", "everything", "all", "that", "anything", "whatever")
                            .contains(q.get(before).lower())) {
                        return candidate(place);
                    }
                    if (before >= 0 && IMPORTED_NOUNS.contains(q.get(before).lower()) && (before == 0 || whBefore(before))) {
                        return candidate(place); // "which modules X pulls in", "modules X depends on??"
                    }
                    int next = i + (Set.of("pull", "pulls", "bring", "brings", "depend", "depends", "rely", "relies")
                            .contains(q.get(i).lower()) ? 2 : 1);
                    if (next < q.size() && Set.of("what", "wat", "which", "wich").contains(q.get(next).lower())
                            && (next + 1 == q.size() || Set.of("exactly", "pls", "please", "plz", "now", "again")
                            .contains(q.get(next + 1).lower()) || IMPORTED_NOUNS.contains(q.get(next + 1).norm())
                            && next + 2 == q.size())) { // "flavors.py depends on wich modules"
                        return candidate(place); // "eventlet/patcher.py imports what exactly"
                    }
                }
            }
            if (i == 1 && Set.of("who", "what").contains(q.get(0).lower())) {
                continue; // "who imports X": the files importing it
            }
            if (!IMPORT_NOUNS.contains(q.get(i).norm()) && !(n.equals("import") && (i + 1 < q.size()
                    && Set.of("list", "lst", "statements", "statement", "lines", "section", "block").contains(q.get(i + 1).lower())
                    || i > 0 && Set.of("every", "each", "any", "all").contains(q.get(i - 1).lower())))) {
                continue;
            }
            int noun = i;
            int j = i + 1;
            if (j < q.size() && Set.of("list", "lst", "statements", "statement", "lines", "section", "block").contains(q.get(j).lower())) {
                j++;
                noun = j - 1;
            }
            boolean madeBy = false;
            if (j + 3 < q.size() && q.get(j).lower().equals("at") && q.get(j + 1).lower().equals("the")
                    && q.get(j + 2).lower().equals("top") && q.get(j + 3).lower().equals("of")) {
                j += 3; // "the import statements at the top of X"
            }
            if (j + 1 < q.size() && Set.of("declared", "made", "done", "performed", "written", "found", "present",
                    "contained", "located").contains(q.get(j).lower())
                    && Set.of("by", "in", "inside", "within").contains(q.get(j + 1).lower())) {
                j++; // "the imports declared by the X package"
                madeBy = true;
            }
            if (j + 1 < q.size() && Set.of("appear", "appears", "are", "is", "exist", "exists", "live", "sit", "occur")
                    .contains(q.get(j).lower())) {
                j++; // "which imports appear in the lib folder"
            }
            // "the imports in cli.py", "import statements of requests/models.py", "deps of anyio.to_thread", "list
            // imports for anyio/streams", "list imports tenacity/_utils.py". Not "imports of X" with X a module's
            // name: the files importing X, as the earlier blind sets read it ("imports of urllib.parse?")
            String prepWord = j < q.size() ? q.get(j).lower() : "";
            boolean prep = Set.of("in", "of", "inside", "within", "for", "across", "throughout").contains(prepWord)
                    || madeBy;
            int at = prep ? j + 1 : j;
            if (prep && at + 2 < q.size() && Set.of("the", "all").contains(q.get(at).lower())
                    && Set.of("files", "modules", "code").contains(q.get(at + 1).lower())
                    && Set.of("in", "under", "inside", "of").contains(q.get(at + 2).lower())) {
                at += 3; // "the import statements in the files of the pyroute2/dhcp folder"
            }
            int[] ofPlace = prepWord.equals("of") ? place(j + 1, false) : null;
            if (ofPlace == null && prepWord.equals("of") && j + 1 < q.size() && q.get(j + 1).code() && q.get(j + 1).identifier()) {
                ofPlace = new int[] {j + 1, j + 1}; // "imports of _cryptography_rsa": a name written as code
            }
            boolean external = EXTERNAL.matcher(q.original).find();
            boolean inside = Set.of("in", "inside", "within").contains(prepWord) || noun > i
                    || Set.of("across", "throughout").contains(prepWord) && !external // "imports across the workers package"
                    // "what are the imports of cherrypy.lib.static": the imports that X has (not "all imports of X")
                    || prepWord.equals("of") && i > 0 && q.get(i - 1).lower().equals("the") && !external
                    // "list imports cherrypy.daemon": a listing of X's own, with a dotted module right after the noun
                    || !prep && i > 0 && LISTING_VERBS.contains(q.get(i - 1).lower()) && j < q.size() && dottedModule(q.get(j))
                    || !n.equals("imports") && !n.equals("import") // "deps of X": what X depends on
                    || prepWord.equals("for") && !q.afterComma(j) // "imports for the sessions module", not ", for X"
                    || madeBy || at > j + 1
                    // "list imports of _cryptography_rsa": a listing of what a module no reader knows imports
                    || ofPlace != null && i > 0 && LISTING_VERBS.contains(q.get(i - 1).lower()) && !external
                    && !knownModule(q.get(ofPlace[0]).text())
                    // "imports of the hubs folder", "imports of the locations pkg": a folder imports nothing itself
                    || ofPlace != null && ofPlace[1] > ofPlace[0] && !external && (FOLDER_ONLY.contains(q.get(ofPlace[1]).norm())
                    || Set.of("package", "pkg", "subpackage")
                    .contains(q.get(ofPlace[1]).norm()) && ofPlace[1] == ofPlace[0] + 1 && q.get(ofPlace[0]).text().indexOf('.') < 0
                    && !knownModule(q.get(ofPlace[0]).text())); // (not "imports of the a.b package": the files importing it)
            int[] after = place(at, false);
            if (after == null && ofPlace != null && inside) {
                after = ofPlace; // "list imports of _cryptography_rsa"
            }
            if (after != null && (inside || pathLike(q.get(after[0])))) {
                return candidate(after);
            }
            // "cli.py's imports", "tenacity/__init__.py imports??", "before_sleep.py deps", "black/debug.py imports -
            // need them for a diagram"; not "passlib.exc imports?" (the files importing it, as the earlier sets read it)
            int[] place = subjectBefore(i);
            if (place == null && i == 1 && noun > i && bareName(q.get(0)) && noun + 1 >= q.size()) {
                place = new int[] {0, 0, 0}; // "errorhandler import list": a name, then its import list
            }
            boolean asked = place != null && place[0] > 0 && dottedModule(q.get(place[0]))
                    && (LISTING_VERBS.contains(q.get(place[0] - 1).lower()) || place[0] > 1
                    && LISTING_VERBS.contains(q.get(place[0] - 2).lower()) && Set.of("me", "the", "all").contains(q.get(place[0] - 1).lower()));
            boolean folder = place != null && place[1] > place[0]
                    && FOLDER_ONLY.contains(q.get(place[1]).norm()); // "tz folder imports": no module is imported so
            if (place != null && (asked || folder || pathLike(q.get(place[0])) || place.length > 2 || q.get(place[0]).possessive()
                    || q.get(place[1]).possessive() || noun > i || !n.equals("imports")) && (noun + 1 >= q.size() || q.afterDash(noun + 1) || q.afterComma(noun + 1)
                    || Set.of("pls", "please", "plz", "thx", "thanks", "need", "needed", "for", "only", "here", "list",
                    "again", "atm", "rn", "now", "currently", "exactly").contains(q.get(noun + 1).lower()))) {
                return candidate(place);
            }
        }
        return null;
    }

    /**
     * Whether the words from {@code k} ask for the imports of a place said before them and name no other: "which
     * modules are imported?", "what are its import statements?", "what does it import?".
     */
    private boolean ownImportsAsked(int k) {
        StringBuilder rest = new StringBuilder();
        for (int j = k; j < q.size(); j++) {
            rest.append(q.get(j).lower()).append(' ');
        }
        return OWN_IMPORTS.matcher(rest.toString().strip()).matches();
    }

    private static final java.util.regex.Pattern OWN_IMPORTS = java.util.regex.Pattern.compile("(?:(?:which|what)\\s+"
            + "(?:modules|packages|libraries|names|things)\\s+(?:are|get|gets|is)\\s+imported|what\\s+(?:are|is)\\s+(?:its|the)"
            + "\\s+(?:imports|import\\s+statements?|deps|dependencies)|what\\s+(?:does|do)\\s+it\\s+(?:import|imports)|"
            + "(?:list|show|give)\\s+(?:me\\s+)?(?:its|the)\\s+(?:imports|import\\s+statements?)|"
            + "(?:its|the)\\s+(?:imports|import\\s+statements?))(?:\\s+(?:pls|please|plz|thx|exactly))?");

    /** Nouns of the files a listing of files asks for. */
    private static final Set<String> FILE_NOUNS = Set.of("files", "modules", "scripts", "sources", "file", "module",
            "fiels", "moduels", "moduls", "modul");
    /** Words that say which files: "python files", ".py files", "source files". */
    private static final Set<String> FILE_QUALIFIERS = Set.of("python", "py", "*.py", ".py", "source", "src", "code",
            "module", "python3", "pyhton", "pyton", "pytohn");
    /** A file type other than Python's: "the .so files", "*.txt files", "pyi files". */
    private static final java.util.regex.Pattern OTHER_FILE_TYPE = java.util.regex.Pattern.compile(
            "(?i)(?:^|[\\s(])\\*?\\.(?!py\\b)[a-z0-9]{1,6}\\s+(?:files?|modules?)\\b|\\bpyi\\s+(?:files|stubs)\\b");
    /** Nouns of a place the files are in: "the tests folder", "the requests package". */
    private static final Set<String> FOLDER_NOUNS = plus(FOLDER_WORDS, "folders", "subfolder", "subdirectory", "subdir",
            "tree");
    /** Every other word a listing of files may say; any word outside these asks for something else. */
    private static final Set<String> FILE_LISTING_WORDS = Set.of("list", "lst", "show", "me", "give", "get", "print",
            "display", "enumerate", "find", "count", "all", "the", "every", "each", "our", "of", "which", "what", "how",
            "many", "number", "total", "are", "is", "there", "here", "exist", "exists", "do", "does", "we", "i", "you",
            "have", "has", "got", "contain", "contains", "in", "under", "inside", "within", "across", "throughout",
            "below", "this", "that", "repo", "repository", "project", "codebase", "base", "pls", "please", "plz",
            "thx", "thanks", "quick", "quickly", "real", "a", "an", "overall", "whole", "entire", "altogether",
            "live", "lives", "sit", "there's", "theres", "can", "could", "would", "u", "ls", "just", "only",
            "its", "their", "with", "names", "paths", "name", "path", "sizes", "size", "and", "lines", "line", "counts",
            "hey", "hi", "so", "ok", "okay", "now", "currently", "right", "my", "for", "at", "level",
            "top-level", "top", "everything", "anything", "contents", "content", "included", "make", "makes",
            "making", "up", "belong", "belongs", "to", "form", "forms", "along", "w/", "hold", "holds", "even", "full",
            "complete", "wat", "wht", "need", "needed", "it", "them", "q", "counting", "including", "incl", "review",
            "diagram", "overview", "teh", "r", "lists", "listing", "exactly", "set", "us", "consist", "consists",
            "comprise", "comprises", "made", "together", "alongside", "subfolders", "subdirectories", "ones", "gimme",
            "mean", "meant", "tell", "report", "like", "want", "wanna", "grouped", "group", "by", "bytes", "kb", "loc",
            "hw", "chars", "characters", "inventory", "catalog", "catalogue", "rundown", "num", "nr", "contained",
            "located", "stored", "found", "sitting", "residing", "present");

    /**
     * "list all python files", "how many .py files are there", "which files are in the tests folder", "the modules of
     * the auth package", "what's in src/app/": the Python files, of the folder named if one is (the classifier's scope).
     * Every word must be one of a listing of files, the place, or a clause set aside; any other word asks for more
     * ("files that import X", "test files", "the largest files"), which other searches answer or none does.
     */
    Candidate pythonFiles() {
        int noun = -1;
        for (int i = 0; i < q.size() && noun < 0; i++) {
            Word w = q.get(i);
            String misspelt = FILE_NOUNS.contains(w.lower()) ? null : misspeltAs(w, FILE_NOUNS);
            String l = FILE_NOUNS.contains(w.lower()) ? w.lower() : misspelt != null ? misspelt : w.norm(); // "fiels", "fils"
            if (FILE_NOUNS.contains(l) && !w.code() && (!Set.of("file", "module", "modul").contains(l) || i > 0
                    && FILE_QUALIFIERS.contains(q.get(i - 1).norm()))) {
                noun = i; // "every python module", not "the cli module"
            }
        }
        for (int i = 0; i < q.size() && noun < 0; i++) {
            if (Set.of("*.py", ".py").contains(q.get(i).lower())) {
                noun = i; // "ls *.py whole repo"
            }
        }
        if (OTHER_FILE_TYPE.matcher(q.original).find()) {
            return null; // "list the .so files", "*.txt files": files of another type
        }
        boolean contents = false;
        if (noun < 0) {
            // "what's in the tests/ folder", "contents of src/app", "ls pkg/": a folder's files without the noun
            // "what does the X package consist of"
            contents = q.size() >= 2 && (q.get(0).lower().equals("ls") || q.phrase("what", "is", "in")
                    || q.get(0).lower().equals("what") && q.get(1).lower().equals("is") || q.words.stream().anyMatch(w
                    -> Set.of("contents", "consist", "consists", "comprise", "comprises", "listing").contains(w.lower())));
            if (!contents) {
                return null;
            }
        }
        // a clause set aside before or after ("new here: ...", "..., need them for a diagram")
        int from = 0;
        int to = q.size();
        for (int j = 1; j < q.size(); j++) {
            if ((q.afterDash(j) || q.afterComma(j)) && (noun < 0 || j > noun)) {
                to = j;
                break;
            }
            if ((q.afterDash(j) || q.afterComma(j)) && noun >= 0 && j <= noun) {
                from = j;
            }
        }
        String place = null;
        boolean folderSaid = false;
        int detail = detailFrom(noun);
        boolean[] at = new boolean[q.size()];
        Set<String> placeWords = new java.util.HashSet<>();
        for (int j = 0; j < q.size(); j++) {
            at[j] = placeAt(j);
            if (at[j]) {
                placeWords.add(q.get(j).text());
            }
        }
        boolean testFiles = false;
        for (int j = 0; j < q.size(); j++) {
            Word w = q.get(j);
            String l = w.lower();
            boolean core = j >= from && j < to;
            if (!at[j] && j + 1 < q.size() && WHOLE_REPOSITORY.contains(q.get(j + 1).lower()) && w.identifier()
                    && j > 0 && Set.of("the", "this", "our").contains(q.get(j - 1).lower())) {
                continue; // "the virtualenv codebase": the project's own name
            }
            if (j == noun || FILE_QUALIFIERS.contains(l) || folderNoun(w) || !at[j] && placeWords.contains(w.text())
                    || detail >= 0 && j > detail && DETAIL_WORDS.contains(l)) {
                continue; // ("what files does comments have? the comments package i mean": the place said twice)
            }
            if (at[j]) {
                // "latex2e package - what files does it have": the place may stand in the clause before
                folderSaid |= w.text().indexOf('/') > 0 || dottedModule(w) || j + 1 < q.size()
                        && folderNoun(q.get(j + 1)) || j > 0 && folderNoun(q.get(j - 1));
                if (place != null && !place.equals(w.text())) {
                    return null; // two places: which one is not clear
                }
                if (core || j < from) {
                    place = w.text();
                    continue;
                }
            }
            if (FILE_LISTING_WORDS.contains(l) || FILE_LISTING_WORDS.contains(w.norm()) || misspelt(w, FILE_LISTING_WORDS)) {
                continue; // ("need a full lsit of every .py file")
            }
            if (Set.of("test", "tests").contains(l) && included(j)) {
                continue; // "how many .py files in the whole repo incl tests"
            }
            if (Set.of("test", "tests", "unit").contains(l) && j + 1 == noun) {
                testFiles = true; // "which test files does pkg/tests contain": only in a folder of tests
                continue;
            }
            if (core || cueWord(w.norm()) || Lexicon.cue(l) || w.code() || knownModule(w.text())) {
                // "files that import X", "test files"; in a clause set aside: "collections import - which files",
                // "whats in X, methods only", "numpy - which modules?" ask for more or name what the files are about
                return null;
            }
        }
        folderSaid |= contents && FILES_SAID.matcher(q.original).find(); // "`httpx_client` contents? just the .py ones"
        if (testFiles && (place == null || !place.toLowerCase(Locale.ROOT).contains("test"))) {
            return null; // "list the test files": the files of tests are not told apart from others
        }
        if (contents && (place == null || !folderSaid || place.endsWith(".py"))) {
            // "what is in it": no folder named; "what's in cli.py", "whats in MultiDict", "what's in __all__": what
            // a file or a class holds, not its files
            return null;
        }
        while (place != null && place.length() > 1 && place.endsWith("/")) {
            place = place.substring(0, place.length() - 1);
        }
        return new Candidate(new Intent.PythonFiles(place == null ? Intent.ALL : place), 8, false, "");
    }

    /**
     * Whether word {@code j} names the folder of a listing of files: a path, a dotted package ("twisted.spread"), a
     * name with a folder noun ("the cred package", "the folder tests"), or a name after "in", "under", "of", "up".
     */
    private boolean placeAt(int j) {
        Word w = q.get(j);
        String l = w.text().toLowerCase(Locale.ROOT); // as written: "chat" is lowered to a misspelt "what"
        if (pathLike(w) && !l.startsWith("*") || dottedModule(w)) {
            return true;
        }
        if (!w.identifier() && w.text().matches("[A-Za-z_][\\w]*(?:-[\\w]+)+") && j + 1 < q.size() && folderNoun(q.get(j + 1))) {
            return true; // "the adv-svcs folder"
        }
        if (!w.identifier() || w.at() || w.parens() || l.startsWith("__") && l.endsWith("__") // "whats in __all__"
                || FILE_LISTING_WORDS.contains(l)) {
            return false;
        }
        if (j > 0 && j + 1 < q.size() && Set.of("has", "does").contains(q.get(j - 1).lower()) && Set.of("got", "have",
                "hold", "contain", "include").contains(q.get(j + 1).lower()) && !Lexicon.ENGLISH_STOP.contains(l)) {
            return true; // "how many modules has glacier got"
        }
        return j + 1 < q.size() && (folderNoun(q.get(j + 1)) || Set.of("contents", "content").contains(q.get(j + 1).lower())
                && (w.code() || j == 0)) // "`httpx_client` contents?"
                || j > 0 && (folderNoun(q.get(j - 1)) || Set.of("in", "under", "inside", "within", "of",
                "up").contains(q.get(j - 1).lower())) && !Lexicon.ENGLISH_STOP.contains(l);
    }

    /** A word no dictionary knows, one swap, letter more or letter less from one of {@code words} ("lsit", "fils"). */
    private static boolean misspelt(Word w, Set<String> words) {
        return misspeltAs(w, words) != null;
    }

    /** The word of {@code words} that {@code w} misspells ({@link #misspelt}), the first in alphabetical order; or null. */
    private static String misspeltAs(Word w, Set<String> words) {
        String l = w.lower();
        if (w.code() || l.length() < 4 || Lexicon.known(l)) {
            return null;
        }
        return words.stream().filter(x -> x.length() >= 4 && x.charAt(0) == l.charAt(0) && Lexicon.known(x)
                && EditDistance.of(l, x, 1) <= 1).sorted().findFirst().orElse(null); // (not to a misspelling listed: "fiels")
    }

    /** Python files said outright, beside a listing of a place's contents. */
    private static final java.util.regex.Pattern FILES_SAID = java.util.regex.Pattern.compile(
            "(?i)(?:\\.py|\\bpython)\\s+(?:ones|files|modules|only)\\b");

    /** "folder", "package", "pkg", "dir", also misspelt ("pakage", "foler"). */
    private static boolean folderNoun(Word w) {
        return !w.code() && (FOLDER_NOUNS.contains(w.lower()) || FOLDER_NOUNS.contains(w.norm())
                || w.lower().length() >= 5 && FOLDER_NOUNS.stream().anyMatch(n -> n.length() >= 6
                && EditDistance.of(w.lower(), n, 1) <= 1));
    }

    /**
     * Where the words that say what the listing shows of each file start ("along with how many classes and functions
     * each one defines", "together with its number of lines", ", and what are they called"), or -1.
     */
    private int detailFrom(int noun) {
        for (int k = Math.max(0, noun); k < q.size(); k++) {
            if (!Set.of("with", "along", "together", "and", "plus", "w/").contains(q.get(k).lower())) {
                continue;
            }
            for (int j = k + 1; j < Math.min(q.size(), k + 5); j++) {
                if (Set.of("how", "number", "count", "counts", "sizes", "names", "what", "their", "its").contains(q.get(j).lower())) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Words of what the listing shows of each file, after {@link #detailFrom}. */
    private static final Set<String> DETAIL_WORDS = Set.of("lines", "line", "classes", "class", "functions", "function",
            "methods", "defs", "each", "one", "defines", "define", "defined", "called", "named", "they", "number",
            "what", "are", "names", "name", "how", "many", "has", "have", "contains", "holds");

    /** "counting the tests", "including tests": the tests are part of the listing, not a listing of their own. */
    private boolean included(int j) {
        for (int k = Math.max(0, j - 3); k < j; k++) {
            if (Set.of("counting", "including", "incl", "with", "plus", "excluding", "without", "except").contains(q.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** A wh-word at {@code k}, or before nouns of what is imported: "what", "wat", "which packages and modules". */
    private boolean whBefore(int k) {
        while (k > 0 && (IMPORTED_NOUNS.contains(q.get(k).lower()) || IMPORTED_NOUNS.contains(q.get(k).norm())
                || misspeltAs(q.get(k), IMPORTED_NOUNS) != null || Set.of("and", "or", "&", "import", "statements",
                "statement", "other").contains(q.get(k).lower()))) {
            k--;
        }
        return Lexicon.WH.contains(q.get(k).norm()) || Set.of("wat", "wht", "waht", "whta").contains(q.get(k).lower());
    }

    /** Files or modules importing a file named by its path: "files that pull in a/b.py", "modules importing a/b.py". */
    private static final java.util.regex.Pattern PULLED_FILE = java.util.regex.Pattern.compile("(?i)\\b(?:files?|modules?|who)"
            + "\\s+(?:that\\s+|which\\s+)?(?:import|imports|importing|pull\\s+in|pulls\\s+in|pulling\\s+in)\\s+`?"
            + "([A-Za-z_]\\w*(?:/[A-Za-z_]\\w*)+)\\.py\\b");

    /** A bare name that can be a module of the project: no known library's, no grammar word. */
    private boolean bareName(Word w) {
        return w.identifier() && !w.at() && !w.parens() && !knownModule(w.text()) && !Lexicon.STOP.contains(w.lower())
                && !Lexicon.ENGLISH_STOP.contains(w.lower()) && !Lexicon.WH.contains(w.norm()) && !Lexicon.cue(w.lower());
    }

    /** Verbs that ask for a listing: "list imports X", "show me X imports". */
    private static final Set<String> LISTING_VERBS = Set.of("list", "lst", "show", "give", "get", "print", "dump");

    /** Words of third-party code: "which external libraries are imported by X" asks for those. */
    private static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile("(?i)\\b(?:external|"
            + "third[- ]party|3rd[- ]party|non-stdlib|non-standard|outside)\\b");

    /** "which import statements", "what imports": a noun of imports at or before {@code k}. */
    private boolean importsSaid(int k) {
        return k >= 0 && (IMPORT_NOUNS.contains(q.get(k).norm()) || q.get(k).lower().startsWith("statement")
                && k > 0 && q.get(k - 1).lower().equals("import"));
    }

    /** Changes to imports and judgements of them, which no listing answers. */
    private static final java.util.regex.Pattern NOT_A_LISTING = java.util.regex.Pattern.compile("(?i)\\b(?:sort|sorted|"
            + "sorting|reorder|re-order|organi[sz]e|clean\\s+up|tidy|remove|drop|delete|rewrite|lazy|lazily|slow|slows|"
            + "slowest|circular|cycles?|cyclic|unused|why|which\\s+of|should|can\\s+we|could\\s+we|swap|replace|migrate)\\b");
    /** Words for the whole repository: "imported in the codebase" names no module. */
    private static final Set<String> WHOLE_REPOSITORY = Set.of("codebase", "project", "repo", "repository", "code",
            "source", "sources", "app", "application", "tree");
    /** Nouns of a place's imports: "cli.py imports", "deps of X". */
    private static final Set<String> IMPORT_NOUNS = Set.of("imports", "deps", "dependencies");

    /**
     * The place that ends right before word {@code k}: a path or dotted module ("cli.py", "anyio.to_thread"), a name
     * with a noun of place ("the nap module"), possibly with 's; "it" or "that module" for a place said earlier.
     */
    private int[] subjectBefore(int k) {
        int e = k - 1;
        if (e < 0) {
            return null;
        }
        int[] pointed = pointedPlace(e, k);
        if (pointed != null) {
            return pointed;
        }
        Word w = q.get(e);
        if (pathLike(w) || dottedModule(w) || w.possessive() && w.identifier() && w.text().indexOf('_') >= 0) {
            return new int[] {e, e}; // "_core's imports": a name written as code, its own imports
        }
        if (PLACE_NOUNS.contains(w.norm()) && !w.code() && e > 0) {
            int[] p = place(e - 1, false);
            if (p != null && p[1] == e) {
                return p;
            }
            if (e > 1 && Set.of("the", "this", "that").contains(q.get(e - 2).lower())) {
                return null;
            }
        }
        return null;
    }

    /**
     * "it", "that module", "this file" at {@code j} (a subject before {@code limit}): the last path or dotted module
     * written before it ("reviewing a PR that touches black/mode.py; what does that file import"), or null.
     */
    private int[] pointedPlace(int j, int limit) {
        if (j >= q.size()) {
            return null;
        }
        boolean it = Set.of("it", "its").contains(q.get(j).lower());
        boolean kind = j + 1 < q.size() && Set.of("that", "this", "the", "said").contains(q.get(j).lower())
                && PLACE_NOUNS.contains(q.get(j + 1).norm()) && (j + 2 >= q.size() || importVerbAt(j + 2));
        if (!it && !kind) {
            return null;
        }
        for (int b = j - 1; b >= 0; b--) {
            Word w = q.get(b);
            if (pathLike(w) || dottedModule(w)) {
                return new int[] {b, it ? j : j + 1, j};
            }
            if (b > 0 && PLACE_NOUNS.contains(w.norm()) && !w.code()) {
                int[] p = place(b - 1, false);
                if (p != null && p[1] == b) {
                    return new int[] {p[0], it ? j : j + 1, j}; // "the before module, what does it import"
                }
            }
            if (b == 0 && w.identifier() && !w.at() && !w.parens() && !knownModule(w.text()) && !Lexicon.STOP.contains(w.lower())
                    && !Lexicon.ENGLISH_STOP.contains(w.lower()) && (w.code() || 1 < q.size() && IMPORT_NOUNS.contains(q.get(1).norm()))) {
                return new int[] {b, it ? j : j + 1, j}; // "semaphore deps, what does it import": the name it opens with
            }
        }
        return null;
    }

    private Candidate candidate(int[] place) {
        String t = q.get(place[0]).text();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return new Candidate(new Intent.ModuleImports(t), 8, false, "");
    }

    /**
     * The place a question names from word {@code j}: {start, end} of its name and noun ("the cli module" gives the
     * word cli, ending at module), or null. A bare name only where {@code bare} allows it.
     */
    private int[] place(int j, boolean bare) {
        if (j < q.size() && Set.of("the", "our", "this", "that", "my", "your").contains(q.get(j).lower())) {
            j++;
        }
        if (j >= q.size()) {
            return null;
        }
        if (j + 1 < q.size() && PLACE_NOUNS.contains(q.get(j).norm()) && !q.get(j).code()
                && (pathLike(q.get(j + 1)) || q.get(j + 1).code() && q.get(j + 1).identifier())) {
            return new int[] {j + 1, j + 1}; // "the folder pip/_internal/operations/build"
        }
        Word w = q.get(j);
        boolean noun = j + 1 < q.size() && PLACE_NOUNS.contains(q.get(j + 1).norm()) && !q.get(j + 1).code();
        if (pathLike(w)) {
            return new int[] {j, noun ? j + 1 : j};
        }
        if (!w.identifier() || w.at() || w.parens() || Lexicon.ENGLISH_STOP.contains(w.lower())
                || Lexicon.WH.contains(w.norm()) || Lexicon.PRONOUN.contains(w.lower())) {
            return null;
        }
        if (noun && !Set.of("same", "whole", "entire", "other", "main", "every", "each", "one").contains(w.lower())) {
            return new int[] {j, j + 1}; // "the cli module", "the lib folder"
        }
        if (IMPORTED_NOUNS.contains(w.lower()) || Lexicon.STOP.contains(w.lower())) {
            return null; // "what modules does ..."
        }
        if (dottedModule(w)) {
            return new int[] {j, j}; // "requests.sessions"
        }
        if (j > 0 && Set.of("in", "inside", "within").contains(q.get(j - 1).lower()) && w.text().equals(w.lower())
                && w.text().indexOf('_') >= 0 && !knownModule(w.text())) {
            return new int[] {j, j}; // "imports in req_file?": a name written like a module of the code
        }
        if (bare && w.text().equals(w.lower()) && !Lexicon.known(w.lower()) && !knownModule(w.text())
                && j + 1 < q.size() && importVerbAt(j + 1)) {
            return new int[] {j, j}; // "what does sessions import"
        }
        return null;
    }

    /** A file or folder written as one: a slash inside or a .py ending. */
    private static boolean pathLike(Word w) {
        return pathWord(w.text());
    }

    /** A dotted name in small letters, as a module is written: "requests.sessions". */
    private static boolean dottedModule(Word w) {
        return w.text().indexOf('.') > 0 && w.identifier() && w.text().equals(w.lower());
    }

    /** A verb of importing at {@code k}: "import", "pull in", "bring in", "depend on", "need", "require", "use". */
    private boolean importVerbAt(int k) {
        if (k >= q.size()) {
            return false;
        }
        String v = q.get(k).lower();
        String next = k + 1 < q.size() ? q.get(k + 1).lower() : "";
        return Set.of("import", "imports").contains(v) || v.length() >= 5 && !Lexicon.known(v)
                && EditDistance.of(v, "import", 1) <= 1 // "imoprt", "imprt"
                || Set.of("pull", "pulls", "bring", "brings").contains(v) && next.equals("in")
                || (Set.of("depend", "depends", "rely", "relies").contains(v) || v.length() >= 5 && !Lexicon.known(v)
                && EditDistance.of(v, "depend", 1) <= 1) && next.equals("on") // "depnd on"
                || Set.of("need", "needs", "require", "requires", "use", "uses").contains(v) && k + 1 >= q.size();
    }

    /** "... import from click": a module the imports come from, named after the verb. */
    private boolean fromAfter(int k) {
        for (int j = k; j < q.size(); j++) {
            if (q.get(j).lower().equals("from") && j + 1 < q.size() && q.get(j + 1).identifier()
                    && !Lexicon.ENGLISH_STOP.contains(q.get(j + 1).lower()) && !Lexicon.STOP.contains(q.get(j + 1).lower())
                    && !Set.of("the", "a", "our", "this", "that", "its", "both", "either").contains(q.get(j + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    Candidate imports() {
        int importCue = first(Lexicon.IMPORT);
        int last = q.size() - 1;
        boolean importLast = last >= 2 && Set.of("imports", "import", "imported", "importing").contains(q.get(last - 1).lower())
                && (last == 2 && Set.of("who", "what", "anything", "everything", "whatever").contains(q.get(0).lower())
                || last == 3 && Set.of("which", "what", "any").contains(q.get(0).lower())
                && Set.of("files", "modules", "file", "module").contains(q.get(1).lower())) // "Which files import invoke?"
                || last == 3 && Set.of("what", "who", "which").contains(q.get(0).lower())
                && Set.of("depends", "depend", "relies", "rely").contains(q.get(1).lower())
                && q.get(2).lower().equals("on"); // "What depends on invoke?"
        java.util.regex.Matcher pulled = PULLED_FILE.matcher(q.original);
        if (pulled.find()) {
            // "files that pull in falcon/util/sync.py": the module of that file
            return new Candidate(new Intent.Imports(moduleOfPath(pulled.group(1))), 8, false, "");
        }
        if (importLast && q.get(last).text().matches("[A-Za-z_][\\w]*(?:/[A-Za-z_][\\w]*)*\\.py")) {
            // "who imports pysnmp/smi/error.py": the module of that file
            return new Candidate(new Intent.Imports(moduleOfPath(q.get(last).text())), 8, false, "");
        }
        if (importLast) {
            Word m = q.get(last);
            String module = moduleOf(m);
            // "who imports invoke??": the one word after the verb is the module, an English word too
            if (m.identifier() && !m.at() && !Lexicon.PRONOUN.contains(m.lower()) && !Lexicon.WH.contains(m.lower())
                    && !Lexicon.STOP.contains(m.lower()) && (m.text().equals(m.lower()) || knownModule(module))
                    && !FILE_NAME.matcher(m.text()).matches() && m.text().indexOf('/') < 0 // not "requirements.txt"
                    && !Set.of("everything", "anything", "something", "stuff",
                    "them", "these", "those", "this", "that", "most", "more", "less").contains(m.lower())) {
                return new Candidate(new Intent.Imports(module != null ? module : m.text()), 7, false, "");
            }
        }
        if (importModifier(importCue) && q.find(importCue + 1, Lexicon.IMPORT) < 0) {
            return null; // "in the import machinery": a place in the code, not an imports question
        }
        boolean phraseCue = gapPhrase(Set.of("pull", "pulls", "pulling", "pulled", "bring", "brings", "bringing",
                "brought"), "in", 4)
                || gapPhrase(Set.of("talk", "talks", "talking", "speak", "speaks", "speaking"), "to", 2)
                || gapPhrase(Set.of("interact", "interacts", "interacting", "integrate", "integrates"), "with", 2)
                || any(Set.of("dependency", "dependencies", "dep", "deps", "touch", "touches", "touching"))
                || q.phrase("call", "out", "to") || q.phrase("depend", "on") || q.phrase("dependency", "on")
                || q.phrase("dependencies", "on")
                || q.phrase("depends", "on") || q.phrase("rely", "on") || q.phrase("relies", "on")
                || any(Set.of("uninstall", "uninstalled", "uninstalling")) || instrument() >= 0;
        int useCue = first(Lexicon.USE);
        if (importCue < 0 && !phraseCue && useCue < 0 && !(q.size() <= 6 && moduleOf(q.get(0)) != null
                && knownModule(moduleOf(q.get(0))))) {
            return null;
        }
        boolean otherTopic = any(Lexicon.DECORATOR) || any(Lexicon.PARAMETER) || any(Lexicon.RAISE)
                || q.words.stream().anyMatch(Word::at);
        int p = -1;
        boolean known = false;
        // a well-known module named anywhere, nearest to a cue
        int anchor = importCue >= 0 ? importCue : instrument() >= 0 ? instrument() : useCue >= 0 ? useCue : 0;
        int bestDistance = Integer.MAX_VALUE;
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        for (Word w : q.words) {
            if (namePattern(w.index())) {
                continue; // "classes that begin with Http": the start of a name, not the http module
            }
            String m = moduleOf(w);
            // "the typing module", "the site package": a word named as a module is one even when it is English
            boolean namedModule = w.index() + 1 < q.size() && Set.of("module", "package", "library", "lib")
                    .contains(q.get(w.index() + 1).norm());
            boolean english = !namedModule && englishWord(w);
            if (m != null && knownModule(m) && !english) {
                named.add(m);
            }
            if (m != null && knownModule(m) && !english && Math.abs(w.index() - anchor) < bestDistance) {
                p = w.index();
                bestDistance = Math.abs(w.index() - anchor);
                known = true;
            }
        }
        if (p < 0) {
            for (int i = 0; i < q.size() && p < 0; i++) {
                String n = q.get(i).norm();
                if (Lexicon.IMPORT.contains(n)) {
                    p = moduleAfter(i);
                    if (p > 0 && Set.of("in", "across", "throughout").contains(q.get(p - 1).lower())
                            || p > 1 && q.get(p - 1).lower().equals("the") && Set.of("in", "across", "throughout")
                            .contains(q.get(p - 2).lower())) {
                        if (!q.get(p).code() && WHOLE_REPOSITORY.contains(q.get(p).lower())) {
                            p = -1; // "where is setproctitle imported in the codebase": the name before the verb
                        }
                    }
                    if (p < 0 && (n.equals("imported") || n.equals("imports") || n.equals("import") && i > 0
                            && (i + 1 == q.size() || Set.of("anywhere", "somewhere", "statements", "statement", "lines",
                            "line", "here", "left").contains(q.get(i + 1).lower())))) { // "threading import anywhere?"
                        p = moduleBefore(i);
                    }
                }
            }
        }
        if (p < 0 && importCue < 0 && otherTopic) {
            return null;
        }
        if (p < 0) {
            for (int i = 0; i < q.size() && p < 0; i++) {
                String n = q.get(i).norm();
                if (Lexicon.USE.contains(n) || Set.of("pull", "pulls", "pulling", "pulled", "bring", "brings",
                        "bringing", "brought").contains(n)) {
                    p = moduleAfter(i);
                    if (p < 0 && Set.of("usage", "users", "used", "pulled", "brought").contains(n)) {
                        p = moduleBefore(i); // "where's contextlib2 pulled in"
                    }
                } else if (Lexicon.LIBRARY.contains(n) && !n.startsWith("module") && i > 0 && !n.endsWith("s")
                        && !placeNoun(i)) {
                    // "the requests library"; a plural ("what licences do the libraries use") names no one module
                    int b = moduleBefore(i);
                    if (b >= 0) {
                        p = b;
                    }
                }
            }
        }
        if (p >= 0 && p + 2 < q.size() && Lexicon.DECORATOR.contains(q.get(p + 2).norm()) && importCue < 0) {
            return null; // "the hypothesis given decorator": a decorator from that library, not its imports
        }
        if (p >= 2 && Set.of("with", "by", "in").contains(q.get(p - 1).lower()) && Set.of("decorated", "wrapped",
                "marked", "annotated").contains(q.get(p - 2).lower()) && importCue < 0) {
            return null; // "any classes decorated with attrs": the decorator, not the module's imports
        }
        if (p >= 0 && p + 1 < q.size() && Set.of("dependency", "dep").contains(q.get(p + 1).lower()) && q.get(p).code()
                && !knownModule(moduleOf(q.get(p)))) {
            return null; // "the get_current_user dependency": one function the framework injects
        }
        if (pronounObject() && named.size() > 1) {
            int replaced = replacedModule();
            if (replaced < 0) {
                return null; // "drop X for Y; who imports it?": two possible antecedents, no guess
            }
            p = replaced; // "replace requests with httpx; which files import it?": what is replaced
        }
        if (p >= 0 && q.get(p).text().indexOf('.') > 0) {
            // "X.y or anything else from X": the package asked about includes its submodule
            String root = q.get(p).text().substring(0, q.get(p).text().indexOf('.'));
            if (named.contains(root)) {
                for (Word w : q.words) {
                    if (w.text().equals(root)) {
                        p = w.index();
                        break;
                    }
                }
            }
        }
        if (p < 0) {
            return null;
        }
        if (p > 0 && Set.of("in", "inside", "within").contains(q.get(p - 1).lower()) && importCue > p) {
            // "What files in Flask import the requests library?": the project's name is a place; the module comes after
            for (int j = importCue + 1; j < Math.min(q.size(), importCue + 4); j++) {
                if (param(q.get(j)) && (knownModule(moduleOf(q.get(j))) || q.get(j).code())) {
                    named.remove(moduleOf(q.get(p))); // (a place, not a module also named)
                    p = j;
                    break;
                }
            }
        }
        String bare = q.get(p).text().replaceFirst("^_+", "").toLowerCase(Locale.ROOT);
        for (Word w : q.words) {
            String t = w.text();
            if (w.index() != p && t.indexOf('.') > 0 && w.identifier() && !FILE_NAME.matcher(t).matches()
                    && t.substring(t.lastIndexOf('.') + 1).replaceFirst("^_+", "").toLowerCase(Locale.ROOT).equals(bare)) {
                p = w.index(); // "the compat module, tomlkit._compat": the module as written in full
                break;
            }
        }
        if (importCue < 0 && !phraseCue && useCue < 0) {
            return topicFirst(p); // "requests: which files?"
        }
        boolean libraryNoun = q.words.stream().anyMatch(w -> Lexicon.LIBRARY.contains(w.norm()) && !placeNoun(w.index()));
        String written = q.get(p).text();
        if (importCue < 0 && !phraseCue && written.length() > 4 && written.startsWith("__") && written.endsWith("__")
                && !written.equals("__future__")) {
            return null; // "classes that use __slots__": an attribute, not a module
        }
        if (importCue < 0 && !phraseCue && !libraryNoun && functionShaped(q.get(p))) {
            return null; // "usages of parse_headers": a function's uses are its callers
        }
        known |= knownModule(moduleOf(q.get(p))) || q.get(p).code();
        if (importCue < 0 && !known && q.words.stream().anyMatch(w -> INTERNAL_DEPENDENCY.contains(w.lower()))) {
            return null; // "circular dependencies between modules", "dependency injection": no module named
        }
        if (importCue < 0 && !phraseCue && !known && !libraryNoun) {
            // "which functions use the cache?": a use verb alone needs a library noun or a known module
            return null;
        }
        if (importCue < 0 && (classNoun || functionNoun) && !known && !libraryNoun) {
            return null;
        }
        String m = moduleOf(q.get(p));
        known |= knownModule(m) || q.get(p).code();
        boolean namedAsModule = p + 1 < q.size() && !q.get(p).capitalised() && p > 0 && Set.of("the", "a").contains(q.get(p - 1).lower())
                && Set.of("module", "submodule").contains(q.get(p + 1).norm()) && importCue >= 0;
        if (!known && !namedAsModule && Lexicon.cue(m.toLowerCase(Locale.ROOT))) {
            return null; // "the libraries we depend on use": a cue word is no module (but "import the consts module")
        }
        if (!q.get(p).code() && p > 0 && Set.of("more", "fewer", "less", "extra", "additional", "better", "new")
                .contains(q.get(p - 1).lower())) {
            return null; // "which modules need more tests": an amount of something, no module
        }
        if (importCue < 0 && !phraseCue && !known && !libraryNoun) {
            return null;
        }
        int score = (importCue >= 0 || phraseCue ? 6 : 5) + (known || libraryNoun ? 1 : 0);
        if (q.get(p).possessive() && p + 2 < q.size() && q.get(p + 1).identifier() && !q.get(p + 1).code()
                && Set.of("module", "submodule", "package", "subpackage").contains(q.get(p + 2).norm())
                && q.get(p + 1).lower().matches("[a-z_][a-z0-9_]*")) {
            // "import authlib's consts module": that submodule of the package
            String sub = m + "." + q.get(p + 1).lower();
            named.remove(m);
            return new Candidate(new Intent.Imports(sub), score + 1, !named.isEmpty(), "also named: " + String.join(", ", named));
        }
        named.remove(m);
        named.removeIf(other -> other.startsWith(m + "."));
        // "import os and sys": one module is searched for, the answer says which and names the other
        return new Candidate(new Intent.Imports(m), score, !named.isEmpty(), "also named: " + String.join(", ", named));
    }

    /**
     * A word more likely English than a module name, though one may be called so: a common word that is also a
     * module ("code", "test"), a stop word or a cue word, not written as code.
     */
    boolean englishWord(Word w) {
        String l = w.lower();
        return !w.code() && (Lexicon.COMMON_MODULE_WORDS.contains(l) || Lexicon.STOP.contains(l) || cueWord(l)
                || Lexicon.ENGLISH_STOP.contains(l));
    }

    /**
     * True when the import word at {@code i} qualifies an English noun after "the" ("the import machinery",
     * "the import job"): a part of the program, not the act of importing.
     */
    boolean importModifier(int i) {
        if (i <= 0 || i + 1 >= q.size() || !Set.of("the", "our", "its", "this").contains(q.get(i - 1).norm())) {
            return false;
        }
        Word next = q.get(i + 1);
        boolean object = i + 2 < q.size() && Set.of("of", "for", "from", "on").contains(q.get(i + 2).norm());
        return !object && !next.code() && !next.capitalised() && next.identifier()
                && !Lexicon.MODULES.contains(next.lower()) && !Lexicon.FUNCTION_WORDS.contains(next.lower())
                && !Lexicon.ENGLISH_STOP.contains(next.lower()) && !Set.of("statement", "statements", "line",
                "lines", "sites", "site", "places", "locations", "graph").contains(next.lower());
    }

    /**
     * Index of a well-known library named as the means of doing something ("talk http via requests", "make HTTP
     * calls with requests", "send them through httpx", "break without numpy"), else -1.
     */
    int instrument() {
        for (int i = 1; i < q.size(); i++) {
            Word w = q.get(i);
            String l = w.lower();
            String next = i + 1 < q.size() ? q.get(i + 1).norm() : "";
            boolean noun = Lexicon.PARAMETER.contains(next) || Lexicon.BARRIER.contains(next)
                    && !Lexicon.LIBRARY.contains(next); // "with encoding argument"; "via the requests lib" is one
            if (!Lexicon.MODULES.contains(l) || noun || w.code() || Lexicon.COMMON_MODULE_WORDS.contains(l)
                    || Lexicon.ENGLISH_STOP.contains(l) || i >= 2 && Lexicon.CLASS.contains(q.get(i - 2).norm())) {
                continue;
            }
            String before = q.get(i - 1).lower();
            if (i >= 2 && Set.of("the", "a", "an").contains(before)) {
                before = q.get(i - 2).lower(); // "through the requests lib"
            }
            if (MEANS.contains(before) || before.equals("on") && i >= 2
                    && Set.of("still", "we", "everything", "anything").contains(q.get(i - 2).lower())) {
                return i; // "talk http via requests", "are we still on requests"
            }
        }
        return -1;
    }

    /**
     * "requests: which files?", "yaml - where?": a well-known library opening a short question that asks where
     * or which files; read as its imports, and said so.
     */
    Candidate topicFirst(int p) {
        if (p != 0 || q.size() > 6 || !q.words.stream().anyMatch(w -> Set.of("where", "which", "files", "file",
                "modules", "who", "anywhere").contains(w.norm()))) {
            return null;
        }
        return new Candidate(new Intent.Imports(moduleOf(q.get(0))), 5, true, "a library named alone: its imports");
    }

    /**
     * A file of settings, data or text ("requirements.txt", "setup.cfg", "poetry.lock"), not a module; a module may end
     * in "lock" ("tox.util.lock"), a lock file is one of the lock files tools write.
     */
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
            "(?i).+\\.(?:txt|cfg|toml|ini|json|ya?ml|md|rst|in)|(?:poetry|pipfile|yarn|uv|pdm|cargo|gemfile|composer|"
            + "package-lock|pnpm-lock|conda-lock)\\.lock");

    /** The module a question replaces by another ("replace requests with httpx", "migrate from X to Y"), or -1. */
    int replacedModule() {
        for (int i = 0; i + 3 < q.size(); i++) {
            String v = q.get(i).lower();
            boolean replace = v.startsWith("replac") || v.startsWith("swap") || v.startsWith("switch")
                    || v.startsWith("migrat") || v.startsWith("mov") || v.startsWith("port");
            if (!replace) {
                continue;
            }
            int j = i + 1;
            while (j < q.size() && Set.of("from", "off", "away", "out", "the", "our").contains(q.get(j).lower())) {
                j++;
            }
            String m = j < q.size() ? moduleOf(q.get(j)) : null;
            if (m != null && knownModule(m) && j + 2 < q.size() && Set.of("with", "for", "to", "by").contains(q.get(j + 1).lower())) {
                return j;
            }
        }
        return -1;
    }

    /** True when a use or import cue is followed by a pronoun object ("import it", "use them"). */
    boolean pronounObject() {
        for (int i = 0; i + 1 < q.size(); i++) {
            String n = q.get(i).norm();
            if ((Lexicon.IMPORT.contains(n) || Lexicon.USE.contains(n)) && Lexicon.PRONOUN.contains(q.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /** True when a word of {@code verbs} is followed by {@code particle} within {@code gap} words. */
    boolean gapPhrase(Set<String> verbs, String particle, int gap) {
        for (int i = 0; i < q.size(); i++) {
            if (verbs.contains(q.get(i).norm())) {
                for (int j = i + 1; j < Math.min(q.size(), i + 1 + gap); j++) {
                    if (q.get(j).norm().equals(particle)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The module a word names: itself (lower-cased when it is a capitalised word), or its spelling fix. */
    String moduleOf(Word w) {
        String t = w.text();
        String bare = t.replaceFirst("^(?i)(python|py)-", "");
        if (!bare.equals(t) && Lexicon.MODULES.contains(bare.toLowerCase(Locale.ROOT))) {
            return bare.toLowerCase(Locale.ROOT); // "python-requests", "python-dateutil": the package's name
        }
        if (!w.identifier() || w.at() || w.parens() || isTag(w)) {
            return null;
        }
        if (Lexicon.MODULES.contains(t)) {
            return t;
        }
        if (Lexicon.MODULES.contains(w.lower()) && w.capitalised() && !w.allCaps()) {
            return w.lower();
        }
        if (!w.code() && !Lexicon.STOP.contains(w.lower()) && !cueWord(w.lower()) && !IMPORT_VERBS.contains(w.lower())) {
            String fix = Lexicon.correctModule(w.lower()); // not "before i touch it" as torch
            if (fix != null) {
                q.corrections.add(t + " -> " + fix);
                return fix;
            }
        }
        if (w.capitalised() && !w.code() && !w.allCaps()) {
            return w.lower();
        }
        return t;
    }

    /** Verbs that say a module is used ("what touches redis", "pulls in yaml"): never a misspelt module. */
    private static final Set<String> IMPORT_VERBS = Set.of("touch", "touches", "touching", "touched", "pull", "pulls",
            "pulling", "pulled", "bring", "brings", "bringing", "brought", "rely", "relies", "depend", "depends",
            "builtin"); // "the builtin dict" is no misspelt builtins module

    /** A dotted name under a lower-case package: {@code defusedxml.ElementTree}, {@code xml.dom.minidom}. */
    private static final java.util.regex.Pattern DOTTED_MODULE = java.util.regex.Pattern.compile(
            "[a-z_][a-z0-9_]*(?:\\.[A-Za-z_]\\w*)+");

    int moduleAfter(int i) {
        if (Set.of("need", "needs", "needing", "require", "requires", "requiring").contains(q.get(i).norm())
                && i + 1 < q.size() && q.get(i + 1).lower().equals("to")) {
            return -1; // "I need to know how many classes": a verb follows, not a module
        }
        // "import the module _ruamel_yaml", "import the C extension module _speedups": the noun, then the name
        Set<String> nouns = q.phrase("c", "extension") ? C_EXTENSION_NOUNS : MODULE_NOUNS_AND_ORIGINS;
        int a = after(i, 5, false, nouns);
        if (a >= 0 && MODULE_NOUNS_BEFORE.contains(q.get(a).norm())) {
            a = -1;
        }
        for (int j = i + 1; j < a; j++) {
            if (Set.of("is", "are", "was", "were", "be", "look", "looks", "seem", "seems").contains(q.get(j).norm())) {
                return -1; // "the imports are messy": a predicate, not a module
            }
            if (j > i + 1 && Set.of("for", "with", "because", "when", "while").contains(q.get(j).lower())
                    && !(a >= 0 && knownModule(moduleOf(q.get(a))))) {
                return -1; // "the protocols we rely on for static duck typing": a purpose, not a module
            }
        }
        return a >= 0 && moduleLike(q.get(a)) ? a : -1;
    }

    /** Nouns of a module said before its name, skipped on the way to it. */
    private static final Set<String> MODULE_NOUNS_BEFORE = Set.of("module", "package", "library", "lib", "submodule",
            "subpackage", "extension");
    /** The same, and words of where a module comes from ("import the vendored six", "the bundled module X"). */
    private static final Set<String> MODULE_NOUNS_AND_ORIGINS = java.util.stream.Stream.concat(MODULE_NOUNS_BEFORE.stream(),
            java.util.stream.Stream.of("vendored", "bundled")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> C_EXTENSION_NOUNS = Set.of("module", "package", "library", "lib", "submodule",
            "subpackage", "extension", "c");

    int moduleBefore(int i) {
        if (i > 1 && Set.of("module", "package", "library", "lib").contains(q.get(i - 1).norm())) {
            i--; // "where is the pluggy module imported": the name before the noun
        }
        int b = before(i, 3);
        return b >= 0 && moduleLike(q.get(b)) ? b : -1;
    }

    boolean moduleLike(Word w) {
        if (!w.identifier() || w.at() || w.parens() || FILE_NAME.matcher(w.text()).matches()
                && !Lexicon.MODULES.contains(w.text().substring(0, w.text().indexOf('.')).toLowerCase(Locale.ROOT))) {
            return false; // not "requirements.txt", "setup.cfg": files, not modules; but ruamel.yaml is one
        }
        String t = w.text();
        return t.equals(t.toLowerCase(Locale.ROOT)) || (w.capitalised() && !w.innerCapital() && !w.allCaps())
                || Lexicon.MODULES.contains(t)
                || DOTTED_MODULE.matcher(t).matches() // "defusedxml.ElementTree": a package's submodule in capitals
                || t.matches("c[A-Z][A-Za-z]+"); // cPickle, cStringIO: Python 2's C modules
    }

    /** Words that make "dependencies" the project's own structure, not what it installs. */
    private static final Set<String> INTERNAL_DEPENDENCY = Set.of("circular", "cyclic", "cycle", "cycles",
            "between", "graph", "injection", "injected", "inject", "internal", "inter-module", "tree");

    /** "neither the standard library nor ...", "besides the stdlib", "isn't stdlib": the standard library excluded. */
    boolean stdlibExcluded() {
        int at = -1;
        for (int i = 0; i < q.size(); i++) {
            String l = q.get(i).lower();
            if (l.equals("stdlib") || l.equals("standard") && i + 1 < q.size() && q.get(i + 1).lower().startsWith("lib")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return false;
        }
        for (int j = Math.max(0, at - 4); j < at; j++) {
            if (Set.of("neither", "nor", "not", "besides", "except", "excluding", "outside", "beyond", "isn't",
                    "aren't", "non", "without", "than").contains(q.get(j).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "outside packages", "foreign libraries": a word for elsewhere right before a library noun. */
    boolean outsideLibraries() {
        for (int i = 0; i + 1 < q.size(); i++) {
            if (Set.of("outside", "foreign", "extrenal", "externals").contains(q.get(i).lower())
                    && Set.of("packages", "libraries", "libs", "modules", "code", "deps", "dependencies")
                    .contains(q.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The third-party modules imported: "third-party libraries", "external dependencies", "what packages does
     * this project depend on", "which libraries do we use", "non-stdlib imports". A module named in the question
     * makes it an imports question ("who depends on requests"); dependency injection, circular or internal
     * dependencies are not this search.
     */
    Candidate thirdParty() {
        boolean third = any(Set.of("third-party", "thirdparty", "3rd-party", "3rdparty", "non-stdlib",
                "non-standard", "external", "pypi", "pip-installed", "installed", "vendor", "vendored"))
                || q.phrase("third", "party") || q.phrase("3rd", "party") || q.phrase("outside", "the", "standard")
                || q.phrase("not", "in", "the", "standard") || q.phrase("not", "from", "the", "standard")
                || q.phrase("not", "stdlib") || q.phrase("not", "the", "stdlib") || q.phrase("beyond", "the", "stdlib")
                || q.phrase("outside", "stdlib") || q.phrase("outside", "the", "stdlib") || q.phrase("pip", "install")
                || q.phrase("pip", "packages") || q.phrase("pip", "deps") || q.phrase("pip", "dependencies")
                || q.phrase("pip", "ones") || q.phrase("pip", "libs") || q.phrase("from", "pip") || q.phrase("from", "pypi")
                || stdlibExcluded() || outsideLibraries();
        boolean deps = q.words.stream().anyMatch(w -> (Set.of("dependencies", "dependency", "deps", "dep",
                "requirements", "reqs").contains(w.lower()) || w.corrected() && Set.of("dependencies", "dependency")
                .contains(w.norm())) && !w.code() && !(w.index() > 0
                && Set.of("called", "named", "name", "param", "parameter", "argument", "arg", "kwarg")
                .contains(q.get(w.index() - 1).lower()))) || q.phrase("pip", "install"); // what to install
        boolean libraries = q.words.stream().anyMatch(w -> Set.of("libraries", "libs", "packages", "modules",
                "imports", "library", "lib", "package", "module").contains(w.lower()));
        boolean pluralLibraries = q.words.stream().anyMatch(w -> Set.of("libraries", "libs", "packages")
                .contains(w.lower())) || q.phrase("library", "wise") || q.phrase("package", "wise");
        boolean relies = any(Set.of("depend", "depends", "rely", "relies", "use", "uses", "using", "need", "needs",
                "require", "requires", "pull", "pulls")) || any(Set.of("used")) && ImportRanking.asks(q.original);
        boolean pulled = any(Lexicon.IMPORT) || relies || any(Set.of("stuff", "things", "code"));
        if (!(third && (libraries || deps || pulled) || deps || pluralLibraries && relies)) {
            return null;
        }
        if (q.words.stream().anyMatch(w -> Set.of("license", "licence", "licenses", "licences", "licensing",
                "version", "versions", "cve", "cves", "vulnerable", "vulnerabilities", "outdated").contains(w.lower()))) {
            return null; // "what licences do our dependencies use": about the libraries, not which they are
        }
        if (q.words.stream().anyMatch(w -> INTERNAL_DEPENDENCY.contains(w.lower()))) {
            return null;
        }
        for (Word w : q.words) {
            if (Set.of("dependency", "dep").contains(w.lower()) && w.index() > 0 && q.get(w.index() - 1).code()
                    && !knownModule(q.get(w.index() - 1).lower())) {
                return null; // "the get_current_user dependency": one function the framework injects
            }
        }
        for (Word w : q.words) {
            String m = moduleOf(w);
            boolean english = englishWord(w);
            boolean pipTool = w.lower().equals("pip") && w.index() + 1 < q.size()
                    && Set.of("install", "installs", "installed", "packages", "package", "deps", "dependencies", "libs",
                    "libraries", "ones", "modules").contains(q.get(w.index() + 1).lower())
                    || Set.of("pip", "pypi").contains(w.lower()) && w.index() > 0 && Set.of("from", "with", "via", "using",
                    "through").contains(q.get(w.index() - 1).lower())
                    && pluralLibraries; // "which packages from pip are used"
            boolean subject = w.index() > 0 && Set.of("does", "do").contains(q.get(w.index() - 1).lower()); // "does docutils import"
            if (m != null && knownModule(m) && !english && !w.corrected() && !pipTool && !subject
                    && (w.code() || m.equalsIgnoreCase(w.text()))) {
                return null; // "which files depend on requests": that module's imports
            }
            if (!subject && w.text().indexOf('.') > 0 && DOTTED_MODULE.matcher(w.text()).matches() && moduleLike(w)
                    && !w.lower().endsWith(".py")) {
                return null; // "import the vendored parse module, bleach._vendor.parse": that module's imports
            }
        }
        return new Candidate(new Intent.ThirdParty(), 8, false, "");
    }

    /** "run/executed/invoked/launched/used as (a) script(s)/program". */
    boolean asScript() {
        for (int i = 0; i + 2 < q.size(); i++) {
            if (Set.of("run", "runs", "executed", "invoked", "launched", "used", "meant").contains(q.get(i).lower())
                    && q.get(i + 1).lower().equals("as")) {
                String n = q.get(i + 2).lower().equals("a") && i + 3 < q.size() ? q.get(i + 3).lower() : q.get(i + 2).lower();
                if (Set.of("script", "scripts", "program", "programs", "main", "executable").contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a user runs: "the app", "the cli". */
    private static final Set<String> PROGRAM_NOUNS = Set.of("app", "application", "program", "server", "service", "cli",
            "tool", "daemon");

    /** "where does the cli start", "where the app starts": a program noun + start/starts. */
    private boolean programStarts() {
        for (int i = 0; i + 1 < q.size(); i++) {
            if (PROGRAM_NOUNS.contains(q.get(i).lower()) && Set.of("start", "starts").contains(q.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "the file you run to start the app": start/launch/run + the + app/program/server/cli. */
    boolean startsThe() {
        for (int i = 0; i + 2 < q.size(); i++) {
            if (Set.of("start", "launch", "boot").contains(q.get(i).lower())
                    && Set.of("the", "this", "our").contains(q.get(i + 1).lower())
                    && PROGRAM_NOUNS.contains(q.get(i + 2).lower())) {
                return true;
            }
        }
        return false;
    }

    /** Nouns after "main" that name where a program starts: "the main block", "main scripts". */
    private static final Set<String> MAIN_NOUNS = Set.of("block", "blocks", "guard", "guards", "module", "script",
            "scripts", "entry", "entrypoint", "entrypoints", "check", "checks", "section", "sections", "clause",
            "clauses", "file");

    /**
     * Entry points: "entry points", "where does execution start", "which modules can be run directly / with
     * python -m", "if __name__ == '__main__' blocks", "__main__.py files", "main guards", "where's main". Not the
     * definition of a function called main ("where is the main function defined", "main()"), which is a
     * definitions question.
     */
    Candidate entryPoints() {
        boolean dunder = q.words.stream().anyMatch(w -> w.lower().contains("__main__") || w.lower().equals("__name__"));
        boolean entry = q.phrase("entry", "point") || q.phrase("entry", "points") || q.phrase("cli", "entry")
                || q.phrase("cli", "entries") || q.phrase("console", "entry") || q.phrase("console", "entries") // "any main / cli entry"
                || q.words.stream().anyMatch(w ->
                Set.of("entrypoint", "entrypoints", "entry-point", "entry-points", "entry_point", "entry_points")
                        .contains(w.lower()));
        boolean start = q.phrase("starting", "point") || q.phrase("starting", "points") || q.phrase("start", "point")
                || q.phrase("execution", "start") || q.phrase("execution", "starts") || q.phrase("execution", "begin")
                || q.phrase("execution", "begins")
                || q.phrase("start", "running") || q.phrase("starts", "running") || q.phrase("kick", "off")
                || q.phrase("kicks", "off") || q.phrase("flow", "begin") || q.phrase("flow", "begins")
                || q.phrase("flow", "start") || q.phrase("flow", "starts") || q.phrase("code", "start")
                || q.phrase("code", "starts") || programStarts() || startsThe();
        boolean direct = q.phrase("run", "directly") || q.phrase("executed", "directly") || q.phrase("run", "as", "a", "script")
                || q.phrase("run", "as", "scripts") || q.phrase("invoked", "directly") || q.phrase("launched", "directly")
                || q.phrase("python", "m") || q.phrase("with", "m") || asScript()
                || (q.words.stream().anyMatch(w -> w.lower().equals("launch") || Set.of("launched", "started")
                .contains(w.lower()) && w.index() > 0 && Set.of("be", "is", "are", "get", "gets", "been", "being", "can")
                .contains(q.get(w.index() - 1).lower())) // not "before the freeze started": a time, no program's start
                && (any(Lexicon.FILE_SUBJECT) || q.has(Set.of("which"))))
                || q.words.stream().anyMatch(w -> !w.quoted() && Set.of("runnable", "executable", "executables")
                .contains(w.norm())) // not "takes `executable` as an arg": a name
                && (any(Lexicon.FILE_SUBJECT) || any(Lexicon.LIBRARY));
        boolean main = false;
        for (int i = 0; i < q.size(); i++) {
            Word w = q.get(i);
            if (!w.lower().equals("main") || w.parens() || w.at()) {
                continue;
            }
            String next = i + 1 < q.size() ? q.get(i + 1).norm() : "";
            if (Set.of("method", "methods").contains(next) && !q.has(Set.of("defined", "def", "declared"))
                    && !classNoun && !(i > 0 && q.get(i - 1).possessive())) {
                main = true; // "where is the main method": Java's name for where a program starts
                continue;
            }
            if (Lexicon.FUNCTION.contains(next) || next.equals("defined") || i > 0 && q.get(i - 1).lower().equals("def")) {
                if (dunder || entry) {
                    main = true; // "the main function, i.e. the __main__ block", "main funcs / entrypoints"
                    continue;
                }
                return null; // "the main function", "def main": a definitions question
            }
            boolean whereMain = i > 0 && (isWhere(q.get(i - 1).lower()) || i > 1 && isWhere(q.get(i - 2).lower())
                    && Set.of("is", "the", "'s").contains(q.get(i - 1).lower()));
            main |= MAIN_NOUNS.contains(next) || whereMain && (next.isEmpty() || !Lexicon.CLASS.contains(next))
                    || next.isEmpty() && i > 0 && Set.of("any", "a").contains(q.get(i - 1).lower()); // "..., any main?"
        }
        // "the console scripts", "console_scripts", "what command-line tools does the package install"
        boolean scripts = q.words.stream().anyMatch(w -> Set.of("console_scripts", "gui_scripts", "gui-scripts",
                "console-scripts", "project.scripts").contains(w.lower()))
                || (any(Set.of("console", "gui")) && any(Set.of("script", "scripts")))
                || (q.phrase("command", "line") || any(Set.of("command-line", "commandline", "cli", "cli's", "clis", "shell")))
                && any(Set.of("tool", "tools", "command", "commands", "program", "programs", "script", "scripts",
                "executable", "executables", "entrypoints", "utility", "utilities", "binaries", "binary"))
                && any(Set.of("install", "installs", "installed", "installing", "provide", "provides", "provided",
                "expose", "exposes", "exposed", "ship", "ships", "shipped", "register", "registers", "registered",
                "declare", "declares", "declared", "put", "puts", "get", "gets", "give", "gives", "offer", "offers"))
                || any(Set.of("executables", "commands", "scripts", "binaries")) && any(Set.of("install", "installs",
                "installed", "installing")) && !any(Lexicon.IMPORT);
        boolean nameEqualsMain = q.phrase("name", "==", "main") || q.phrase("name", "=", "main")
                || q.phrase("if", "name", "main") || q.phrase("runs", "as", "main") || q.phrase("run", "as", "main");
        if (!(dunder || entry || start || direct || main || nameEqualsMain || scripts)) {
            return null;
        }
        if (any(Lexicon.ASYNC)) {
            return null; // "the asynchronous entry points": async functions
        }
        if ((functionNoun || classNoun) && !entry && !dunder && q.phrase("in", "the", "main")) {
            return null; // "how many functions are defined in the main module": a place, not what is asked
        }
        if (q.words.stream().anyMatch(w -> w.parens() && w.lower().equals("main"))) {
            return null; // "who calls main()", "where is main() defined"
        }
        return new Candidate(new Intent.EntryPoints(), 8, false, "");
    }

}
