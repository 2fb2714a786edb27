package dev.ferret.cli;

import dev.ferret.engine.speculative.SpeculativeOptions;
import picocli.CommandLine.Option;

/** The speculative-decoding options shared by the commands that take {@code --draft} / {@code --lookup}. */
final class SpeculationOptions {
    @Option(names = "--draft-max", defaultValue = "16", description = "most tokens drafted per step (default ${DEFAULT-VALUE})")
    int draftMax;

    @Option(names = "--draft-min", description = "proposals shorter than this are not verified (default 4 for a draft model, 1 for lookup)")
    Integer draftMin;

    @Option(names = "--draft-p-min", defaultValue = "0.4", description = "a draft model stops when its top probability is below this (default ${DEFAULT-VALUE})")
    float pMin;

    @Option(names = "--no-adaptive", description = "draft at every step, even while it does not pay (llama-speculative's behaviour)")
    boolean noAdaptive;

    /** Options for a draft model. */
    SpeculativeOptions draftModel() {
        return new SpeculativeOptions(draftMax, Math.min(draftMax, draftMin == null ? 4 : draftMin), pMin, !noAdaptive);
    }

    /** Options for prompt lookup (no probabilities: p-min does not apply). */
    SpeculativeOptions lookup() {
        return new SpeculativeOptions(draftMax, Math.min(draftMax, draftMin == null ? 1 : draftMin), 0f, !noAdaptive);
    }
}
