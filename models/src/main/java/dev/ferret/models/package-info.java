/**
 * Models made on the spot: {@link dev.ferret.models.ModelGenerator} writes a qwen2 GGUF of any
 * {@link dev.ferret.models.ModelSpec} with seeded random weights and a trained tokenizer, and
 * {@link dev.ferret.models.AdapterGenerator} writes a LoRA adapter for it. Both give the same bytes for the same
 * seed, so tests and benchmarks need no downloaded model.
 */
package dev.ferret.models;
