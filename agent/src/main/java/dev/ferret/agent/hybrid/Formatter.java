package dev.ferret.agent.hybrid;

/**
 * The plain template answer: a count line, then one line per item; "No ... found." when there are none.
 * <pre>
 * Found 2 classes that subclass Protocol:
 * - PaymentGateway (shop/ports.py:14)
 * - Checkout.Step (shop/ports.py:45)
 * </pre>
 * Classes and functions show their qualified name and {@code file:line}; imports {@code file:line} and the import
 * statement; comments and definitions {@code file:line} and the comment or definition line; except clauses their scope,
 * {@code file:line} and the clause; third-party modules their first import and how many files import them. With a
 * limit, the lines past it are replaced by "... and N more".
 */
public final class Formatter {
    private final int limit;

    /** No limit on the number of item lines. */
    public Formatter() {
        this(Integer.MAX_VALUE);
    }

    public Formatter(int limit) {
        this.limit = Math.max(1, limit);
    }

    public String format(Findings findings) {
        return format(findings.intent(), findings.items());
    }

    /** The answer with the items in the order given ("the most-imported first"). */
    String format(Intent intent, java.util.List<Finding> items) {
        if (intent instanceof Intent.Unknown u) {
            return "The hybrid path cannot answer this question (" + u.reason() + "); the full agent loop is needed.";
        }
        int n = items.size();
        if (n == 0) {
            return "No " + intent.describe() + " found.";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Found ").append(n).append(' ').append(n == 1 ? singular(intent) : intent.describe()).append(":\n");
        int shown = Math.min(n, limit);
        for (int i = 0; i < shown; i++) {
            Finding f = items.get(i);
            String where = f.file() + ":" + f.line();
            sb.append("- ");
            switch (intent) {
                case Intent.Imports imp -> sb.append(where).append(" (").append(f.detail())
                        .append(f.note().isEmpty() ? "" : "; " + f.note()).append(')');
                case Intent.Comments c -> sb.append(where).append(": ").append(f.detail());
                case Intent.Definitions d -> sb.append(where).append(": ").append(f.detail()); // class, def or NAME = value
                case Intent.References r -> sb.append(where).append(": ").append(f.detail()); // the line
                case Intent.ModuleImports m -> sb.append(where).append(": ").append(f.detail()); // the statement
                case Intent.PythonFiles p -> sb.append(f.file()).append(" (").append(f.detail()).append(')'); // its size
                case Intent.ThirdParty t -> {
                    // the first import, then how many files import the module (find_dependencies' "name (N files): ")
                    sb.append(f.name()).append(" (").append(where).append(')');
                    int files = importingFiles(f);
                    if (files >= 0) {
                        sb.append(", imported directly by ").append(files).append(files == 1 ? " file" : " files");
                    }
                }
                case Intent.Catches c -> clause(sb, f, where);
                case Intent.BareExcepts b -> clause(sb, f, where);
                default -> {
                    sb.append(f.name()).append(" (").append(where).append(')');
                    if (!f.note().isEmpty()) {
                        sb.append(" [").append(f.note()).append(']');
                    }
                }
            }
            sb.append('\n');
        }
        if (shown < n) {
            sb.append("... and ").append(n - shown).append(" more\n");
        }
        return sb.toString();
    }

    /** An except clause: its scope and place, then the clause as written ({@code find_handlers}' "scope: except ..."). */
    private static void clause(StringBuilder sb, Finding f, String where) {
        String clause = f.detail().startsWith(f.name() + ": ") ? f.detail().substring(f.name().length() + 2) : f.detail();
        sb.append(f.name()).append(" (").append(where).append("): ").append(clause);
        if (!f.note().isEmpty()) {
            sb.append(" [").append(f.note()).append(']');
        }
    }

    private static final java.util.regex.Pattern FILES = java.util.regex.Pattern.compile("^\\S+ \\((\\d+) files?\\): ");

    /** How many files import a third-party module ({@code find_dependencies}' "name (N files): ..."), or -1. */
    static int importingFiles(Finding f) {
        java.util.regex.Matcher m = FILES.matcher(f.detail());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String singular(Intent intent) {
        return intent.describeOne();
    }
}
