package dev.ferret.models.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trains a byte-level BPE vocabulary: the 256 byte tokens (ids 0..255, id = byte value), then one token per
 * merge learned from a corpus, then the special tokens (type 3) at the end.
 *
 * <p>The corpus is cut at special tokens, split with the qwen2 pre-tokenizer, and each piece counted as a word;
 * then, until the vocabulary has the requested size, the most frequent adjacent pair is merged. Ties go to the
 * pair of lower token ids, so the result depends only on the corpus and the size: training twice gives the same
 * vocabulary byte for byte.
 *
 * {@snippet :
 * BpeTokenizer tok = BpeTrainer.defaultTokenizer(1024); // trained once per JVM on the bundled corpus
 * }
 */
public final class BpeTrainer {
    /** Parts of the bundled corpus, concatenated in this order. */
    private static final List<String> DEFAULT_CORPUS = List.of("corpus-prose.txt", "corpus-python.txt", "corpus-chat.txt");
    private static final Map<Integer, BpeTokenizer> DEFAULTS = new ConcurrentHashMap<>();

    private BpeTrainer() {
    }

    /**
     * Trains on {@code corpus} until the vocabulary holds {@code vocabSize} tokens, specials included. It stops
     * earlier if the corpus has no pair left to merge.
     *
     * @throws IllegalArgumentException if {@code vocabSize} cannot hold the 256 byte tokens and the specials
     */
    public static BpeTokenizer train(String corpus, int vocabSize, List<String> specialTokens) {
        if (vocabSize < 256 + specialTokens.size()) {
            throw new IllegalArgumentException("a vocabulary of " + vocabSize + " cannot hold 256 byte tokens and "
                    + specialTokens.size() + " special tokens");
        }
        if (new HashSet<>(specialTokens).size() != specialTokens.size()) {
            throw new IllegalArgumentException("special tokens repeat: " + specialTokens);
        }
        return new Run(countWords(corpus, specialTokens)).train(vocabSize - specialTokens.size(), specialTokens);
    }

    /** The bundled corpus (English prose, Python, ChatML and tool-call JSON), as text. */
    public static String defaultCorpus() {
        StringBuilder corpus = new StringBuilder();
        for (String part : DEFAULT_CORPUS) {
            try (InputStream in = BpeTrainer.class.getResourceAsStream(part)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + part + " is missing");
                }
                corpus.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return corpus.toString();
    }

    /** The tokenizer trained on {@link #defaultCorpus()} with {@link SpecialTokens#ALL}; cached per size. */
    public static BpeTokenizer defaultTokenizer(int vocabSize) {
        return DEFAULTS.computeIfAbsent(vocabSize, n -> train(defaultCorpus(), n, SpecialTokens.ALL));
    }

