package dev.ferret.agent.hybrid;

/**
 * How many edits apart two words are: how the hybrid path's {@link Lexicon} reads a misspelt word of a question
 * ({@code protcol}), and how the call-only agent reads a misspelt argument as a repository name
 * ({@code loop.CallArguments}).
 */
public final class EditDistance {
    private EditDistance() {
    }

    /**
     * The Damerau-Levenshtein distance of {@code a} and {@code b} (optimal string alignment: insertions, deletions,
     * substitutions and swaps of two neighbours, each 1), or some value above {@code max} when it is larger.
     */
    public static int of(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }
}
