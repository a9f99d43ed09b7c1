package io.modeldeploy.server.api;

import java.util.List;

final class ValueLists {
    private ValueLists() {
    }

    /** {@code 'a', 'b' or 'c'}, the way FastAPI lists the allowed values. */
    static String orList(List<String> quoted) {
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
