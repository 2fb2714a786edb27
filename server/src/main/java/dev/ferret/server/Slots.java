package dev.ferret.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferret.engine.EngineException;
import dev.ferret.engine.kv.PrefixCache;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * {@code POST /slots/NAME?action=save} and {@code ?action=restore}: a conversation's KV cache saved to a named file
 * (on {@link PrefixCache}'s slot files) and loaded back, also by a server started later. Save takes the
 * conversation as a chat body ({@code messages}, {@code tools}) or a {@code prompt}, evaluates it (reusing
 * whatever a sequence already holds of it) and writes the sequence's cache; restore loads the file into a free
 * sequence, where the next request that starts with those tokens finds them (its {@code usage} then counts them
 * in {@code prompt_tokens_details.cached_tokens}).
 *
 * <p>Thread-safe: each call holds one sequence of the pool while it works.
 */
final class Slots {
    private final PrefixCache cache;

    Slots(Path dir) {
        this.cache = new PrefixCache(dir);
    }

    ObjectNode handle(FerretServer.Served served, String name, String query, ObjectNode body) throws InterruptedException {
        String action = query == null ? "" : query.replaceFirst("^.*\\baction=([a-z]+).*$", "$1");
        try {
            cache.slotFile(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(e.getMessage(), "slot");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("slot", name);
        switch (action) {
            case "save" -> {
                int[] tokens = conversation(served, new Params(body));
                Lane s = served.pool().acquire(tokens, AdapterChoice.defaults(served.loras()));
                try {
                    s.session().prefill(tokens);
                    try {
                        out.put("n_saved", cache.saveSlot(s.session(), name));
                    } catch (IllegalArgumentException e) {
                        // e.g. the slot's file name is taken by a folder or a named pipe in the slot folder
                        throw ApiError.invalid(e.getMessage(), "slot");
                    }
                } finally {
                    served.pool().release(s);
                }
            }
            case "restore" -> {
                Lane s = served.pool().acquire(new int[0], AdapterChoice.defaults(served.loras()));
                try {
                    out.put("n_restored", cache.restoreSlot(s.session(), name).length);
                } catch (NoSuchElementException e) {
                    throw ApiError.notFound(e.getMessage(), "slot_not_found");
                } catch (EngineException.InvalidState e) {
                    throw ApiError.invalid(e.getMessage(), "slot");
                } finally {
                    served.pool().release(s);
                }
            }
            default -> throw ApiError.invalid("use ?action=save or ?action=restore", "action");
        }
        return out;
    }

    private static int[] conversation(FerretServer.Served served, Params p) {
        boolean chat = p.get("messages") != null;
        return served.promptTokens(chat ? ChatRequest.chat(p, served.id()) : ChatRequest.completion(p, served.id()), chat,
                "the conversation");
    }
}
