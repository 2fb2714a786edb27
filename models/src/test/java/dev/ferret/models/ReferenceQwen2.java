package dev.ferret.models;

import dev.ferret.gguf.GgufFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain, slow qwen2 forward pass in Java (llama.cpp's graph for the architecture: RMS norms, q/k/v with
 * biases, NEOX rope, grouped-query attention, SwiGLU), for checking generated weights without native code.
 */
final class ReferenceQwen2 {
    private final int nEmbd;
    private final int nHead;
    private final int nHeadKv;
    private final int headDim;
    private final int nFf;
    private final int vocab;
    private final float eps;
    private final float ropeBase;
    private final float[] embedding;
    private final float[] output;
    private final float[] outputNorm;
    private final Layer[] layers;

    private record Layer(float[] attnNorm, float[] wq, float[] bq, float[] wk, float[] bk, float[] wv, float[] bv,
                         float[] wo, float[] ffnNorm, float[] gate, float[] up, float[] down) {
    }

    ReferenceQwen2(GgufFile f) {
        nEmbd = f.getInt("qwen2.embedding_length");
        nHead = f.getInt("qwen2.attention.head_count");
        nHeadKv = f.getInt("qwen2.attention.head_count_kv");
        headDim = nEmbd / nHead;
        nFf = f.getInt("qwen2.feed_forward_length");
        eps = f.getFloat("qwen2.attention.layer_norm_rms_epsilon");
        ropeBase = f.getFloat("qwen2.rope.freq_base");
        embedding = read(f, "token_embd.weight");
        vocab = embedding.length / nEmbd;
        output = f.tensor("output.weight").isPresent() ? read(f, "output.weight") : embedding;
        outputNorm = read(f, "output_norm.weight");
        layers = new Layer[f.getInt("qwen2.block_count")];
        for (int i = 0; i < layers.length; i++) {
            String b = "blk." + i + ".";
            layers[i] = new Layer(read(f, b + "attn_norm.weight"), read(f, b + "attn_q.weight"), read(f, b + "attn_q.bias"),
                    read(f, b + "attn_k.weight"), read(f, b + "attn_k.bias"), read(f, b + "attn_v.weight"),
                    read(f, b + "attn_v.bias"), read(f, b + "attn_output.weight"), read(f, b + "ffn_norm.weight"),
                    read(f, b + "ffn_gate.weight"), read(f, b + "ffn_up.weight"), read(f, b + "ffn_down.weight"));
        }
    }

    private static float[] read(GgufFile f, String name) {
        return f.readTensorFloats(f.requireTensor(name));
    }

    /** Greedy decoding: feeds the prompt, then {@code steps} argmax tokens. */
    List<Integer> greedy(int[] prompt, int steps) {
        int pos = 0;
        float[] logits = null;
        for (int t : prompt) {
            logits = forward(t, pos++);
        }
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int best = argmax(logits);
            out.add(best);
            logits = forward(best, pos++);
        }
        return out;
    }

    private final List<List<float[]>> kCache = new ArrayList<>();
    private final List<List<float[]>> vCache = new ArrayList<>();

    float[] forward(int token, int pos) {
        while (kCache.size() < layers.length) {
            kCache.add(new ArrayList<>());
            vCache.add(new ArrayList<>());
        }
        float[] x = new float[nEmbd];
        System.arraycopy(embedding, token * nEmbd, x, 0, nEmbd);
        int nKv = headDim * nHeadKv;
        for (int l = 0; l < layers.length; l++) {
            Layer w = layers[l];
            float[] h = norm(x, w.attnNorm);
            float[] q = add(matvec(w.wq, h, nEmbd, nEmbd), w.bq);
            float[] k = add(matvec(w.wk, h, nEmbd, nKv), w.bk);
            float[] v = add(matvec(w.wv, h, nEmbd, nKv), w.bv);
            rope(q, nHead, pos);
            rope(k, nHeadKv, pos);
            kCache.get(l).add(k);
            vCache.get(l).add(v);
            float[] attn = new float[nEmbd];
            int group = nHead / nHeadKv;
            for (int head = 0; head < nHead; head++) {
                int kvHead = head / group;
                int n = kCache.get(l).size();
                float[] scores = new float[n];
                for (int p = 0; p < n; p++) {
                    float[] kp = kCache.get(l).get(p);
                    float dot = 0;
                    for (int i = 0; i < headDim; i++) {
                        dot += q[head * headDim + i] * kp[kvHead * headDim + i];
                    }
                    scores[p] = dot / (float) Math.sqrt(headDim);
                }
                softmax(scores);
                for (int p = 0; p < n; p++) {
                    float[] vp = vCache.get(l).get(p);
                    for (int i = 0; i < headDim; i++) {
                        attn[head * headDim + i] += scores[p] * vp[kvHead * headDim + i];
                    }
                }
            }
            x = add(x, matvec(w.wo, attn, nEmbd, nEmbd));
            float[] h2 = norm(x, w.ffnNorm);
            float[] g = matvec(w.gate, h2, nEmbd, nFf);
            float[] u = matvec(w.up, h2, nEmbd, nFf);
            for (int i = 0; i < nFf; i++) {
                g[i] = g[i] / (1 + (float) Math.exp(-g[i])) * u[i];
            }
            x = add(x, matvec(w.down, g, nFf, nEmbd));
        }
        return matvec(output, norm(x, outputNorm), nEmbd, vocab);
    }

    /** ggml's W [n_in, n_out]: row o (n_in values) gives output o. */
    private static float[] matvec(float[] w, float[] x, int nIn, int nOut) {
        float[] y = new float[nOut];
        for (int o = 0; o < nOut; o++) {
            float s = 0;
            for (int i = 0; i < nIn; i++) {
                s += w[o * nIn + i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }

    private static float[] add(float[] a, float[] b) {
        float[] c = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    private float[] norm(float[] x, float[] weight) {
        double ss = 0;
        for (float v : x) {
            ss += v * v;
        }
        float scale = (float) (1 / Math.sqrt(ss / x.length + eps));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * scale * weight[i];
        }
        return y;
    }

    /** NEOX rope: element i of a head pairs with element i + d/2. */
    private void rope(float[] v, int heads, int pos) {
        int half = headDim / 2;
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < half; i++) {
                double theta = pos * Math.pow(ropeBase, -2.0 * i / headDim);
                float cos = (float) Math.cos(theta);
                float sin = (float) Math.sin(theta);
                int a = h * headDim + i;
                int b = a + half;
                float x0 = v[a];
                float x1 = v[b];
                v[a] = x0 * cos - x1 * sin;
                v[b] = x0 * sin + x1 * cos;
            }
        }
    }

    private static void softmax(float[] s) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= (float) sum;
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
