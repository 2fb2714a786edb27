package dev.ferret.agent.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits off the clauses of a question that tell who asks and why ("I'm new here -", "new to the codebase:", "pm:",
 * "hey,", ", I'm tracing a bug in dispatch") so that only the question itself is classified: a word like "bug" or
 * "should" in the context is not a request for a judgement. When the question refers back to the context with a
 * pronoun ("I'm changing the signature of encode, who calls it?"), the one name the context holds stands in for the
 * pronoun, and the reading says so.
 */
final class ContextClause {
    private ContextClause() {
    }

    /** The question without its context clauses, and what was read differently ("read 'it' as 'encode'"). */
    record Split(String question, List<String> notes) {
    }

    private static final String SEP = "\\s*(?:[-\u2013\u2014:;,.!]+|\\s-\\s)\\s*";
    private static final String ME = "(?:i'?m|i am|im|we'?re|we are|i was|we were|i've been|we've been)";
    /** The pieces of work a question is asked for ("for the review", "For the licence audit, ..."). */
    private static final String WORK = "review|reviews|audit|release|refactor|refactoring|migration|meeting|pr|ticket|"
            + "cleanup|clean-up|upgrade|docs|writeup|write-up|report|onboarding|rewrite|redesign|overhaul|changelog|"
            + "release notes|guide|deprecation|handover|hand-off|exercise|lecture|lesson|course|homework|assignment|"
            + "workshop|tutorial|demo|presentation|post-mortem|postmortem|incident";
    /** Greetings and fillers before the question. */
    private static final Pattern GREETING = Pattern.compile("^(?:(?:hi|hey|hello|morning|good (?:morning|afternoon|evening)|dear)"
            + "(?:\\s+(?:team|all|everyone|folks|colleagues|there|y'all|guys|devs|friends))?|ok|okay|so|quick question|"
            + "question)" + SEP, Pattern.CASE_INSENSITIVE);
    /** "Thanks, Ana", "Best regards, Noah", "cheers", "ty - eli": the sign-off of a message, last. */
    private static final Pattern SIGN_OFF = Pattern.compile("(?:(?<=[.!?,])\\s*(?:best|br)|(?:(?<=[.!?,])|\\s)\\s*(?:(?:(?:best|kind|"
            + "warm|many)\\s+)?(?:regards|thanks|wishes)|thank you(?: (?:so much|in advance))?|thanks in advance|cheers|thx|ty|tia))"
            + "\\b\\s*[,!.]?\\s*(?:-\\s*)?(?:\\b[A-Za-z][a-z]{1,15}\\b)?\\s*[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** "I'm new here -", "new to the codebase:", "first week on the team:", "I'm tracing a bug in X," */
    private static final Pattern LEADING = Pattern.compile("^(?:" + ME + "\\s+(?:new|a newcomer|a newbie|\\w+ing)\\b"
            + "|new (?:here|to\\b)|new(?:-ish)? (?:joiner|hire|starter|dev|developer|engineer|guy|person)? ?here\\b"
            + "|day \\d+ here\\b|first (?:day|week|time)\\b|newbie\\b|newcomer\\b)(?:[^-\u2013\u2014:;,.!?]|(?<=\\w)[-.](?=\\w))*" + SEP,
            Pattern.CASE_INSENSITIVE);
    /**
     * Who asks, first: "pm: ...", "qa here - ...", "student q: ...", "security audit - ...", "As a data scientist, ...".
     */
    private static final Pattern ROLE = Pattern.compile("^(?:(?:pm|po|product(?:\\s+(?:manager|owner|person))?|qa(?:\\s+"
            + "engineer)?|tester|ds|data\\s+(?:scientist|science|analyst|engineer)|analyst|student|intern|junior(?:\\s+dev)?|"
            + "new\\s+hire|security(?:\\s+(?:audit|auditor|review|team))?|auditor|audit|sre|devops|ops|support|designer|"
            + "tech\\s+writer|docs\\s+team|researcher|ml\\s+engineer|manager|eng(?:ineering)?\\s+manager|contractor|"
            + "consultant)(?:\\s+(?:here|q|question|speaking|asking))?\\s*(?:[:\u2013\u2014]|\\s-+|,(?=\\s*(?:which|what|where|"
            + "who|how|show|list|find|give|any|are|is|do|does|can|could)\\b))|as\\s+(?:a|an|the|our|your)\\s+(?:[\\w-]+\\s+){0,3}"
            + "[\\w-]+\\s*,)\\s*", Pattern.CASE_INSENSITIVE);
    /** A ticket's id first: "QA-5120:", "#2219", "JIRA-88 -". */
    private static final Pattern TICKET = Pattern.compile("^(?:[A-Z][A-Z0-9]{1,9}-\\d{1,7}|#\\d{1,7})(?:\\s*[:\u2013\u2014]|\\s+-)?\\s+");
    /**
     * A label before the request: "Follow-up from PR #91:", "Reviewer note on PR #431:", "Action item from the sync:",
     * "from chat:", "Per the retro,", "Following the onboarding doc,".
     */
    private static final Pattern LABEL = Pattern.compile("^(?:(?:follow[- ]?up|action item|reviewer(?:'s)? note|review note|"
            + "(?:design[- ]|code[- ])?review(?:\\s+comment|\\s+q)?|code review q|quick one for review|"
            + "note|context|background|from (?:chat|slack|teams|the thread|standup|the retro)|per the|as per|following|"
            + "according to|re|fyi|heads[- ]up|acceptance criteria|steps|ask|request|task|homework|hw|exercise|assignment|"
            + "quiz|lab|lecture|tutorial)\\b[^:?\u2014\u2013]{0,80}?"
            + "(?::|(?<=\\w),(?=\\s)))\\s*", Pattern.CASE_INSENSITIVE);
    /**
     * The request after what led to it: "we are changing X; please list ...", "... leak — can you show ...",
     * "..., so could you find ...", "...; as a first step, please list ...".
     */
    private static final Pattern REQUEST = Pattern.compile("(?:[;:\u2014\u2013]|\\s-+\\s|,\\s*(?=so\\b)|\\.\\s)\\s*(?:(?:so|and|then|now|"
            + "as a first step|first|meanwhile|anyway)\\s*,?\\s*)?(?=(?:please|pls|plz|can you|could you|would you|will you|"
            + "gimme|give me|show me|list|find|identify|locate|point me)\\b|(?<=so\\s)(?:where|which|what|who)\\b"
            + "|(?<=[\u2014\u2013]\\s?)(?:where|which|what)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** One answer known, after the question mark: "? pyasn1 and what else", "? besides X", "? other than X". */
    private static final Pattern KNOWN_ONE_ELSE = Pattern.compile("\\?\\s+(?:[\\w.`]+\\s+(?:and|&|\\+)\\s+what\\s+else|"
            + "(?:besides|apart from|other than)\\s+[\\w.`]+)\\s*[?.!]*\\s*$", Pattern.CASE_INSENSITIVE);
    /** A guess after the question mark, ending in a hedge: "? sync and async both i think". */
    private static final Pattern HEDGED_REMARK = Pattern.compile("\\?\\s+(?!(?:and|or|also|plus|what about|how about)\\b)([^?]{3,120}?\\s(?:i think|i guess|i believe|"
            + "i suppose|iirc|afaik|afaict|probably|maybe|not sure))[.!]*\\s*$", Pattern.CASE_INSENSITIVE);
    /** A remark after the question mark that asks nothing: "? planning removals", "? CI looks suspiciously green". */
    private static final Pattern AFTER_QUESTION = Pattern.compile("\\?\\s+([^?]{3,120})$");
    /**
     * A pattern or a class's name after the question mark, which says what is asked: "? the ones named *Meta",
     * "catching the namespace error anywhere? XMLSchemaNamespaceError".
     */
    private static final Pattern NAMED_AFTER = Pattern.compile("\\*\\w|\\w\\*|^\\s*[A-Z][a-z0-9]+[A-Z]\\w*[.!]?\\s*$");
    /** A bound on a count after the question mark: "long param lists? say over 6", "? 5 or more". */
    private static final Pattern COUNT_BOUND = Pattern.compile("(?:\\b(?:more|fewer|less|greater|longer)\\s+th[ae]n|\\bover|"
            + "\\babove|\\bunder|\\bbelow|\\bat\\s+(?:least|most)|\\bmin(?:imum)?|\\bmax(?:imum)?|[<>\u2264\u2265]=?)\\s*"
            + "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\\b"
            + "|\\b\\d+\\s*(?:\\+|or\\s+(?:more|fewer|less|above|over)\\b)", Pattern.CASE_INSENSITIVE);
    /** ", perf review", ", for the audit": the piece of work, last. */
    private static final Pattern WORK_LAST = Pattern.compile(",\\s*(?:[\\w-]+\\s+){0,2}(?:" + WORK + "|retro|inventory|sync)"
            + "[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", doing a review of our exceptions": the piece of work the asker is doing, last. */
    private static final Pattern DOING_WORK = Pattern.compile("(?:,|\\s[-\u2013\u2014])\\s*(?:i'?m\\s+|we'?re\\s+|i am\\s+"
            + "|we are\\s+)?doing\\s+(?:a|an|the|my|our|some)\\s+(?:[\\w-]+\\s+)?(?:" + WORK + "|check|checks|scan|sweep|"
            + "survey|analysis)\\b(?![^?]*(?:/|\\b(?:dir|directory|folder|package|module)\\b))[^?]*[.!]?\\s*$", Pattern.CASE_INSENSITIVE); // not "... of the middleware/ dir": a place
    /**
     * "which ones implement decode? adding a charset arg": after the question mark, what the asker is doing, said with a
     * verb in -ing; the question is already asked.
     */
    private static final Pattern DOING_AFTER = Pattern.compile("\\?+\\s*(?:(?:i'?m|we'?re|i am|we are)\\s+)?(?:adding|changing|"
            + "refactoring|removing|renaming|deprecating|rewriting|migrating|fixing|updating|moving|replacing|extending|"
            + "touching|tweaking|editing|reworking|porting|splitting|merging|cleaning)\\b[^?]*[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** "where are the tests for this", "... for this repo": the repository asked about, which is the one at hand. */
    private static final Pattern FOR_THIS = Pattern.compile("\\s+for\\s+this(?:\\s+(?:repo|repository|codebase|project|"
            + "code|package|library|lib|thing|stuff|tool|app))?\\s*[?.!]*\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", gzip handling", ", for the proxy support": the topic it is asked for, last. */
    private static final Pattern TOPIC_LAST = Pattern.compile(",\\s*(?:for\\s+)?(?:the\\s+|our\\s+|my\\s+)?[\\w-]+\\s+"
            + "(?:handling|support|stuff|logic|integration)[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", new to the repo", " - new here": who asks, last. */
    private static final Pattern NEW_LAST = Pattern.compile("(?:,|\\s[-\u2013\u2014]+)\\s*(?:i'?m\\s+|im\\s+)?(?:new|fresh)\\s+"
            + "(?:here|to\\s+(?:the\\s+|this\\s+)?(?:repo|repository|codebase|code|project|team|python))\\s*[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** ", might turn them into dataclasses later": what the asker may do with the answer, last. */
    private static final Pattern PLAN_LAST = Pattern.compile(",\\s*(?:(?:i|we)\\s+)?(?:might|may|could|will|would|gonna|"
            + "going\\s+to|plan\\s+to|planning\\s+to|want\\s+to|wanna|need\\s+to|should|must)\\s+(?:\\w+\\s+)?(?:turn|convert|"
            + "change|migrate|move|rewrite|replace|refactor|port|make|rename|delete|remove|drop|merge|read|review|check|go\\s+"
            + "through|fix|update|swap|switch|upgrade)\\b[^?]*[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", need them for docs", ", want it for the wiki": what the asker needs the answer for, last. */
    private static final Pattern NEED_FOR_LAST = Pattern.compile(",\\s*(?:i\\s+|we\\s+)?(?:need|want|needed|wanted)\\s+"
            + "(?:them|it|these|those|this|that|(?:the|a)\\s+(?:list|count|number|total|tally|overview|summary))\\s+for\\s+"
            + "[^?,]{1,40}[.!]?\\s*$", Pattern.CASE_INSENSITIVE); // ", need a count for the ci page"
    /**
     * ", they swallow KeyboardInterrupt": what the items asked for do, as a reason for asking, last (a swallow is a
     * catch by then, {@link Rewrites}).
     */
    private static final Pattern THEY_DO_LAST = Pattern.compile("(?:[,;]|\\s-)\\s*(?:they|these|those)\\s+(?:all\\s+|also\\s+)?"
            + "(?:swallow|catch|hide|eat|mask|silence|trap|break|leak|block|slow|hurt|confuse|annoy|bite)(?:e?s)?\\b[^?]*[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** " before I can approve this PR", " before we merge": when the asker needs the answer, last. */
    private static final Pattern BEFORE_WORK_LAST = Pattern.compile("\\s+(?:before|so|until|after)\\s+(?:(?:i|we)\\s+"
            + "(?:can\\s+|could\\s+)?(?:approve|merge|ship|deploy|release|sign\\s+off|push|land|submit|hand\\s+in|grade"
            + "|touch|change|edit|refactor|modify|rewrite|rename|move|remove|delete|drop|split)\\b" // "..., before i touch the tokenizer"
            + "|(?:i|we)?\\s*(?:touching|changing|editing|refactoring|modifying|rewriting)\\s)[^?]*[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** ", so that each owner can be pinged": the purpose, last. */
    private static final Pattern SO_THAT = Pattern.compile("\\s+so\\s+that\\s+(?:each|every|all|the|our|my|a|an|people|"
            + "owners?|teams?|reviewers?|someone|everyone|nobody|no one)\\b[^?]*[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** Code in a remark: "@pytest.fixture", "`-> dict`", "parse_row", "core.models". */
    private static final Pattern CODE_LIKE = Pattern.compile("[@`()]|\\w_\\w|\\w\\.\\w|->");
    /**
     * A request that points back at what was said before it, or adds to it: "those functions", "the FIXMEs too",
     * "the NOTE comments explain design decisions; can you show them all?".
     */
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\b(?:those|these|such|too|also|as well|both|it|them|they)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that make a sentence after the question mark a request of its own ("? and list the callers"). */
    private static final Pattern REQUEST_WORD = Pattern.compile("\\b(?:list|show|find|give|gimme|which|what|where|who|how|"
            + "also|and|or|only|just|excluding|except|including|not|but|count|per|each)\\b|\\?", Pattern.CASE_INSENSITIVE);
    /** ", I'm tracing a bug in dispatch", ", i am new here": a trailing clause about the asker. */
    private static final Pattern TRAILING = Pattern.compile("(?:[-\u2013\u2014:;,(]|\\s-)\\s*" + ME + "\\s+(?:\\w+ing|new|a\\s+newcomer|a\\s+newbie)\\b"
            + "(?:[^?.!]|\\.(?=\\w))*[?).!]?\\s*$", Pattern.CASE_INSENSITIVE); // not past the end of its sentence
    /**
     * "Before I refactor X,", "While we're migrating to Y:", "reviewing a PR that deletes build_query -": a clause
     * of time or purpose about the asker's own work, ended by a separator.
     */
    private static final Pattern ABOUT_WORK = Pattern.compile("^(?:(?:before|while|since|as|after|once|when|until)\\s+"
            + "(?:i|we)\\b|(?:reviewing|refactoring|debugging|investigating|auditing|migrating|upgrading|porting|"
            + "onboarding|cleaning up|preparing|planning|documenting|changing|renaming|modifying|rewriting|deprecating"
            + "|writing|wrapping|adding|fixing|implementing|extending|hardening|optimi[sz]ing"
            + "|(?:(?:i'?m|we'?re|i am|we are)\\s+)?(?:about|going) to\\s+(?:change|rename|modify|rewrite|refactor"
            + "|deprecate|touch|remove|delete|move|split|update))\\s)[^\u2013\u2014:;,!?]*?(?:[\u2013\u2014:;,!]+|\\s-+\\s)\\s*",
            Pattern.CASE_INSENSITIVE);
    /** "Since attribute access should be cheap, ...", "Given that we ship a CLI, ...": a reason, then the question. */
    private static final Pattern REASON = Pattern.compile("^(?:(?:since|because|given that|now that|as)\\s+[^,:;?]{3,80}[,:;]"
            + "|to\\s+[a-z]+\\s+[^,:;?]{3,80}[,:;]|(?:while|when|before|after)\\s+[^,:;?]{3,80}?(?=\\s(?:i|we)\\s+(?:need|want|"
            + "would like|'d like)\\b))\\s*", Pattern.CASE_INSENSITIVE);
    /** "For the licence audit, ...": the purpose first. */
    private static final Pattern PURPOSE = Pattern.compile("^for\\s+(?:(?:the|a|an|my|our)\\s+(?:[\\w-]+\\s+){0,2})?(?:" + WORK
            + "|inventory|diagram)(?:\\s+purposes?)?(?:\\s+(?:of|for|on|in)\\s+[^,:;?]{1,60}?)?(?:\\s*[,:;\\-\u2013\u2014]\\s*|\\s+(?=(?:i|we)\\s*(?:need|want|would like|'d like)\\b))",
            Pattern.CASE_INSENSITIVE);
    /** "I need to know which ...", "I want to see every ...": how the request is put, not what it asks. */
    private static final Pattern ASKING = Pattern.compile("^(?:(?:i|we)\\s*(?:need|want|would like|'d like)\\s+"
            + "(?=(?:every|all|each|the list|a list|any)\\b)|(?:i|we)\\s*(?:need|want|would like|'d like|wanna|have)\\s+"
            + "(?:to\\s+)?(?:know|see|find out|get|check|understand)|(?:i|we)\\s*(?:need|want|would like|'d like)\\s+"
            + "(?:a|the)\\s+list\\s+of)\\s+", Pattern.CASE_INSENSITIVE);
    /** "`validate_token`: which places call it?", "KeyError - where do we raise it?": the name first. */
    private static final Pattern NAME_FIRST = Pattern.compile("^(`[^`]{1,80}`|[A-Za-z_][\\w.]*(?:\\[[^\\]]{0,60}\\])?(?:\\(\\))?)"
            + "\\s*(?::|\\s[-\u2013\u2014]+)\\s+(.{4,})$");
    /**
     * ", can we drop it", " - should we replace them?": what the asker may do with the answer, after it; the search is
     * the part before.
     */
    private static final Pattern AFTERTHOUGHT = Pattern.compile("(?:,|;|\\s[-\u2013\u2014]+)\\s*(?:and\\s+|so\\s+)?(?:can|could|should|shall"
            + "|may|do)\\s+(?:we|i|you)\\s+(?:just\\s+|finally\\s+|safely\\s+)?(?:drop|remove|delete|replace|ditch|kill|deprecate|"
            + "inline|rename|move|refactor|get\\s+rid\\s+of|swap|upgrade|bump|update|merge|split|simplify)\\s+(?:it|them|this|that|"
            + "those|these)\\b[^?]*\\??\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", type manager stuff is slow": a remark on the code after the question, a judgement that asks for nothing. */
    private static final Pattern JUDGED = Pattern.compile("(?:,|;|\\s[-\u2013\u2014]+)\\s*(?!(?:which|that|who|where|what|"
            + "when|how|and|or|but|so|if)\\b)(?:[\\w-]+\\s+){1,4}(?:is|are|was|were|seems|seem|feels|feel|looks|look|gets|got)\\s+"
            + "(?:so\\s+|too\\s+|really\\s+|kinda\\s+|pretty\\s+|very\\s+|super\\s+|way\\s+too\\s+)?(?:slow|broken|flaky|"
            + "buggy|weird|messy|confusing|bloated|ugly|fragile|painful|annoying|a\\s+mess|a\\s+pain|hairy|gnarly|"
            + "sluggish|hot)\\s*[.!]*\\s*$|(?:,|;|\\s[-\u2013\u2014]+)\\s*(?!(?:which|that|who|where|what|when|how|and|or|but|so|if)"
            + "\\b)(?:[\\w-]+\\s+){1,3}(?:hangs|crashes|breaks|fails|leaks|deadlocks|freezes|stalls|flakes|times\\s+out)"
            + "(?:\\s+(?:sometimes|randomly|occasionally|intermittently|a\\s+lot|often|again|in\\s+prod|in\\s+ci|on\\s+ci))*"
            + "\\s*[.!]*\\s*$", Pattern.CASE_INSENSITIVE); // ", callback_iter hangs sometimes"
    /** ", touching the generator output": what the asker is working on, a gerund clause last. */
    private static final Pattern TOUCHING_LAST = Pattern.compile("(?:,|\\s[-\u2013\u2014]+)\\s*(?:touching|changing|editing|reworking|updating|"
            + "tweaking|fixing|debugging)\\s+(?:the\\s+|our\\s+|some\\s+)?[^,?]{1,50}?[.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** "(the vendored lib one)": which of two things of one name is meant, in parentheses at the end. */
    private static final Pattern WHICH_ONE = Pattern.compile("\\s*\\(\\s*the\\s+[^()?]{1,40}?\\s+(?:one|ones|version|variant)\\s*\\)"
            + "\\s*[.!?]*\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", the old pre async def style": what sort of thing the asker means, said after the question. */
    private static final Pattern OLD_STYLE = Pattern.compile("(?:,|;|\\s[-\u2013\u2014]+)\\s*(?:the\\s+)?(?:old|older|legacy|"
            + "classic|pre[- ]?\\w+)\\b[^?,;]{0,40}?\\b(?:style|way|kind|variety|flavou?r)\\s*[.!?]*\\s*$", Pattern.CASE_INSENSITIVE);
    /** "... - listeners i guess", ", looking at the promise stuff": a guess or where the asker is looking, at the end. */
    private static final Pattern GUESS = Pattern.compile("(?:,|;|\\s[-\u2013\u2014]+)\\s*(?:[\\w.()]+\\s+){1,4}(?:i\\s+guess|i\\s+think"
            + "|i\\s+suppose|i\\s+reckon|probably|maybe)\\s*[.!?]*\\s*$|(?:,|;|\\s[-\u2013\u2014]+)\\s*(?:looking|digging|poking)\\s+"
            + "(?:at|into|through|around)\\b[^?]*$", Pattern.CASE_INSENSITIVE);
    /** "... so they can be used with async with": what the asker wants the items for, at the end. */
    private static final Pattern SO_CAN = Pattern.compile("\\s+so\\s+(?:that\\s+)?(?:they|it|we|i|you|these|those)\\s+"
            + "(?:can|could|will|would|know|see|understand|dont|don't|do not|wont|won't)\\b[^?]*[.?!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * "Could you please list ...", "Would you mind showing me ...", "Would it be possible to find ...", "I'd really
     * appreciate it if you could list ...": politeness before a search verb (a gerund is read as the verb).
     */
    private static final Pattern POLITE = Pattern.compile("^(?:(?:hi|hey|hello|so|and)\\s*,?\\s*)?(?:when you (?:get|have) a "
            + "(?:chance|moment|minute|sec|second)\\s*,?\\s*)?(?:(?:please|pls|kindly)\\s+)?(?:(?:could|can|would|will)\\s+"
            + "(?:you|u)\\s+(?:(?:please|kindly|possibly|just|quickly|maybe)\\s+)*(?:(?:mind|be so kind as to|be able to)\\s+)?"
            + "|(?:would|will)\\s+it\\s+be\\s+possible\\s+(?:for you\\s+)?to\\s+|is\\s+it\\s+possible\\s+(?:for you\\s+)?to\\s+"
            + "|i'?d\\s+(?:really\\s+)?appreciate\\s+it\\s+if\\s+you\\s+could\\s+(?:please\\s+)?|please\\s+)"
            + "(?=(?:list|listing|show|showing|find|finding|give|giving|get|getting|collect|collecting|tell|point|pointing|"
            + "pull|pulling|grab|gather|gathering|dig|search|searching|look|looking|locate|identify|enumerate|fetch|see|"
            + "view|track|hunt|round|output|return|produce|compile|prepare)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "I want to change the signature of X; ...": the asker's plan, ended by a semicolon or colon. */
    private static final Pattern PLAN_FIRST = Pattern.compile("^(?:i|we)\\s*(?:want|need|plan|am going|'m going|are going|"
            + "'re going|intend|hope)\\s+to\\s+[^;:?]{3,120}[;:]\\s*", Pattern.CASE_INSENSITIVE);
    /**
     * ", chasing a resource leak", ", code smell hunting", " - checking filter ctor args", ", writing docs": what the
     * asker is after or busy with, at the end.
     */
    private static final Pattern HUNTING = Pattern.compile("(?:,|\\s[-\u2013\u2014]+)\\s*(?:(?:chasing|hunting|tracking down|"
            + "looking into|looking at(?![^?]*(?:/|\\.py\\b))|checking|reviewing|auditing|investigating|debugging|fixing|"
            + "writing|porting|migrating|refactoring|documenting|upgrading|cleaning up)\\b[^?]*|(?:[\\w-]+\\s+){0,3}(?:hunting|hunt|cleanup|clean-up))[.?!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** The gerund a polite request put its verb in ("would you mind showing me"). */
    private static final Pattern GERUND = Pattern.compile("^(list|show|find|giv|gett|collect|point|pull|gather|search|look|"
            + "fetch)ing\\b", Pattern.CASE_INSENSITIVE);
    /**
     * The pronoun of a question asked after its name ("`f`: who calls it?", "`X` - which declare that as ...", "Unit -
     * list its methods").
     */
    private static final Pattern NAME_FIRST_PRONOUN = Pattern.compile("\\b(its|it|them|that(?=\\s+as\\b|\\s*[?.!]*\\s*$))\\b(?!')",
            Pattern.CASE_INSENSITIVE);
    /**
     * Words of depth that keep a widening clause in the question (", grandkids included", ", direct or not", ", nested
     * too"; "including nested ones" may mean classes nested in others, and is set aside).
     */
    private static final Pattern DEPTH_WORDS = Pattern.compile("grand|child|descend|subclass|direct|transitive|level|deep|"
            + "nested\\s+(?:too|as\\s+well)", Pattern.CASE_INSENSITIVE);
    /** A clause about replacing one thing with another names two things ("drop requests for httpx"). */
    private static final Pattern REPLACING = Pattern.compile("\\b(?:drop|dropping|replace|replacing|swap|swapping|switch|"
            + "switching|migrate|migrating|move|moving|port|porting|convert|converting)\\b", Pattern.CASE_INSENSITIVE);
    /** "I'm new to the team and would like an overview of ...": the asker, then "and" and the request. */
    private static final Pattern NEW_AND = Pattern.compile("^" + ME + "\\s+new\\b[^-\u2013\u2014:;,.!?]*?\\s+and\\s+"
            + "(?:(?:i|we)\\s+)?(?:would like|'d like|want|need)\\s+(?:to\\s+(?:see|get|have)\\s+)?",
            Pattern.CASE_INSENSITIVE);
    /** What an asker plans to do with the answer ("i want to replace it", "wanna drop it"). */
    private static final String PLAN_VERBS = "replace|swap|turn|change|check|see|remove|delete|refactor|rename|migrate|move|"
            + "convert|fix|document|understand|review|clean|update|upgrade|port|drop|add|use|implement";
    /**
     * " i want to replace it with logging", " cause i think some are broken", " i need it for the migration": the
     * asker's plan or reason after the question, said without a separator (dictated, chat); never what is asked.
     */
    private static final Pattern TRAILING_WANT = Pattern.compile("(?:[,;:]\\s*|\\s+)(?:(?<=[,;:]\\s{0,3})(?:new here\\b|"
            + "(?:want|wanna|need|gonna|going|trying|planning)\\s+(?:to\\s+)?(?:" + PLAN_VERBS + "|run|touch)\\b)|"
            + "(?:cause|cuz|coz|because|since|as)\\s+(?:i|we)\\b|(?<=[,;:]\\s{0,3})(?:i|we)\\s+(?:think|guess|suspect|"
            + "believe|feel|reckon)\\b|(?:i|we)\\s+(?:(?:want|need|have|plan|am going|'m going)\\s+to|wanna|gotta|will|'ll)"
            + "\\s+(?:" + PLAN_VERBS + ")\\b)[^?]*[.!?]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", someone says nowhere", "; someone needs it": what a colleague said or wants, after the question. */
    private static final Pattern TRAILING_SOMEONE = Pattern.compile("(?:[,;]|\\s-|\\?)\\s*someone\\s+(?:" + Rewrites.PEOPLE_VERBS
            + "|disabled|skipped|commented|silenced|muted|left|put|marked|used)\\b[^?]*[.!?]?\\s*$", Pattern.CASE_INSENSITIVE);
            // ("find the XXX markers, someone disabled tests with them")
    /** ", for the review", ", reviewing coverage", "(for the licence audit)": why it is asked, at the end. */
    private static final Pattern TRAILING_WHY = Pattern.compile("(?:[-\u2013\u2014:;,(]|\\s-|\\s(?=for\\s))\\s*(?:(?:[\\w-]+\\s+)?(?:"
            + WORK + ")\\s*[.!)]?\\s*$|for\\s+(?:the|a|an|my|our)\\s+"
            + "(?:[\\w-]+\\s+){0,2}(?:" + WORK + "|check|checks|scan|sweep|inventory|diagram)|(?:reviewing|auditing|"
            + "refactoring|planning|preparing)\\b[^?]*)[.!?)]*\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** "any typed named tuples? want to replace them by dataclasses later": a remark after the question mark. */
    private static final Pattern REMARK = Pattern.compile("\\?\\s+(?:(?:i|we)(?:'m|'re| am| are)?\\s+[a-z]+|(?:i|we)'d like|"
            + "(?!(?:any|every|some|no)thing\\b)[a-z]+ing\\b|worried|legacy|curious|just|asking|context|background|"
            + "for\\s+(?:the|a|an|my|our)\\b|want|" // (not "? anything over 2 params", which asks)
            + "(?:my|our)\\s+(?:manager|boss|lead|tech lead|team|pm|teacher|professor|reviewer|client)\\b|"
            + "wanna|need|planning|plan|trying|going|thinking|hoping|would like)\\b[^?]*$", Pattern.CASE_INSENSITIVE);
    /** Chat laughter after words: "lol", "haha" (not first: "lol so many FIXMEs" is a remark). */
    private static final Pattern LAUGH = Pattern.compile("(?<=[\\w?!,.])\\s+(?:lol|lmao|haha+|hehe|rofl)\\b", Pattern.CASE_INSENSITIVE);
    /** Spoken fillers: "um", "basically", "you know", "like" before what is asked ("can you like list ..."). */
    private static final Pattern FILLER = Pattern.compile("(?:^so\\b|\\b(?:um+|uh+|uhm+|erm+|hmm+|basically|literally|you know|"

            + "y'know|ya know|i mean)\\b|(?<=\\b(?:you|basically|um|uh|so|just)\\s)(?<!\\b(?:do|does|did|would|don't|dont|didn't)\\s(?:you|u)\\s)"
            + "like\\b(?!\\s+(?:it|this|that|them)\\b)"
            + "|(?<=\\b(?:me|up|out|and)\\s)like\\b(?=\\s+(?:every|all|the|a|an|list|give|pull|find|show|get|which|what|"
            + "any|some|out)\\b))\\s*,?", Pattern.CASE_INSENSITIVE);
    /** "list em all", "show them" after the question mark of a yes/no question: the list was what was asked. */
    private static final Pattern LIST_THEM = Pattern.compile("(?:\\?|\\s-)\\s*(?:(?:and|then|pls|please)\\s+)?(?:list|show|give me|"
            + "gimme|name)\\s+(?:em|'em|them|those|these|all|all of them)(?:\\s+all)?(?:\\s+(?:pls|please|thanks))?[.!?]*\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * ", like Task-returning methods in C#", ", e.g. the JUnit @Test methods": an example, at the end; not a number
     * or a bound (", like 9 params or more", ", like over 8", ", say >= 7", ", like more than fifteen args" is the bound
     * asked for).
     */
    private static final Pattern EXAMPLE = Pattern.compile(",\\s*(?:(?:like|e\\.g\\.?|eg|such as|for example|say)\\s+"
            + "(?!\\d|(?:over|above|under|below|(?:more|fewer|less)\\s+than|at\\s+(?:least|most)|[<>]=?|\u2265|\u2264)\\s*"
            + "(?:\\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            + "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)\\b))[^?]*"
            + "|(?:meaning|i\\.e\\.?|that is)\\s+[^?@`]*)[.?!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** ", going to convert them to dataclasses", ", want to replace them": what the asker will do next. */
    private static final Pattern PLAN = Pattern.compile("(?:,|\\s[-\u2013\u2014]+)\\s*(?:(?:i'?m|we'?re|i am|we are)\\s+)?(?:going to|gonna|about to|"
            + "want to|(?:want|need) (?:them|these|those|it|this|that|the list) (?:for|to|so|because)|"
            + "wanna|planning to|plan to|hoping to|so (?:that )?(?:i|we) can|in order to|need to|have to|got to|to judge|to check|"
            + "(?:thinking|thought) (?:of|about) \\w+ing|considering \\w+ing|"
            + "to see|to decide|to estimate|to plan|to figure|to understand|to make sure|to verify|to confirm|to assess|"
            + "(?:making|building|writing|drawing|generating|creating|preparing|compiling|putting together|working on|"
            + "updating|drafting)\\s+(?:a|an|the|some|my|our)\\b)\\b[^?]*"
            + "[.?!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * ", except in abstract base classes", ", excluding abstract ones", ", not the fixtures", ", apart from the tests":
     * a narrowing no search applies; split off, and the reading says it was not applied.
     */
    private static final Pattern EXCLUDING = Pattern.compile("(?:,|\\?+)\\s*(?:except(?:\\s+(?:in|for|the|those|ones))?|excluding|"
            + "exclude|not\\s+(?:the|in|including|counting)|apart from|other than|besides|but not|only (?:the ones|those|"
            + "ones)|ignoring|leaving out|minus)\\b[^?]*[.?!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** ", methods included", ", skipped ones too", ", abstract or not", ", just the names": what the search does anyway. */
    private static final Pattern INCLUDING = Pattern.compile(",\\s*(?:(?:[\\w-]+\\s+){1,4}(?:included|too|as well)|[\\w-]+ or not|"
            + "just (?:the )?names|names only|only (?:the )?names|(?:a )?quick (?:overview|list)(?:\\s+for\\s+[\\w -]{1,30})?|briefly)"
            + "[.?!]*\\s*$",
            Pattern.CASE_INSENSITIVE);
    /**
     * "(tests excluded)", "(direct subclasses only, not transitive descendants)", "(including methods, excluding nested
     * functions)": a narrowing in parentheses, which the searches either do anyway or cannot apply. Not "X(Protocol)".
     */
    private static final Pattern QUALIFIER_PAREN = Pattern.compile("\\s+\\(([^()]{2,200})\\)");
    /** Examples in parentheses: "(tornado twisted trio etc)", "(e.g. requests)", "(like the cli ones)". */
    private static final Pattern EXAMPLES_PAREN = Pattern.compile("\\b(?:etc|e\\.g|eg|such as|for example|for instance|like)\\b"
            + "|\\.\\.\\.\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER_WORD = Pattern.compile("\\b(?:only|excluded|excluding|exclude|including|included|"
            + "incl|not|rather|opposed|aside|except|without|whether|plain|first level|top-level|direct|transitive|"
            + "tests?|production|nested|alike|considered|considering|at all|as written|as declared|any (?:level|depth)|"
            + "all levels|every level)\\b", Pattern.CASE_INSENSITIVE);
    /** ", production code only", ", leaving tests/ out", ", incl. classmethods named validate": a narrowing, last. */
    private static final Pattern QUALIFIER_LAST = Pattern.compile("(?:,|\\s[\u2014\u2013]|\\s--?)\\s*(?:(?:[\\w/.`-]+\\s+){1,3}only\\b"
            + "|leaving\\s+[^,?]{1,40}\\s+out\\b|incl\\.?\\s|including\\b|excluding\\b|first level\\b|top[- ]level only\\b"
            + "|[^,?\u2014\u2013]{0,60}\\b(?:included|excluded)\\b)(?![^?]*\\b(?:every|which|list|show)\\b)[^?]*[.?!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** "outside tests", ", skip tests", "excluding the tests/ folder": a place left out, which no search leaves out. */
    private static final Pattern OUTSIDE_TESTS = Pattern.compile(",?\\s+(?:outside(?:\\s+of)?|excluding|except(?:\\s+in)?|not in|"
            + "minus|skip(?:ping)?|ignoring|without)\\s+(?:the\\s+)?(?:tests?|test\\s+(?:code|files|folder|dir|directory|suite)|"
            + "tests/)(?:\\s+(?:folder|dir|directory|code|files))?(?=\\s*[,.?!]|\\s*$)", Pattern.CASE_INSENSITIVE);
    /** ", skip vendored code", " - ignoring the generated files", " outside vendored code": a part left out, which no search leaves out. */
    private static final Pattern LEAVING_OUT = Pattern.compile("(?:(?:,|;|\\s[-\u2013\u2014]+|\\s+but)\\s*(?:skip|skipping|ignore|"
            + "ignoring|exclude|excluding|leave\\s+out|leaving\\s+out|minus|not\\s+counting|outside(?:\\s+of)?|except(?:\\s+for)?)"
            + "\\s+(?:the\\s+|any\\s+|all\\s+|our\\s+)?[^,;?]{2,50}?|\\s+(?:outside(?:\\s+of)?|excluding|not\\s+counting|ignoring|"
            + "skipping|except\\s+for)\\s+(?:the\\s+|our\\s+|any\\s+)?(?:vendor(?:ed)?|third[- ]party|generated|migrations?)\\b"
            + "[^,;?]{0,30}?)(?=\\s*(?:pls|please|plz)?\\s*(?:[,;?!]|\\.(?:\\s|$))|\\s*(?:pls|please|plz)?\\s*$)",
            Pattern.CASE_INSENSITIVE);
    /** "Excluding tests and vendored code, ...": a part left out, first. */
    private static final Pattern LEADING_EXCLUSION = Pattern.compile("^(?:excluding|ignoring|skipping|leaving\\s+out|not\\s+counting|"
            + "outside(?:\\s+of)?|except\\s+for|apart\\s+from)\\s+[^,?]{2,60},\\s*", Pattern.CASE_INSENSITIVE);

    /** The question without the parts it leaves out and the layout it asks for ("every usage outside vendored code"). */
    static String withoutNarrowing(String question) {
        return setAside(LEADING_EXCLUSION.matcher(question).replaceFirst(""), LEAVING_OUT, new ArrayList<>(), 3);
    }

    /**
     * ", just the file names, sorted", "as a markdown table", "with file paths": how the answer is laid out (a dot
     * separates only before a space: "jupyter_core.paths" is a module).
     */
    private static final Pattern LAYOUT = Pattern.compile("(?:[,;:?]|\\.(?=\\s)|\\s[-\u2013\u2014]+|\\s+(?=(?:as|in|with)\\s))\\s*(?:(?:list|show"
            + "|give|return|output|print)\\s+(?:me\\s+)?)?(?:just\\s+|only\\s+)?(?:the\\s+)?(?:(?:file\\s*names?|names|paths|file\\s+"
            + "paths|line\\s+numbers|locations)(?:\\s+only)?(?:\\s*,?\\s*sorted)?|(?:as|in)\\s+(?:a\\s+)?(?:markdown\\s+|md\\s+)?"
            + "(?:table|csv|json|bulleted\\s+list|bullet\\s+list|bullets)(?:\\s*\\([^)]*\\))?|with\\s+(?:its\\s+|their\\s+)?"
            + "(?:file\\s*(?:paths?|names?)?|paths?|line\\s+numbers?|locations?)(?:\\s*(?:and|\\+|&)\\s*(?:line(?:\\s+numbers?)?|"
            + "file))?|sorted(?:\\s+by\\s+\\w+|\\s+alphabetically)?|names\\s+only|just\\s+names)\\s*[.!]?(?=\\s*[,;?]|\\s*$)",
            Pattern.CASE_INSENSITIVE);
    /**
     * "as opposed to `abc.ABC` subclasses", "rather than through our own db wrapper", "instead of returning a list" (a
     * verb after "instead of": not "a Protocol instead of an ABC"): a contrast no search applies.
     */
    private static final Pattern CONTRAST = Pattern.compile(",?\\s+(?:as opposed to|rather than|instead of(?=\\s+\\w+ing\\b))\\s+[^,;?()\u2014\u2013]*",
            Pattern.CASE_INSENSITIVE);
    /** The question without the first match of {@code narrowingPattern} (not at its start), which joins {@code narrowing}. */
    private static String setAside(String q, Pattern narrowingPattern, List<String> narrowing) {
        return setAside(q, narrowingPattern, narrowing, 8);
    }

    /**
     * The question without the first match of {@code narrowingPattern} that starts after {@code minStart}, which joins
     * {@code narrowing} without the separator before it (", skip vendored code" is "skip vendored code").
     */
    private static String setAside(String q, Pattern narrowingPattern, List<String> narrowing, int minStart) {
        Matcher m = narrowingPattern.matcher(q);
        if (!m.find() || m.start() <= minStart) {
            return q;
        }
        narrowing.add(m.group().replaceFirst("^[,;\\s\u2013\u2014-]+", "").replaceFirst("^but\\s+", "").strip());
        return (q.substring(0, m.start()) + q.substring(m.end())).strip();
    }

    /**
     * How deep a narrowing says the subclass search goes, said the way the question is read: " directly" for "direct
     * subclasses only, not transitive descendants", " at any depth" for "incl. grandchildren", else nothing.
     */
    static String depthHint(String narrowing, String question) {
        if (!SUBCLASS_TALK.matcher(question).find()) {
            return "";
        }
        String n = narrowing.toLowerCase(Locale.ROOT);
        if (n.matches("(?s).*\\b(?:direct|first level|immediate)\\b.*\\bonly\\b.*")
                || n.matches("(?s).*\\bnot\\s+(?:the\\s+)?(?:transitive|indirect|grandchildren|descendants|deeper).*")) {
            return " directly";
        }
        return n.matches("(?s).*(?:grand|transitive|indirect|descendant|all levels|any depth|any level|deep|"
                + "subclasses of (?:its |their )?subclasses|nested\\s+(?:too|as well)|"
                + "intermediate|recursive|all the way|every level).*") ? " at any depth" : "";
    }

    /**
     * "(classes only)", "(only functions)": the kind of item asked for, said aside; read as that noun where the rest of
     * the question names no kind ("whats decorated with implementer (classes only)" asks for classes).
     */
    private static final Pattern KIND_ONLY = Pattern.compile("(?i)(?:only\\s+(?:the\\s+)?(classes|functions|methods)|"
            + "(classes|functions|methods)\\s+only)");
    private static final Pattern KIND_NOUN = Pattern.compile("(?i)\\b(?:class(?:es)?|functions?|funcs?|fns?|methods?|defs?)\\b");

    /** Words of a subclass question, where a narrowing may say how deep to go. */
    private static final Pattern SUBCLASS_TALK = Pattern.compile("\\b(?:subclass\\w*|inherit\\w*|deriv\\w*|derive[sd]?|extends?|"
            + "extending|children|child|descendants?|descends?|descending|hierarchy|tree|bases?|parent)\\b",
            Pattern.CASE_INSENSITIVE); // ("every class that descends from X, including grandchildren")
    /** The words of a narrowing that leaves something out, which the answer says it did not apply. */
    private static final Pattern EXCLUSION = Pattern.compile("\\b(?:only|excluded|excluding|exclude|not|except|without|aside|"
            + "rather|opposed|leaving|outside|skip|skipping|ignoring|minus)\\b", Pattern.CASE_INSENSITIVE);
    /** Questions that judge or compare: a contrast there is the point ("should I use X rather than Y"). */
    private static final Pattern JUDGING_START = Pattern.compile("^(?:should|why|would|is it|are|when|how)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A sentence boundary: "Legal needs a license report. Which third-party libraries ...?" (not an ellipsis). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!])(?<!\\.\\.)\\s+(?=[A-Z]|(?:who|what|where|which|any|can|could|"
            + "list|show|gimme)\\b)");
    private static final Pattern PLACE = Pattern.compile("/|\\.py\\b|\\b(?:package|module|folder|directory|dir|subpackage|"
            + "submodule)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN = Pattern.compile("\\b(it|them|its)\\b(?!')|(?<=\\b(?:in|inside|under)\\s)there\\b",
            Pattern.CASE_INSENSITIVE); // "before I refactor a/b - how many modules are in there"
    private static final Pattern NAME = Pattern.compile("`[^`]+`|[A-Za-z_][\\w.]*(?:/[\\w.]+)*/?(?:\\(\\))?");

    static Split split(String question) {
        String q = question.strip();
        for (int pass = 0; pass < 3; pass++) { // "um so basically": "so" opens the question once "um" is gone
            q = FILLER.matcher(q).replaceAll(" ").replaceAll("\\s{2,}", " ").strip();
            q = LAUGH.matcher(q).replaceAll("").strip(); // "high lol, any skipped tests?": the comma stays
        }
        if (q.length() < 4) {
            q = question.strip();
        }
        Matcher signOff = SIGN_OFF.matcher(q);
        if (signOff.find() && signOff.start() > 8) {
            q = q.substring(0, signOff.start()).strip(); // "... Could you tell me which modules import X? Thanks, Ana"
        }
        boolean cleaned = !q.equals(question.strip());
        List<String> context = new ArrayList<>();
        List<String> narrowing = new ArrayList<>();
        Matcher paren = QUALIFIER_PAREN.matcher(q);
        StringBuilder unparened = new StringBuilder();
        while (paren.find()) {
            boolean qualifier = QUALIFIER_WORD.matcher(paren.group(1)).find();
            boolean example = !qualifier && EXAMPLES_PAREN.matcher(paren.group(1)).find();
            Matcher kind = KIND_ONLY.matcher(paren.group(1).strip());
            boolean kindOnly = kind.matches() && !KIND_NOUN.matcher(q.substring(0, paren.start()) + q.substring(paren.end())).find();
            String depth = qualifier ? depthHint(paren.group(1), q) : "";
            paren.appendReplacement(unparened, Matcher.quoteReplacement(kindOnly ? " " + (kind.group(1) != null ? kind.group(1)
                    : kind.group(2)) : qualifier ? depth : example ? "" : paren.group()));
            if (qualifier && !kindOnly && depth.isEmpty()) { // a depth said is applied
                narrowing.add(paren.group(1).strip());
            } else if (qualifier || kindOnly) {
                cleaned = true;
            }
            if (example) {
                context.add(paren.group().strip()); // "non-stdlib imports? (tornado twisted trio etc)": examples
            }
        }
        paren.appendTail(unparened);
        q = unparened.toString().strip();
        if (!JUDGING_START.matcher(q).find()) {
            q = setAside(q, CONTRAST, narrowing);
        }
        q = setAside(q, OUTSIDE_TESTS, narrowing);
        for (int pass = 0; pass < 3; pass++) { // "..., just the file names, sorted": the layout asked for
            Matcher layout = LAYOUT.matcher(q);
            String before = q;
            while (layout.find()) {
                if (layout.start() > 8 && q.substring(layout.end()).strip().matches("[?.!]*")) {
                    context.add(layout.group().strip());
                    q = (q.substring(0, layout.start()) + q.substring(layout.end())).strip();
                    break;
                }
            }
            if (q.equals(before)) {
                break;
            }
        }
        q = setAside(q, LEAVING_OUT, narrowing, 3); // "todos outside vendored code"
        Matcher leadingOut = LEADING_EXCLUSION.matcher(q);
        if (leadingOut.find() && q.length() - leadingOut.end() > 8) { // "Excluding tests and vendored code, what ..."
            narrowing.add(leadingOut.group().replaceFirst("[,\\s]+$", ""));
            q = q.substring(leadingOut.end()).strip();
        }
        Matcher narrowLast = QUALIFIER_LAST.matcher(q);
        if (narrowLast.find() && narrowLast.start() > 8) {
            narrowing.add(narrowLast.group().replaceFirst("^[,\\s]+", "").replaceFirst("[.?!\\s]+$", ""));
            q = q.substring(0, narrowLast.start()).strip() + depthHint(narrowLast.group(), q)
                    + (narrowLast.group().strip().endsWith("?") ? "?" : "");
        }
        // background sentences, then the question: "Our CI is green but suspicious. Which tests are skipped?"
        String[] sentences = SENTENCE_END.split(q);
        if (sentences.length > 1) {
            String last = sentences[sentences.length - 1];
            String before = q.substring(0, q.length() - last.length());
            if (last.strip().endsWith("?") && before.indexOf('?') < 0 && !PLACE.matcher(before).find()
                    && last.strip().length() > 8) {
                context.add(before.strip());
                q = last.strip();
            }
        }
        Matcher req = REQUEST.matcher(q);
        if (req.find() && req.start() > 12 && q.substring(req.end()).strip().split("\\s+").length >= 3
                && !(BACK_REFERENCE.matcher(q.substring(req.end())).find()
                && !(PRONOUN.matcher(q.substring(req.end())).find() && soleName(q.substring(0, req.start())) != null))) {
                // not "..., so can you find those functions?"; but "helpers.py keeps growing. list the functions in it":
                // the pronoun takes the one name before it
            // "MAIL-55: we are changing the signature of send_email; please list every place it is called"
            context.add(q.substring(0, req.start()));
            q = q.substring(req.end()).strip();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pattern p : List.of(TICKET, LABEL, GREETING, ROLE, LEADING, ABOUT_WORK, NEW_AND, REASON, PURPOSE, ASKING,
                    PLAN_FIRST)) {
                Matcher m = p.matcher(q);
                if (m.find() && m.end() < q.length() && q.substring(m.end()).strip().length() > 3) {
                    context.add(q.substring(0, m.end()));
                    q = q.substring(m.end()).strip();
                    changed = true;
                }
            }
            Matcher polite = POLITE.matcher(q);
            if (polite.find() && polite.end() > 0 && q.substring(polite.end()).strip().length() > 3) {
                String rest = q.substring(polite.end());
                Matcher gerund = GERUND.matcher(rest);
                if (gerund.find()) { // "would you mind showing me": the verb
                    String v = gerund.group(1).toLowerCase();
                    rest = (v.equals("giv") ? "give" : v.equals("gett") ? "get" : v) + rest.substring(gerund.end());
                }
                q = rest.strip();
                cleaned = true;
                changed = true;
            }
        }
        for (Pattern last : List.of(NEW_LAST, PLAN_LAST, NEED_FOR_LAST, BEFORE_WORK_LAST, THEY_DO_LAST)) {
            Matcher m = last.matcher(q); // ", new to the repo", ", might turn them into X later", " before I can approve"
            if (m.find() && m.start() > 8) {
                context.add(m.group().replaceFirst("^[,\\s\u2013\u2014-]+", "").strip());
                q = q.substring(0, m.start()).strip();
            }
        }
        Matcher lt = LIST_THEM.matcher(q);
        if (lt.find() && lt.start() > 3) {
            context.add(q.substring(lt.start() + 1));
            q = q.substring(0, lt.start() + 1).strip();
        }
        Matcher r = REMARK.matcher(q);
        if (r.find() && r.start() > 3) {
            context.add(q.substring(r.start() + 1));
            q = q.substring(0, r.start() + 1).strip();
        }
        Matcher known = KNOWN_ONE_ELSE.matcher(q);
        if (known.find() && known.start() > 3) {
            // "non-stdlib imports? pyasn1 and what else": one answer the asker knows, the listing still asked for
            context.add(q.substring(known.start() + 1).strip());
            q = q.substring(0, known.start() + 1).strip();
        }
        Matcher hedge = HEDGED_REMARK.matcher(q);
        if (hedge.find() && hedge.start() > 3 && !CODE_LIKE.matcher(hedge.group(1)).find()) {
            // "classes having _get_sniff_data? sync and async both i think": a guess about the answer, no request
            context.add(hedge.group(1));
            q = q.substring(0, hedge.start() + 1).strip();
        }
        Matcher aq = AFTER_QUESTION.matcher(q);
        if (aq.find() && aq.start() > 3 && !PLACE.matcher(aq.group(1)).find() && !REQUEST_WORD.matcher(aq.group(1)).find()
                && !CODE_LIKE.matcher(aq.group(1)).find() // "pytest fixtures? the @pytest.fixture ones" names what is asked
                && !COUNT_BOUND.matcher(aq.group(1)).find() // "long param lists? say over 6" says how many
                && !NAMED_AFTER.matcher(aq.group(1)).find()) { // "any metaclasses? the ones named *Meta"
            // "any disabled tests in test_api.py? CI looks suspiciously green": a remark, no second request
            context.add(aq.group(1));
            q = q.substring(0, aq.start() + 1).strip();
        }
        List<String> notes = new ArrayList<>();
        for (String n : narrowing) {
            if (EXCLUSION.matcher(n).find()) {
                notes.add("not applied: '" + n + "'"); // "(tests excluded)": the answer says it was not applied
            }
        }
        Matcher nf = NAME_FIRST.matcher(q);
        if (nf.matches()) {
            String name = nf.group(1).startsWith("`") ? nf.group(1).substring(1, nf.group(1).length() - 1) : nf.group(1);
            Matcher pr = NAME_FIRST_PRONOUN.matcher(nf.group(2));
            if (pr.find() && !name.contains(" ")) {
                String rest = nf.group(2);
                context.add(nf.group(1));
                String its = pr.group().equalsIgnoreCase("its") ? "'s" : ""; // "list its methods": the name's
                notes.add("read '" + pr.group() + "' as '" + name + its + "'");
                String asWritten = nf.group(1).startsWith("`") ? nf.group(1) : name; // "requsts - ...": still corrected
                q = rest.substring(0, pr.start()) + (its.isEmpty() ? asWritten : name + its) + rest.substring(pr.end());
            }
        }
        for (Pattern p : List.of(TRAILING, TRAILING_WANT, TRAILING_SOMEONE, TRAILING_WHY, WORK_LAST, TOPIC_LAST, FOR_THIS, DOING_WORK, DOING_AFTER, PLAN, AFTERTHOUGHT, GUESS, JUDGED, OLD_STYLE, WHICH_ONE, TOUCHING_LAST, SO_CAN, SO_THAT, HUNTING, EXAMPLE, INCLUDING,
                EXCLUDING)) {
            Matcher t = p.matcher(q);
            if (t.find() && t.start() > 3) {
                String clause = q.substring(t.start());
                if (p == INCLUDING && DEPTH_WORDS.matcher(clause).find()) {
                    continue; // ", grandkids included": how deep, which the subclass search reads
                }
                context.add(clause);
                q = q.substring(0, t.start()).strip() + (clause.startsWith("?") ? "?" : "");
                if (p == EXCLUDING) {
                    notes.add("not applied: '" + clause.replaceFirst("^[,?\\s]+", "").replaceFirst("[.?!\\s]+$", "") + "'");
                }
            }
        }
        if (context.isEmpty()) {
            return new Split(cleaned || !narrowing.isEmpty() ? q : question, notes);
        }
        Matcher pronoun = PRONOUN.matcher(q);
        if (pronoun.find()) {
            String name = soleName(String.join(" ", context));
            if (name != null) {
                boolean its = pronoun.group().equalsIgnoreCase("its")
                        && !IT_IS.matcher(q.substring(pronoun.end())).lookingAt(); // "all the spots its read": it's
                if (its && name.length() > 2 && name.startsWith("`") && name.endsWith("`")) {
                    name = name.substring(1, name.length() - 1); // "`SessionManager`'s" reads as a possessive no more
                }
                boolean itIs = pronoun.group().equalsIgnoreCase("its") && !its;
                notes.add("read '" + pronoun.group() + "' as '" + name + (its ? "'s" : itIs ? " is" : "") + "'");
                q = q.substring(0, pronoun.start()) + name + (its ? "'s" : itIs ? " is" : "") + q.substring(pronoun.end());
            }
        }
        Matcher sites = CALL_SITES.matcher(q);
        if (!pronoun.reset().find() && sites.find()) {
            String name = soleName(String.join(" ", context));
            if (name != null) { // "I'm changing the signature of f; which call sites will I need to update?"
                notes.add("read '" + sites.group() + "' as '" + sites.group() + " of " + name + "'");
                q = q.substring(0, sites.end()) + " of " + name + q.substring(sites.end());
            }
        }
        return new Split(q, notes);
    }

    /** A participle after "its", which makes it "it's" ("all the spots its read"). */
    private static final Pattern IT_IS = Pattern.compile("\\s+(?:read|used|called|set|defined|imported|referenced|raised|"
            + "caught|accessed|touched|assigned|written|declared|mentioned)\\b", Pattern.CASE_INSENSITIVE);

    /** Call sites asked for with no object: the context's one name is whose they are. */
    private static final Pattern CALL_SITES = Pattern.compile("\\b(?:call sites|call-sites|callsites|callers|usages)\\b"
            + "(?!\\s+(?:of|for|to)\\b)", Pattern.CASE_INSENSITIVE);

    /**
     * The one name a context clause holds: a word written like code or capitalised inside the clause, else the
     * word that ends it after "of", "for", "on", "to" ("the signature of encode"); null when none or several.
     */
    static String soleName(String context) {
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher m = NAME.matcher(context);
        while (m.find()) {
            words.add(m.group().replaceFirst("\\.+$", "")); // "browsing." ends a sentence, it is no dotted name
        }
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String lower = w.toLowerCase(Locale.ROOT);
            boolean code = w.startsWith("`") || w.endsWith("()") || w.indexOf('_') >= 0 || w.indexOf('.') > 0
                    || w.indexOf('/') > 0 // a path: "refactoring zeroconf/_utils/name.py - what does it import"
                    || Character.isUpperCase(w.charAt(0)) && !lower.equals("i") && !lower.startsWith("i'")
                    && !Lexicon.STOP.contains(lower) && !Lexicon.MODAL.contains(lower); // not "Could you" after a sentence
            boolean acronym = w.length() <= 3 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.startsWith("`");
            if (code && !acronym && !names.contains(w)) { // "a PR", "on CI": no name
                names.add(w);
            }
        }
        if (names.size() == 2 && names.stream().filter(n -> n.indexOf('/') > 0).count() == 1) {
            String path = names.stream().filter(n -> n.indexOf('/') > 0).findFirst().orElseThrow();
            if (Pattern.compile("(?i)\\b(?:in|from|under|inside)\\s+" + Pattern.quote(path)).matcher(context).find()) {
                names.remove(path); // "before i refactor the Authenticator class in auth/base": the class, in its home
            }
        }
        boolean replacing = REPLACING.matcher(context).find();
        if (names.isEmpty() && words.size() >= 2 && !replacing // "drop requests for httpx": two names, no guess
                && List.of("of", "for", "on", "to").contains(words.get(words.size() - 2).toLowerCase(Locale.ROOT))) {
            names.add(words.getLast());
        }
        return names.size() == 1 ? names.getFirst() : null;
    }

    /** A clause taken out of a question, and the question without it. */
    record Aside(String question, String clause) {
    }

    /** Where a clause ends: a sentence end, a comma, a semicolon, a colon or a dash between words. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?])\\s+|[,;]\\s+|:\\s+|\\s+[-\u2013\u2014]+\\s+"
            + "|\\s*[\u2013\u2014]\\s*");
    /** A clause that asks or requests, by its first words. */
    private static final Pattern ASKS_FIRST = Pattern.compile("^(?:which|what|what's|whats|where|where's|wheres|who|whom|whose|"
            + "when|why|how|list|show|find|give|gimme|get|grep|search|locate|any|are|is|do|does|did|can|could|would|will|should|"
            + "shall|may|might|tell|please|pls|plz|i\\s+need\\s+(?:a|the|to\\s+(?:see|find|know))|i'?d\\s+like)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A clause that says again what was asked, in other words: "the ones that would return a promise in JS?". */
    private static final Pattern RESTATES = Pattern.compile("^(?:the\\s+ones|those|ones|like|i\\.e\\.?|e\\.g\\.?|ie|eg|"
            + "similar\\s+to|as\\s+in|same\\s+as|just\\s+like|kind\\s+of\\s+like|sort\\s+of\\s+like|what\\s+(?:we|you|i|"
            + "people|java|c#|js)(?:'d)?\\s+call)\\b", Pattern.CASE_INSENSITIVE);
    /** Words in parentheses, with at least one space around or inside them. */
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\(([^()]{2,80})\\)");
    /** A request that only points at what another clause asks for: "can you produce it?", "could you do that". */
    private static final Pattern POINTING_REQUEST = Pattern.compile("^(?:(?:can|could|would|will)\\s+(?:you|u|someone)\\s+)?"
            + "(?:(?:confirm|check|verify)(?:\\s+(?:and|&)\\s+(?:show|list|tell\\s+me|point\\s+out)(?:\\s+(?:me\\s+)?(?:where|"
            + "which|them|those))?)?\\s*[?.!]*$|"
            + "(?:please\\s+)?(?:produce|make|do|get|give|generate|pull|dig\\s+up|find|share|run)\\s+(?:me\\s+)?"
            + "(?:it|that|this|them|one|those)(?:\\s+(?:for\\s+me|please|pls))?\\s*[?.!]*$)", Pattern.CASE_INSENSITIVE);

    /**
     * The question with one clause taken out, for each clause that states something ("getting it in prod", "The PR
     * adds one on a method and I want to compare", "the ones that would return a promise in JavaScript") or only
     * points at the request ("can you produce it?"), last clause first. A clause that asks ("why are there so
     * many?") is never taken out. The classifier tries these only for a question it read as unknown, and keeps one only
     * when the rest is a search and the clause alone is not.
     */
    static List<Aside> statements(String question) {
        List<int[]> clauses = new ArrayList<>();
        Matcher m = CLAUSE_END.matcher(question);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) {
                clauses.add(new int[] {start, m.start(), m.end()});
            }
            start = m.end();
        }
        if (start < question.length()) {
            clauses.add(new int[] {start, question.length(), question.length()});
        }
        List<Aside> out = new ArrayList<>();
        for (int i = clauses.size() < 2 || clauses.size() > 8 ? -1 : clauses.size() - 1; i >= 0; i--) {
            int[] c = clauses.get(i);
            String clause = question.substring(c[0], c[1]).strip();
            boolean asks = clause.endsWith("?") && !RESTATES.matcher(clause).find() || ASKS_FIRST.matcher(clause).find();
            if (clause.isEmpty() || asks && !POINTING_REQUEST.matcher(clause).find()) {
                continue;
            }
            // cut the clause with the separator after it; the last clause with the separator before it
            int from = i == clauses.size() - 1 ? clauses.get(i - 1)[1] : c[0];
            int to = i == clauses.size() - 1 ? c[1] : c[2];
            String rest = (question.substring(0, from) + (i == clauses.size() - 1 && clause.endsWith("?") ? "?" : " ")
                    + question.substring(to)).strip();
            if (rest.split("\\s+").length >= 2) {
                out.add(new Aside(rest, clause));
            }
        }
        Matcher paren = PARENTHESES.matcher(question);
        while (paren.find()) { // "exported names (like `export` in ts)": an aside in parentheses
            String rest = (question.substring(0, paren.start()) + question.substring(paren.end())).strip();
            if (rest.length() > 3) {
                out.add(new Aside(rest, paren.group(1).strip()));
            }
        }
        return out;
    }
}
