package io.modeldeploy.gui.detail;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;

/** The words of the open edit conflict the editor view shows ("" for each while there is none). */
public final class ConflictText {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper(this, "who", "");
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper(this, "what", "");

    void describe(EditConflict conflict, Instant now) {
        title.set(conflict == null ? "" : conflict.title());
        who.set(conflict == null ? "" : conflict.who(now));
        what.set(conflict == null ? "" : conflict.what());
    }

    /** Headline of the open conflict. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Who changed the version, when and to what status: "alice set it to Ready at … (3 min ago), via the API". */
    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The message of that change and a changed model provider; may be "". */
    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }
}
