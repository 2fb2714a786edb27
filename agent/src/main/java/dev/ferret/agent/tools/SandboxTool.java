package dev.ferret.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Base of the file tools: checks arguments against {@link #params()}, runs {@link #run} within the call's
 * wall-clock budget ({@link CallBudget}), and turns every failure into an error {@link ToolResult} (a tool call
 * never throws).
 */
public abstract class SandboxTool implements Tool {
    protected final Sandbox sandbox;
    private final Duration budget;
    private final Params params;

    /** @param params the tool's declaration: its name, description and arguments */
    protected SandboxTool(Sandbox sandbox, Duration budget, Params params) {
        this.sandbox = sandbox;
        this.params = params;
        this.budget = Objects.requireNonNull(budget);
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a tool's time budget must be positive: " + budget);
        }
    }

    @Override
    public final String name() {
        return params.tool();
    }

    @Override
    public final String description() {
        return params.description();
    }

    /** Does the work with checked arguments. Long loops call {@link CallBudget#checkpoint()}. */
    protected abstract ToolResult run(Params.Args args) throws ToolException, IOException;

    public final Params params() {
        return params;
    }

    /** The wall-clock budget of one call. */
    public final Duration budget() {
        return budget;
    }

    @Override
    public ObjectNode parameters() {
        return params().schema();
    }

    @Override
    public final ToolResult call(JsonNode arguments) {
        try {
            Params.Args args = params().parse(arguments);
            return CallBudget.run(name(), budget, () -> run(args));
        } catch (ToolException e) {
            return ToolResult.error(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return ToolResult.error(name() + ": could not read a file: " + e.getMessage());
        } catch (StackOverflowError e) {
            return ToolResult.error(name() + ": the pattern is too complex to run; simplify it");
        } catch (RuntimeException e) {
            return ToolResult.error(name() + ": internal failure (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }
}
