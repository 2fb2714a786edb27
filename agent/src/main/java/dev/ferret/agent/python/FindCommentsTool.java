package dev.ferret.agent.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferret.agent.tools.Params;
import dev.ferret.agent.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code find_comments}: comments (a {@code #} outside strings, to the end of the line) holding a tag as a whole word,
 * case-sensitive: {@code TODO} matches {@code # TODO: x}, {@code #TODO x}, {@code # TODO(alice): x},
 * {@code # FIXME/TODO}, but not {@code # TODOs}, {@code # todo}, {@code # MYTODO}, {@code # TODO_LIST}, nor TODO in
 * strings and docstrings. A word character is Unicode's. Output: {@code pkg/mod.py:12: # TODO(alice): refunds}.
 */
public final class FindCommentsTool extends PythonSearchTool {
    /** The default tag. */
    public static final String DEFAULT_TAG = "TODO";

    public FindCommentsTool(PythonIndex index) {
        super(index, "comments", new Params("find_comments",
                "Find Python comments holding a tag word such as TODO, FIXME, XXX or HACK (case-sensitive; "
                + "not in strings); prints file:line: comment.")
                .string("tag", false, "the tag word, default TODO"));
    }

    /** The pattern for a tag: the tag not preceded or followed by a (Unicode) word character. */
    public static Pattern tagPattern(String tag) {
        return Pattern.compile("(?<!\\w)" + Pattern.quote(tag) + "(?!\\w)", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** The conventional tag words (a comment's tag is any word, but these are the ones a question misspells). */
    public static final Set<String> TAGS = Set.of("TODO", "FIXME", "XXX", "HACK", "NOTE", "BUG", "OPTIMIZE", "REVIEW");

    @Override
    public Set<String> names(String parameter) {
        return parameter.equals("tag") ? TAGS : Set.of();
    }

    @Override
    List<Hit> find(JsonNode args) throws ToolException {
        String tag = Args.text(args, "tag");
        if (tag == null) {
            tag = DEFAULT_TAG;
        }
        if (tag.startsWith("#")) {
            tag = tag.substring(1).strip();
        }
        if (tag.isEmpty() || tag.length() > 64 || tag.chars().anyMatch(Character::isWhitespace)) {
            throw new ToolException("tag must be one word such as TODO or FIXME, got: " + tag);
        }
        Pattern p = tagPattern(tag);
        String word = tag;
        return hits(args, PythonFile::comments, (f, c) -> c.text().contains(word) && p.matcher(c.text()).find()
                ? new Hit(f.path(), c.line(), word, c.text())
                : null);
    }
}
