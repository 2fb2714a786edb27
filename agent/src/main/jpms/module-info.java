/** The offline code-search agent: tools, the agent loop, the hybrid fast path, prompts, the Python parser. */
module dev.ferret.agent {
    requires transitive dev.ferret.engine;

    exports dev.ferret.agent;
    exports dev.ferret.agent.hybrid;
    exports dev.ferret.agent.loop;
    exports dev.ferret.agent.prompt;
    exports dev.ferret.agent.python;
    exports dev.ferret.agent.tools;
}
