package dev.ferret.engine;

import java.util.function.BooleanSupplier;

/** Waiting on an object's monitor for teardown, where the wait must not be cut short. */
final class Monitors {
    private Monitors() {
    }

    /**
     * Waits on {@code monitor} (whose lock the caller holds) until {@code done} holds. An interrupt does not end the
     * wait, which guards native memory that must not be freed early; the thread's interrupt status is set again
     * afterwards.
     */
    static void awaitUninterruptibly(Object monitor, BooleanSupplier done) {
        boolean interrupted = false;
        while (!done.getAsBoolean()) {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
