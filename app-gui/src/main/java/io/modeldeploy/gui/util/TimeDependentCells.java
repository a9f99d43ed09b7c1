package io.modeldeploy.gui.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The cells of a table or list whose text depends on the time ("3 min ago", "47 min", "Pending for
 * 47 min"). A clock tick redraws them in place: {@code refresh()} would throw away and recreate every
 * cell, and each discarded cell leaves weak listeners on the control's focus and selection models that
 * the control then clears one by one, copying its listener array each time, at every change of its items.
 */
public final class TimeDependentCells {

    /** A cell that draws its current item again. */
    public interface Redrawable {
        void redraw();
    }

    /** Weak: the table discards cells when it shrinks, and they must not live on here. */
    private final Set<Redrawable> cells = Collections.newSetFromMap(new WeakHashMap<>());

    public void add(Redrawable cell) {
        cells.add(cell);
    }

    public void redrawAll() {
        for (Redrawable cell : new ArrayList<>(cells)) {
            cell.redraw();
        }
    }
}
