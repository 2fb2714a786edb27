/**
 * GGUF files in pure Java: reading and validating them ({@code dev.ferret.gguf}), generating models, adapters
 * and tokenizers ({@code dev.ferret.models} and below), and the checks on file paths every module shares
 * ({@code dev.ferret.models.io}).
 */
module dev.ferret.models {
    exports dev.ferret.gguf;
    exports dev.ferret.models;
    exports dev.ferret.models.adapter;
    exports dev.ferret.models.io;
    exports dev.ferret.models.json;
    exports dev.ferret.models.tokenizer;
}
