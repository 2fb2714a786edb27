/** A program of a library user's on the module path: see scripts/module-path-check.sh. */
module dev.ferret.modcheck {
    requires dev.ferret.langchain4j;
}
