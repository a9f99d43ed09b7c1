package io.modeldeploy.gui.export;

import java.io.IOException;

/** Writes the rows of an export one by one, then ends the file; the rows are never all held. */
interface TableWriter<T> {

    void row(T row) throws IOException;

    /** Ends the file (closing bracket, a note for an empty table) and flushes it. */
    void finish() throws IOException;
}
