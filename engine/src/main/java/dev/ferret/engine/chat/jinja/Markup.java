package dev.ferret.engine.chat.jinja;

/**
 * markupsafe's {@code Markup}: text marked safe ({@code |safe}, {@code |escape}). Python's jinja2 keeps it a str
 * but escapes whatever plain text is added to it, so {@code "x"|safe + '"a"'} renders {@code x&#34;a&#34;}; a
 * real template (Functionary v3.1) depends on that, so Ferret keeps the distinction for {@code +} and {@code *}
 * and treats it as text everywhere else.
 */
record Markup(String text) {

    /** markupsafe's escape of plain text; markup stays as it is. */
    static String escape(Object o) {
        if (o instanceof Markup m) {
            return m.text;
        }
        String s = Py.str(o);
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
    }

    @Override
    public String toString() {
        return text;
    }
}
