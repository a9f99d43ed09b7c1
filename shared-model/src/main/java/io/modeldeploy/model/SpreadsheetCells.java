package io.modeldeploy.model;

/**
 * Text cells of an exported CSV file made safe to open in a spreadsheet. A cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula
 * ("CSV injection", OWASP); such a cell gets a leading apostrophe, which spreadsheets show as text
 * and which a reader of the raw file can strip. Every exporter (server and console) uses this rule.
 */
public final class SpreadsheetCells {
    /** The mark put in front of a formula-leading cell. */
    public static final char TEXT_MARK = '\'';

    private SpreadsheetCells() {
    }

    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return formulaLeading(cell.charAt(0)) ? TEXT_MARK + cell : cell;
    }

    private static boolean formulaLeading(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
