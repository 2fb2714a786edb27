package dev.ferret.lab.track;

import dev.ferret.agent.hybrid.Finding;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision and recall of the hybrid path's items against the ground truth, per {@link StandardQuestion}, comparing
 * the question's keys ({@link StandardQuestion#key}) as sets. Items in files the ground truth could not parse are left
 * out of both sides. With nothing found, precision is 1 (no false claims); with nothing to find, recall is 1.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /**
     * The score of one question on one repository.
     *
     * @param question       the question
     * @param truth          number of ground-truth keys
     * @param found          number of hybrid keys
     * @param truePositives  keys in both
     * @param falsePositives hybrid keys not in the ground truth, sorted
     * @param falseNegatives ground-truth keys the hybrid path missed, sorted
     */
    public record Score(StandardQuestion question, int truth, int found, int truePositives,
                        List<String> falsePositives, List<String> falseNegatives) {
        public Score {
            falsePositives = List.copyOf(falsePositives);
            falseNegatives = List.copyOf(falseNegatives);
        }

        public double precision() {
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        public double recall() {
            return truth == 0 ? 1.0 : (double) truePositives / truth;
        }

        /** True if both precision and recall reach {@code threshold}. */
        public boolean meets(double threshold) {
            return precision() >= threshold && recall() >= threshold;
        }
    }

    public static Score score(StandardQuestion q, Collection<Finding> found, Collection<Finding> truth,
                              Set<String> excludedFiles) {
        Set<String> f = keys(q, found, excludedFiles);
        Set<String> t = keys(q, truth, excludedFiles);
        Set<String> fp = new TreeSet<>(f);
        fp.removeAll(t);
        Set<String> fn = new TreeSet<>(t);
        fn.removeAll(f);
        return new Score(q, t.size(), f.size(), f.size() - fp.size(), List.copyOf(fp), List.copyOf(fn));
    }

    private static Set<String> keys(StandardQuestion q, Collection<Finding> items, Set<String> excludedFiles) {
        Set<String> keys = new TreeSet<>();
        for (Finding i : items) {
            if (!excludedFiles.contains(i.file())) {
                keys.add(q.key(i));
            }
        }
        return keys;
    }
}
