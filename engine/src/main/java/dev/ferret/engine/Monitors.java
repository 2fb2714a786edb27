package dev.ferret.engine;

import java.util.function.BooleanSupplier;

/** Waiting for teardown (on an object's monitor, for a thread's end), where the wait must not be cut short. */
final class Monitors {
    private Monitors() {
    }

    /** One blocking wait, such as {@link Object#wait()} or {@link Thread#join()}. */
    interface Wait {
        void await() throws InterruptedException;
    }

    /**
     * Waits on {@code monitor} (whose lock the caller holds) until {@code done} holds; see {@link #uninterruptibly}.
     */
    static void awaitUninterruptibly(Object monitor, BooleanSupplier done) {
        uninterruptibly(done, monitor::wait);
    }

    /**
     * Repeats {@code wait} until {@code done} holds. An interrupt does not end the wait, which guards native memory
     * that must not be freed early; the thread's interrupt status is set again afterwards.
     */
    static void uninterruptibly(BooleanSupplier done, Wait wait) {
        boolean interrupted = false;
        while (!done.getAsBoolean()) {
            try {
                wait.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
