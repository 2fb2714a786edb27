package dev.ferret.agent.hybrid;

import java.util.Objects;

/** What a question asks for, with its parameters; {@link Unknown} when the hybrid path cannot answer it. */
public sealed interface Intent {

    /** The kinds of intent. */
    enum Kind {
        /** Classes that list typing's Protocol as a base (a {@link Subclasses} with base Protocol). */
        PROTOCOL_CLASSES,
        /** Direct subclasses of some other base. */
        SUBCLASSES,
        ASYNC_FUNCTIONS,
        IMPORTS,
        DATACLASSES,
        COMMENTS,
        UNKNOWN
    }

    Kind kind();

    /** A short noun phrase for answers: "classes that subclass Protocol", "files that import requests". */
    String describe();

    /** Classes whose direct base list contains {@code base} (matched as {@code find_classes} does). */
    record Subclasses(String base) implements Intent {
        public Subclasses {
            Objects.requireNonNull(base);
        }

        /** True for typing's Protocol. */
        public boolean isProtocol() {
            return base.equals("Protocol") || base.equals("typing.Protocol") || base.equals("typing_extensions.Protocol");
        }

        @Override
        public Kind kind() {
            return isProtocol() ? Kind.PROTOCOL_CLASSES : Kind.SUBCLASSES;
        }

        @Override
        public String describe() {
            return "classes that subclass " + base;
        }
    }

    /** Every {@code async def}. */
    record AsyncFunctions() implements Intent {
        @Override
        public Kind kind() {
            return Kind.ASYNC_FUNCTIONS;
        }

        @Override
        public String describe() {
            return "async functions";
        }
    }

    /** Files importing {@code module} (or a submodule of it). */
    record Imports(String module) implements Intent {
        public Imports {
            Objects.requireNonNull(module);
        }

        @Override
        public Kind kind() {
            return Kind.IMPORTS;
        }

        @Override
        public String describe() {
            return "files that import " + module;
        }
    }

    /** Classes decorated with the standard library's {@code dataclass}. */
    record Dataclasses() implements Intent {
        @Override
        public Kind kind() {
            return Kind.DATACLASSES;
        }

        @Override
        public String describe() {
            return "dataclasses";
        }
    }

    /** Comments holding {@code tag} as a word (TODO, FIXME...). */
    record Comments(String tag) implements Intent {
        public Comments {
            Objects.requireNonNull(tag);
        }

        @Override
        public Kind kind() {
            return Kind.COMMENTS;
        }

        @Override
        public String describe() {
            return tag + " comments";
        }
    }

    /** Not one of the questions the hybrid path answers; the full agent loop is needed. */
    record Unknown(String reason) implements Intent {
        @Override
        public Kind kind() {
            return Kind.UNKNOWN;
        }

        @Override
        public String describe() {
            return "unknown question (" + reason + ")";
        }
    }
}
