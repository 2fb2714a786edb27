/**
 * Panama FFM bindings to llama.cpp's C API. Run with {@code --enable-native-access=dev.ferret.llama}.
 * {@code dev.ferret.llama.internal} (the raw downcall handles and struct layouts) is not exported: every call
 * through it is checked by the exported types first.
 */
module dev.ferret.llama {
    // the bundled libjllama.so is a resource of java-llama.cpp's jar (automatic module "llama")
    requires llama;

    exports dev.ferret.llama;
}
