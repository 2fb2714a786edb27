package dev.ferret.agent.hybrid;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python concepts described instead of named, for a question the classifier could not read by its words: "classes
 * where Python writes the __init__ for you from the annotated fields" are dataclasses, "functions that hand back values
 * one at a time" generators, "interfaces that work by structure rather than inheritance" Protocol classes. Each
 * concept is a few descriptions of what the thing does or how it is written, each one a combination of words that the
 * other concepts do not share; the first concept with a description in the question is taken. The reading is a guess,
 * so the answer states it ({@link Classification#uncertain()}).
 */
final class Descriptions {
    private Descriptions() {
    }

    private record Concept(Intent intent, String name, List<Pattern> descriptions) {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** Questions about a concept rather than for its instances. */
    private static final Pattern ASKS_WHY = p("^(?:why|how|should|shall|would|explain|what (?:is|are|does) (?:a|an|the)\\b|"
            + "what's (?:a|an|the)\\b|is it\\b|when (?:should|would|do)\\b)");

    private static final String CLASSES = "(?:class|classes|types?|interfaces?|objects?)";

    private static final List<Concept> CONCEPTS = List.of(
            new Concept(new Intent.Subclasses("Protocol"), "Protocol classes", List.of(
                    p("\\bby (?:their )?(?:structure|shape)\\b"),
                    p("\\bstructural(?:ly)?\\b"),
                    p("\\bduck[- ]?typ(?:ed|ing)\\b"),
                    p("\\b(?:without|no need (?:for|to)|don'?t (?:have|need) to|do not (?:have|need) to|never have to)"
                            + " (?:any )?(?:inherit|subclass|a (?:shared|common) base|shared base|common base)"),
                    p("\\bjust by having (?:the|those|its|their|matching) methods\\b"),
                    p("\\b(?:the )?right methods\\b.*\\bwithout inherit"))),
            new Concept(new Intent.Dataclasses(), "dataclasses", List.of(
                    p("\\b(?:writes|generates|creates|makes|builds|gives you) (?:the |an? )?__init__ (?:for you|automatically)"),
                    p("__init__\\b.{0,40}\\b(?:generated|written for you|for free|from the (?:annotated )?fields)"),
                    p("\\bno hand[- ]?written __init__"),
                    p("\\b(?:plain )?data[- ]holder (?:class|classes)\\b"),
                    p("\\bfields? (?:are )?declared (?:as|with|by) (?:class[- ]level )?(?:type )?annotations\\b.{0,40}__init__"))),
            new Concept(new Intent.Enums(), "enums", List.of(
                    p("\\b(?:closed|fixed|finite|limited) set of (?:named |symbolic )?(?:values|options|choices|constants|members|states)"),
                    p("\\bsymbolic (?:values|names|constants)\\b"),
                    p("\\b(?:just )?a (?:list|set) of named (?:options|choices|values|constants)\\b"),
                    p("\\bnamed (?:options|choices) like [A-Z]+"),
                    p("\\b(?:fixed|closed|limited|preset|predefined) (?:choices|options|values)\\b.{0,15}\\blike [a-z_]\\w*\\.[a-z_]+\\b"))),
            new Concept(new Intent.AbstractClasses(), "abstract classes", List.of(
                    p("\\bevery subclass (?:is required|has|must|needs?) to (?:fill in|implement|override|provide)"),
                    p("\\bsubclasses? (?:are )?(?:required|forced|obliged) to (?:fill in|implement|override)"),
                    p("\\bmeant (?:only )?to be (?:inherited from|subclassed|extended)\\b"),
                    p("\\b(?:never|can'?t|cannot|can not) (?:be )?(?:created|instantiated|constructed) directly\\b"))),
            new Concept(new Intent.Generators(), "generator functions", List.of(
                    p("\\b(?:one (?:at a time|by one|after another))\\b.{0,40}\\b(?:values|results|items|rows)?|\\b(?:values|results|items|rows)\\b.{0,30}\\bone (?:at a time|by one)\\b"),
                    p("\\blazy (?:sequence|stream|iterator|iteration|list)\\b"),
                    p("\\b(?:stream|produce|yield|hand back|give back|return|emit)s? (?:results|values|items)? ?(?:out )?lazily\\b"),
                    p("\\bwith (?:a )?yield\\b"))),
            new Concept(new Intent.Subclasses("TypedDict"), "TypedDict classes", List.of(
                    p("\\b(?:expected |allowed )?keys\\b.{0,40}\\b(?:value )?types\\b.{0,30}\\b(?:plain )?dict(?:ionary|ionaries|s)?\\b"),
                    p("\\bdict(?:ionary)? (?:shape|schema)s?\\b"),
                    p("\\bdict(?:ionary)?(?: types?)? with typed keys\\b"),
                    p("\\bwhich keys (?:a|the|each) dict(?:ionary)? (?:has|holds|contains)\\b"),
                    p("\\bkeys as (?:type )?annotations\\b"))),
            new Concept(new Intent.Subclasses("NamedTuple"), "named tuples", List.of(
                    p("\\btuples?\\b.{0,40}\\b(?:named fields|field names|by name|attribute access|\\w+\\.\\w+ instead of)"),
                    p("\\b(?:named fields|field names)\\b.{0,30}\\btuples?\\b"),
                    p("\\b(?:built|based) on tuples?\\b"),
                    p("\\btuple records?\\b"))),
            new Concept(new Intent.SkippedTests(), "skipped tests", List.of(
                    p("\\btests?\\b.{0,30}\\b(?:switched|turned) off\\b"),
                    p("\\btests?\\b.{0,40}\\b(?:won'?t|will not|never|don'?t|do not) (?:get )?run\\b"),
                    p("\\b(?:marked|flagged) (?:them )?to be (?:left out|skipped|ignored)\\b"))),
            new Concept(new Intent.Tests(), "tests", List.of(
                    p("\\b(?:pytest|unittest|the test runner) (?:picks up|collects|finds|discovers|runs)\\b"),
                    p("\\bautomated checks?\\b"),
                    p("\\bcheck (?:the )?code'?s behaviou?r automatically\\b"))),
            new Concept(new Intent.UndocumentedClasses(), "classes without a docstring", List.of(
                    p("\\b" + CLASSES + "\\b.{0,60}\\b(?:missing|without|lacking|no) (?:an? )?(?:explanation|description|blurb|"
                            + "explanatory text)"),
                    p("\\bclass(?:es| defs?)?\\b.{0,40}\\bmissing the \"\"\""),
                    p("\\b" + CLASSES + "\\b.{0,30}\\b(?:nobody|no one|no-one)\\b.{0,25}\\bdocument(?:ed)?\\b"))),
            new Concept(new Intent.UndocumentedFunctions(), "functions without a docstring", List.of(
                    p("\\b(?:functions?|methods?|defs?)\\b.{0,60}\\b(?:missing|without|lacking|no|have no) (?:an? )?"
                            + "(?:explanation|description|blurb|explanatory text)"),
                    p("\\b(?:functions?|methods?|defs?)\\b.{0,30}\\b(?:nobody|no one|no-one)\\b.{0,25}\\bdocument(?:ed)?\\b"))),
            new Concept(new Intent.Properties(), "properties", List.of(
                    p("\\bcomputed (?:by a method )?but (?:read|accessed|used) like (?:plain |normal |regular )?(?:fields|attributes)"),
                    p("\\b(?:methods?|functions?)\\b.{0,20}\\b(?:read|accessed?|used?) like (?:an? )?(?:plain |normal )?"
                            + "(?:fields?|attributes?)"),
                    p("\\bno \\(\\) needed\\b|\\bwithout (?:the |calling )?(?:parentheses|\\(\\))"),
                    p("\\bcomputed (?:attrs|attributes)\\b"))),
            new Concept(new Intent.Constants(), "module-level constants", List.of(
                    p("\\bassigned once\\b.{0,40}\\bmodule\\b"),
                    p("\\b(?:never|not) meant to (?:change|be changed|be reassigned)\\b"),
                    p("\\bfixed (?:config |configuration )?values at (?:the )?(?:module|top) (?:level|scope)\\b"),
                    p("\\b(?:variables?|names|values|globals)\\b.{0,20}\\b(?:written|named|spelled|spelt|typed|in)\\s+(?:in\\s+)?"
                            + "(?:all\\s+)?(?:capitals|caps|capital letters|upper ?case(?: letters)?)\\b"))),
            new Concept(new Intent.ContextManagers(), "context managers", List.of(
                    p("\\bset(?:s|ting)? (?:something |things |it |a resource )?up and tear(?:s|ing)? (?:it |them |things )?down\\b"),
                    p("\\bwith\\s+\\S*\\s*(?:\\.\\.\\.|\u2026)?\\s*as\\s+\\w+\\s*:"),
                    p("\\b(?:put|use|usable|used) (?:after|in|with) (?:a |the )?`?with`? (?:statement|stmt|block|keyword)\\b"))),
            new Concept(new Intent.ExceptionClasses(), "exception classes", List.of(
                    p("\\bmeant to be raised\\b"),
                    p("\\b(?:stuff|things|classes|types) (?:you|we) can raise\\b.{0,30}\\b(?:wrote|made|defined|own)\\b"))),
            new Concept(new Intent.BareExcepts(), "bare except clauses", List.of(
                    p("\\b(?:swallow|catch|eat|trap)s? (?:every|all|any) (?:error|exception)s?\\b.{0,30}\\bno (?:exception )?type\\b"),
                    p("\\bexcept\\b.{0,20}\\bno (?:exception )?type (?:given|named|at all)\\b"))));

    /** A yes-or-no question about one name written as code: how that code behaves. */
    private static final Pattern ASKS_OF_NAME = Pattern.compile("(?:does|do|did|is|are|can|could|should|will|would)\\s+"
            + "(?:the\\s+)?`?[a-z_][a-z0-9]*(?:[_.][a-z0-9_]+)+`?(?:\\(\\))?\\s");

    /** The concept the question describes, if one matches. */
    static Optional<Reading> of(String question) {
        if (question == null) {
            return Optional.empty();
        }
        String q = question.toLowerCase(Locale.ROOT).strip();
        if (ASKS_WHY.matcher(q).find()) {
            return Optional.empty(); // "why do we use duck typing here?": about the concept, not a search for it
        }
        if (ASKS_OF_NAME.matcher(q).lookingAt()) {
            return Optional.empty(); // "does set_many actually pipeline the commands or send them one by one": what it does
        }
        for (Concept c : CONCEPTS) {
            for (Pattern d : c.descriptions()) {
                java.util.regex.Matcher m = d.matcher(q);
                if (m.find()) {
                    return Optional.of(new Reading(c.intent(), c.name(), m.group()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A described concept: the intent, its name for the note that says how the question was read, and the words of
     * the question that describe it.
     */
    record Reading(Intent intent, String name, String words) {
        /**
         * True when another reading took its parameter from these words ("writes the __init__ for you" read as the
         * classes with an __init__ method, "read like plain fields" as functions named plain).
         */
        boolean explains(Intent other) {
            String arg = other.argument().replace("*", "").toLowerCase(Locale.ROOT);
            return !arg.isEmpty() && java.util.regex.Pattern.compile("(?<![\\w])" + java.util.regex.Pattern.quote(arg)
                    + "(?![\\w])").matcher(words).find();
        }
    }
}
