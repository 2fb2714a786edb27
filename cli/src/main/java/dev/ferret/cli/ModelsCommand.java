package dev.ferret.cli;

import dev.ferret.models.ModelCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models that ship with Ferret (models/default/catalog.json) and check their SHA-256.")
final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        var found = ModelCatalog.find();
        if (found.isEmpty()) {
            System.out.println("no model catalog found (looked in -Dferret.models, $FERRET_MODELS, <ferret home>/models/default, ./models/default)");
            return 1;
        }
        ModelCatalog c = found.get();
        System.out.println("catalog: " + c.dir().resolve("catalog.json"));
        int bad = 0;
        System.out.printf("%-6s %-36s %10s  %s%n", "role", "file", "bytes", "status");
        for (var e : c.entries()) {
            String problem = c.check(e);
            bad += problem == null ? 0 : 1;
            System.out.printf("%-6s %-36s %10d  %s%n", e.role(), e.file(), e.bytes(), problem == null ? "ok (sha256 " + e.sha256().substring(0, Math.min(12, e.sha256().length())) + "…)" : problem);
        }
        for (String name : java.util.List.of("default", "full")) {
            c.set(name).ifPresent(set -> System.out.println(name + ": base " + set.base().map(p -> p.getFileName().toString()).orElse("-")
                    + ", lora " + set.loras().stream().map(p -> p.getFileName().toString()).toList()
                    + ", draft " + set.draft().map(p -> p.getFileName().toString()).orElse("-")
                    + ", prompt " + set.prompt().orElse("full")));
        }
        return bad == 0 ? 0 : 1;
    }
}
