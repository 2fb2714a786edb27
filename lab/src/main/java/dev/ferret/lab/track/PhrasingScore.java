package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.Intent;
import dev.ferret.agent.hybrid.IntentClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The intent classifier on the evaluation phrasings ({@link PhrasingSet}): per file, how many phrasings were
 * classified right (kind and parameters), how many came back unknown, and how many as another intent (the failure
 * that matters: a different question answered).
 */
public final class PhrasingScore {
    private PhrasingScore() {
    }

    /**
     * The result of one file.
     *
     * @param file     the file (intent or question kind)
     * @param total    phrasings (after expansion)
     * @param informal of which informal
     * @param right    classified as the expected kind with the expected parameters
     * @param unknown  classified as unknown
     * @param wrong    the misclassified ones, "question -> intent" (unknown ones included when unknown was wrong)
     */
    public record FileScore(String file, int total, int informal, int right, int unknown, List<String> wrong) {
        /** Share classified right. */
        public double recall() {
            return total == 0 ? 1 : (double) right / total;
        }

        /** Classified as some other known intent (not right, not unknown). */
        public int other() {
            return total - right - unknown;
        }
    }

    /** Classifies every phrasing of the main set. */
    public static List<FileScore> score(IntentClassifier classifier) {
        return score(classifier, PhrasingSet.MAIN);
    }

    /** Classifies every phrasing of one set. */
    public static List<FileScore> score(IntentClassifier classifier, String set) {
        Map<String, List<PhrasingSet.Item>> byFile = new LinkedHashMap<>();
        for (PhrasingSet.Item i : PhrasingSet.loadSet(set)) {
            byFile.computeIfAbsent(i.file(), k -> new ArrayList<>()).add(i);
        }
        List<FileScore> out = new ArrayList<>();
        byFile.forEach((file, items) -> {
            int right = 0;
            int unknown = 0;
            int informal = 0;
            List<String> wrong = new ArrayList<>();
            for (PhrasingSet.Item item : items) {
                informal += item.informal() ? 1 : 0;
                Intent got = classifier.classify(item.question());
                boolean ok = PhrasingSet.sameReading(got, item.kind(), item.params());
                if (ok) {
                    right++;
                } else {
                    if (got.kind() == Intent.Kind.UNKNOWN) {
                        unknown++;
                    }
                    wrong.add(item.question() + " -> " + got);
                }
            }
            if (items.getFirst().kind() == Intent.Kind.UNKNOWN) {
                unknown = right;
            }
            out.add(new FileScore(file, items.size(), informal, right, unknown, wrong));
        });
        return out;
    }

    /** A Markdown table: file, phrasings, right, unknown, other intent, recall. */
    public static String markdown(List<FileScore> scores) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Phrasing set | Phrasings (informal) | Right | Unknown | Other intent | Recall |\n|---|---|---|---|---|---|\n");
        for (FileScore s : scores) {
            boolean negatives = s.file().equals("unknown");
            sb.append("| ").append(s.file()).append(" | ").append(s.total()).append(" (").append(s.informal()).append(") | ")
                    .append(s.right()).append(" | ").append(negatives ? s.right() : s.unknown()).append(" | ")
                    .append(negatives ? s.total() - s.right() : s.other()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * s.recall())).append(" |\n");
        }
        return sb.toString();
    }
}
