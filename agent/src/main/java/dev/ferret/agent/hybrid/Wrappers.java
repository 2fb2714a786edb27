package dev.ferret.agent.hybrid;

import dev.ferret.agent.python.Project;
import dev.ferret.agent.python.PyImport;
import dev.ferret.agent.python.PythonFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What "files that import requests" counts, said in the answer. A file counts when it imports the module itself, or a
 * name a project module re-exports from it ({@code from shop.http import Session}, noted "via shop/http.py"). A file
 * that imports a project module which itself imports the module ({@code from shop import http}, or one of
 * {@code http}'s own functions) uses a wrapper: it is not counted, but the answer names it on one closing line, so the
 * reader sees the semantics and the wrapper's users.
 */
final class Wrappers {
    static final int SHOWN = 10;

    private Wrappers() {
    }

    /**
     * The closing line ("" when no file uses a wrapper of the module) and what it rests on: one line per file it
     * names, the import that makes it a wrapper's user (the answer's evidence, like the findings' lines).
     */
    record Note(String line, List<String> evidence) {
        static final Note NONE = new Note("", List.of());
    }

    static Note note(Project project, String module, List<Finding> items) {
        Map<String, String> wrappers = new LinkedHashMap<>();
        Set<String> listed = new LinkedHashSet<>();
        for (Finding f : items) {
            listed.add(f.file());
            PythonFile pf = project.file(f.file());
            String m = pf == null ? null : project.moduleName(pf);
            if (m != null) {
                wrappers.put(m, f.file());
            }
        }
        if (wrappers.isEmpty()) {
            return Note.NONE;
        }
        List<String> users = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Set<String> through = new LinkedHashSet<>();
        for (PythonFile f : project.files()) {
            if (listed.contains(f.path())) {
                continue;
            }
            String wrapper = null;
            for (PyImport imp : f.imports()) {
                String base = imp.fromImport() ? project.absoluteModule(f, imp.level(), imp.module()) : imp.module();
                if (base == null) {
                    continue;
                }
                String imported = base;
                wrapper = wrapperOf(wrappers, base);
                if (wrapper == null && imp.fromImport() && !"*".equals(imp.name())) {
                    imported = base + "." + imp.name();
                    wrapper = wrapperOf(wrappers, imported);
                }
                if (wrapper != null) {
                    evidence.add(f.path() + ":" + imp.line() + ": imports " + imported + " (" + wrapper + " imports " + module + ")");
                    break;
                }
            }
            if (wrapper != null) {
                users.add(f.path());
                through.add(wrapper);
            }
        }
        if (users.isEmpty()) {
            return Note.NONE;
        }
        String shown = String.join(", ", users.subList(0, Math.min(SHOWN, users.size())))
                + (users.size() > SHOWN ? " and " + (users.size() - SHOWN) + " more" : "");
        List<String> wrappersUsed = new ArrayList<>(through);
        String via = String.join(", ", wrappersUsed.subList(0, Math.min(3, wrappersUsed.size())))
                + (wrappersUsed.size() > 3 ? " and " + (wrappersUsed.size() - 3) + " more" : "");
        return new Note("Not counted: " + users.size() + " file" + (users.size() == 1 ? "" : "s") + " use " + module
                + " only through project module" + (through.size() == 1 ? " " : "s ") + via
                + ", which import" + (through.size() == 1 ? "s" : "") + " it: " + shown + ".\n", evidence);
    }

    private static String wrapperOf(Map<String, String> wrappers, String module) {
        for (Map.Entry<String, String> w : wrappers.entrySet()) {
            if (module.equals(w.getKey()) || module.startsWith(w.getKey() + ".")) {
                return w.getValue();
            }
        }
        return null;
    }
}
