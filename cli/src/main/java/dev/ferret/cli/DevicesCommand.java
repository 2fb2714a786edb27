package dev.ferret.cli;

import dev.ferret.llama.LlamaBackend;
import dev.ferret.llama.NativeLibrary;
import dev.ferret.llama.RpcServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "devices", mixinStandardHelpOptions = true, description = "List the compute devices of the loaded llama.cpp library.")
final class DevicesCommand implements Runnable {
    @Option(names = "--rpc", paramLabel = "HOST:PORT,...", description = "also register these llama.cpp rpc-server"
            + " processes and list them (needs a library built with RPC=1 native/scripts/build-cpu.sh)")
    String rpc;

    @Override
    public void run() {
        LlamaBackend b = LlamaBackend.get();
        if (rpc != null) {
            RpcServers.register(RpcServers.parseList(rpc));
        }
        System.out.println(NativeLibrary.describe());
        System.out.println("system: " + b.systemInfo().strip());
        System.out.println("gpu offload: " + (b.supportsGpuOffload() ? "yes" : "no"));
        System.out.println("rpc backend: " + (RpcServers.supported() ? "yes" : "no (build one with RPC=1 native/scripts/build-cpu.sh)"));
        System.out.printf("%-12s %-6s %12s %12s  %s%n", "device", "type", "free MiB", "total MiB", "description");
        for (var d : b.devices()) {
            System.out.printf("%-12s %-6s %12d %12d  %s%n", d.name(), d.type(), d.freeMemory() >> 20, d.totalMemory() >> 20, d.description());
        }
    }
}
