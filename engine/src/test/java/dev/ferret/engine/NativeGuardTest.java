package dev.ferret.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The lease protocol without native code: the free runs once, never under a lease, and never before its children's. */
class NativeGuardTest {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    NativeGuard guard(String name, NativeGuard parent) {
        return new NativeGuard(name, parent, () -> events.add("abort " + name), () -> events.add("free " + name));
    }

    /**
     * Starts a thread that takes {@code lease}, waits for {@code release} and runs {@code then} before giving the
     * lease back; returns once the lease is held.
     */
    static Thread holder(Supplier<NativeGuard.Lease> lease, CountDownLatch release, Runnable then) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (var _ = lease.get()) {
                holding.countDown();
                release.await();
                then.run();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        t.start();
        holding.await();
        return t;
    }

    @Test
    void closeWithoutLeasesFreesAtOnceAndRefusesLeasesAfter() {
        NativeGuard g = guard("m", null);
        try (var _ = g.shared()) {
            assertTrue(g.heldByCurrentThread());
        }
        g.close();
        assertEquals(List.of("abort m", "free m"), events);
        assertTrue(g.isFreed());
        assertThrows(EngineException.Closed.class, g::shared);
        g.close(); // idempotent
        assertEquals(2, events.size());
    }

    @Test
    void closeWaitsForTheLeaseOfAnotherThreadAndTheFreeRunsAfterIt() throws Exception {
        NativeGuard g = guard("m", null);
        CountDownLatch aborted = new CountDownLatch(1);
        NativeGuard withSignal = new NativeGuard("m", null, aborted::countDown, () -> events.add("free"));
        // the abort action is what lets the "native call" end
        Thread t = holder(withSignal::shared, aborted, () -> events.add("lease given back"));
        withSignal.close();
        t.join();
        assertEquals(List.of("lease given back", "free"), events);
        assertTrue(withSignal.isFreed());
        assertFalse(g.isFreed());
    }

    @Test
    void closeFromInsideALeaseDefersTheFreeToItsRelease() {
        NativeGuard g = guard("s", null);
        try (var _ = g.exclusive()) {
            g.close(); // a listener closing its own session: must not wait for itself
            assertEquals(List.of("abort s"), events);
            assertFalse(g.isOpen());
            assertFalse(g.isFreed());
        }
        assertEquals(List.of("abort s", "free s"), events);
    }

    @Test
    void exclusiveLeaseRefusesOtherThreadsAndReentrance() throws Exception {
        NativeGuard g = guard("s", null);
        try (var _ = g.exclusive()) {
            EngineException.Busy again = assertThrows(EngineException.Busy.class, g::exclusive);
            assertTrue(again.getMessage().contains("re-entered"), again.getMessage());
            var other = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            Thread t = new Thread(() -> {
                try (var _ = g.exclusive()) {
                    other.set(null);
                } catch (Throwable e) {
                    other.set(e);
                }
            }, "second-user");
            t.start();
            t.join();
            assertTrue(other.get() instanceof EngineException.Busy, String.valueOf(other.get()));
            assertTrue(other.get().getMessage().contains(Thread.currentThread().getName()), other.get().getMessage());
        }
        try (var _ = g.exclusive()) {
            assertTrue(g.heldByCurrentThread()); // free again once given back
        }
    }

    @Test
    void childLeaseHoldsTheParentSoTheParentFreesOnlyAfterTheChildIsDone() throws Exception {
        NativeGuard model = guard("m", null);
        NativeGuard session = guard("s", model);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = holder(session::exclusive, release, () -> {});
        assertFalse(model.heldByCurrentThread());
        Thread closer = new Thread(model::close);
        closer.start();
        closer.join(200); // it waits: the child's lease holds the parent
        assertTrue(closer.isAlive());
        assertFalse(model.isFreed());
        assertThrows(EngineException.Closed.class, session::exclusive, "the parent refuses new leases while closing");
        release.countDown();
        t.join();
        closer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(closer.isAlive());
        assertTrue(model.isFreed());
    }

    @Test
    void manyClosersAndUsersFreeExactlyOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            AtomicInteger frees = new AtomicInteger();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger freedUnderLease = new AtomicInteger();
            NativeGuard g = new NativeGuard("m", null, () -> {}, () -> {
                if (inside.get() != 0) {
                    freedUnderLease.incrementAndGet();
                }
                frees.incrementAndGet();
            });
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                final int k = i;
                threads.add(new Thread(() -> {
                    for (int j = 0; j < 50; j++) {
                        if (k == 0 && j == 25 || k == 1 && j == 30) {
                            g.close();
                        }
                        try (var _ = g.shared()) {
                            inside.incrementAndGet();
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                        } catch (EngineException.Closed e) {
                            // expected once closing began
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(1, frees.get(), "round " + round);
            assertEquals(0, freedUnderLease.get(), "round " + round + ": the free ran while a lease was out");
        }
    }

    @Test
    void interruptDoesNotEndTheWaitAndTheFlagIsKept() throws Exception {
        NativeGuard g = guard("m", null);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holder(g::shared, release, () -> {});
        var flag = new java.util.concurrent.atomic.AtomicBoolean();
        Thread closer = new Thread(() -> {
            g.close();
            flag.set(Thread.currentThread().isInterrupted());
        });
        closer.start();
        closer.join(100);
        closer.interrupt();
        closer.join(100);
        assertTrue(closer.isAlive(), "an interrupt must not let close free memory still in use");
        release.countDown();
        holder.join();
        closer.join();
        assertTrue(flag.get());
        assertTrue(g.isFreed());
    }
}
