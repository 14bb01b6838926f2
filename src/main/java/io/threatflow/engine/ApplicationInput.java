package io.threatflow.engine;

import java.util.function.Supplier;

/**
 * Engine calls whose variables and business key the application chose, not the user it runs them for: the intake
 * opens a case for the threat it registered, as the reporting user, so that the engine checks that user's right to
 * start cases. {@link CaseGuard} leaves the form rules out for these calls; authorizations and four eyes stay.
 */
public final class ApplicationInput {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private ApplicationInput() {
    }

    public static <T> T call(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    static boolean isActive() {
        return ACTIVE.get();
    }
}
