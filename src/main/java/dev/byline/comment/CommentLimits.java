package dev.byline.comment;

import java.time.Duration;

/**
 * The spam defence's numbers.
 *
 * @param flood          the same IP or email may not comment again sooner than this (WordPress: 15 s)
 * @param bucketCapacity comments an IP may send in a burst
 * @param refill         one more comment allowed after this long, up to the capacity
 * @param minimumOpen    the least time a person takes between seeing the form and sending it
 */
public record CommentLimits(Duration flood, int bucketCapacity, Duration refill, Duration minimumOpen) {

    public static final CommentLimits DEFAULTS = new CommentLimits(Duration.ofSeconds(15), 10,
            Duration.ofMinutes(1), Duration.ofSeconds(3));

    /** For benchmarks counting accepted comments a second: no flood rule, no bucket, no minimum time. */
    public static final CommentLimits OFF = new CommentLimits(Duration.ZERO, 0, Duration.ZERO, Duration.ZERO);

    boolean off() {
        return bucketCapacity == 0;
    }
}
