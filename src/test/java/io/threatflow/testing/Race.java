package io.threatflow.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the same call from several threads released at once by a start gate, each within a bounded time. */
public final class Race {

    /** One racer's call; {@code racer} is 0 to n - 1. */
    public interface Call<T> {
        T run(int racer) throws Exception;
    }

    private Race() {
    }

    /** The racers' results, in racer order. */
    public static <T> List<T> of(int racers, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch ready = new CountDownLatch(racers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!start.await(10, TimeUnit.SECONDS)) {
                        throw new TimeoutException("start gate never opened");
                    }
                    return call.run(racer);
                }));
            }
            if (!ready.await(10, TimeUnit.SECONDS)) {
                throw new TimeoutException("not all racers got ready");
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("racers still running");
            }
        }
    }
}