    /** Words of the corpus (in byte-level form) and how often each occurs, sorted so training is reproducible. */
    private static TreeMap<String, Integer> countWords(String corpus, List<String> specials) {
        List<String> fragments = new ArrayList<>(List.of(corpus));
        for (String special : specials) {
            List<String> next = new ArrayList<>();
            for (String f : fragments) {
                int from = 0;
                int at;
                while ((at = f.indexOf(special, from)) >= 0) {
                    next.add(f.substring(from, at));
                    from = at + special.length();
                }
                next.add(f.substring(from));
            }
            fragments = next;
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String fragment : fragments) {
            for (String piece : PreTokenizer.split(fragment)) {
                byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
                counts.merge(ByteLevel.encode(utf8, 0, utf8.length), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** One training run: the words as symbol ids, pair counts kept up to date as merges apply. */
    private static final class Run {
        private final int[][] words;
        private final int[] lengths;
        private final int[] freq;
        private final Map<Long, Integer> pairCounts = new HashMap<>();
        /** Words that contained a pair at some point (possibly no longer): checked when the pair is merged. */
        private final Map<Long, List<Integer>> pairWords = new HashMap<>();
        /** Most frequent pair first; entries go stale when counts change and are checked when polled. */
        private final PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) ->
                x[1] != y[1] ? Long.compare(y[1], x[1]) : Long.compare(x[0], y[0]));
        private final List<String> texts = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> merges = new ArrayList<>();

        Run(TreeMap<String, Integer> counts) {
            words = new int[counts.size()][];
            lengths = new int[counts.size()];
            freq = new int[counts.size()];
            int w = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                String word = e.getKey();
                words[w] = new int[word.length()];
                for (int i = 0; i < word.length(); i++) {
                    words[w][i] = ByteLevel.byteOf(word.charAt(i));
                }
                lengths[w] = word.length();
                freq[w] = e.getValue();
                w++;
            }
            for (int b = 0; b < 256; b++) {
                String text = String.valueOf(ByteLevel.charOf(b));
                texts.add(text);
                ids.put(text, b);
            }
        }

        BpeTokenizer train(int ordinaryTokens, List<String> specials) {
            Set<Long> touched = new HashSet<>();
            for (int w = 0; w < words.length; w++) {
                addPairs(w, touched);
            }
            requeue(touched);
            while (texts.size() < ordinaryTokens) {
                long[] best = pollBest();
                if (best == null) {
                    break;
                }
                merge(best[0]);
            }
            List<String> tokens = new ArrayList<>(texts);
            int[] types = new int[texts.size() + specials.size()];
            Arrays.fill(types, SpecialTokens.NORMAL);
            for (String s : specials) {
                types[tokens.size()] = SpecialTokens.CONTROL;
                tokens.add(s);
            }
            return new BpeTokenizer(tokens, types, merges);
        }

        private long[] pollBest() {
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                Integer now = pairCounts.get(top[0]);
                if (now != null && now == top[1] && now > 0) {
                    return top;
                }
            }
            return null;
        }

        private void merge(long pair) {
            int left = (int) (pair >>> 32);
            int right = (int) pair;
            String text = texts.get(left) + texts.get(right);
            merges.add(texts.get(left) + " " + texts.get(right));
            // two different merges can spell the same text ("ab"+"c", "a"+"bc"); it stays one token
            Integer merged = ids.get(text);
            if (merged == null) {
                merged = texts.size();
                texts.add(text);
                ids.put(text, merged);
            }
            Set<Long> touched = new HashSet<>();
            Set<Integer> done = new HashSet<>();
            for (int w : pairWords.getOrDefault(pair, List.of())) {
                if (!done.add(w)) {
                    continue;
                }
                removePairs(w, touched);
                int[] s = words[w];
                int out = 0;
                for (int i = 0; i < lengths[w]; i++) {
                    if (i + 1 < lengths[w] && s[i] == left && s[i + 1] == right) {
                        s[out++] = merged;
                        i++;
                    } else {
                        s[out++] = s[i];
                    }
                }
                lengths[w] = out;
                addPairs(w, touched);
            }
            pairWords.remove(pair);
            requeue(touched);
        }

        private void addPairs(int w, Set<Long> touched) {
            for (int i = 0; i + 1 < lengths[w]; i++) {
                long key = key(words[w][i], words[w][i + 1]);
                pairCounts.merge(key, freq[w], Integer::sum);
                pairWords.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
                touched.add(key);
            }
        }

        private void removePairs(int w, Set<Long> touched) {
            for (int i = 0; i + 1 < lengths[w]; i++) {
                long key = key(words[w][i], words[w][i + 1]);
                pairCounts.merge(key, -freq[w], Integer::sum);
                touched.add(key);
            }
        }

        private void requeue(Set<Long> touched) {
            for (long key : touched) {
                int count = pairCounts.getOrDefault(key, 0);
                if (count > 0) {
                    queue.add(new long[] {key, count});
                } else {
                    pairCounts.remove(key);
                }
            }
        }

        private static long key(int left, int right) {
            return (long) left << 32 | (right & 0xFFFF_FFFFL);
        }
    }
}
