package dev.ferret.engine.chat.jinja;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code strftime} for the template global {@code strftime_now} (Llama 3.x templates write today's date
 * into the system turn), in the C locale, with glibc's {@code %-d} style unpadded fields. The time is a naive
 * local time, as Hugging Face's {@code datetime.now()}: {@code %z} and {@code %Z} print nothing.
 */
final class Strftime {
    private Strftime() {}

    static String format(String fmt, ZonedDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char d = fmt.charAt(++i);
            boolean unpadded = false;
            if (d == '-' && i + 1 < fmt.length()) {
                unpadded = true;
                d = fmt.charAt(++i);
            }
            String field = switch (d) {
                case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case 'd' -> two(t.getDayOfMonth(), unpadded);
                case 'e' -> unpadded ? String.valueOf(t.getDayOfMonth()) : String.format("%2d", t.getDayOfMonth());
                case 'H' -> two(t.getHour(), unpadded);
                case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, unpadded);
                case 'j' -> unpadded ? String.valueOf(t.getDayOfYear()) : String.format("%03d", t.getDayOfYear());
                case 'm' -> two(t.getMonthValue(), unpadded);
                case 'M' -> two(t.getMinute(), unpadded);
                case 'p' -> t.getHour() < 12 ? "AM" : "PM";
                case 'S' -> two(t.getSecond(), unpadded);
                case 'f' -> String.format("%06d", t.getNano() / 1000);
                case 'y' -> two(t.getYear() % 100, unpadded);
                case 'Y' -> String.valueOf(t.getYear());
                case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
                case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
                case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), unpadded);
                case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
                case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7, unpadded);
                case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7, unpadded);
                // Hugging Face's strftime_now formats datetime.now(), a naive local time: no zone to print
                case 'z', 'Z' -> "";
                case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
                case 'x' -> format("%m/%d/%y", t);
                case 'X' -> format("%H:%M:%S", t);
                case 'D' -> format("%m/%d/%y", t);
                case 'F' -> format("%Y-%m-%d", t);
                case 'T' -> format("%H:%M:%S", t);
                case 'R' -> format("%H:%M", t);
                case 'n' -> "\n";
                case 't' -> "\t";
                case 's' -> String.valueOf(t.toEpochSecond());
                case '%' -> "%";
                default -> "%" + (unpadded ? "-" : "") + d;
            };
            sb.append(field);
        }
        return sb.toString();
    }

    private static String two(int v, boolean unpadded) {
        return unpadded ? String.valueOf(v) : String.format("%02d", v);
    }
}
