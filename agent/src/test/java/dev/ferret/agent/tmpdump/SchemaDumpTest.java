package dev.ferret.agent.tmpdump;

import dev.ferret.agent.python.PythonTools;
import dev.ferret.agent.tools.Sandbox;
import dev.ferret.agent.tools.Toolbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaDumpTest {
    @Test
    void dump() throws Exception {
        Sandbox s = new Sandbox(Path.of("../examples/shop").toAbsolutePath());
        Toolbox t = Toolbox.standard(s);
        PythonTools.create(s).forEach(t::add);
        Files.writeString(Path.of(System.getProperty("dump.out", "/tmp/p-schemas.txt")), t.schemasJson());
    }
}
