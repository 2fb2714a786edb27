package dev.ferret.agent.tools;

/** A refused tool call: bad argument, path outside the repository, unsupported command. The message is shown to the model. */
public final class ToolException extends Exception {
    public ToolException(String message) {
        super(message);
    }
}
