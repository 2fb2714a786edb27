/** The {@code ferret} command line. Its commands are not an API: nothing is exported. */
module dev.ferret.cli {
    requires dev.ferret.agent;
    requires dev.ferret.lab;
    requires dev.ferret.server;
    requires info.picocli;
    requires java.logging;

    // picocli sets the commands' annotated fields and calls their methods reflectively
    opens dev.ferret.cli to info.picocli;
}
