package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.config.Config;
import dev.byline.config.ConfigParser;
import dev.byline.db.Database;
import dev.byline.media.LibraryItem;
import dev.byline.media.MediaLibrary;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Uploading a 12-megapixel camera JPEG through the media library, as the admin does (type from the bytes, header
 * checked, decoded, turned upright, re-encoded without metadata, four scaled copies written, the row recorded):
 * time per upload and the heap it needs, on a data set of bench/ (the 100k articles by default). Then the
 * library's own reads on that data set: a page of the list, a search, a month, the months, what uses an image
 * shown by thousands of articles. Run with bench/upload, which gives the JVM the heap ./byline gives it.
 *
 * <pre>java -Xmx160m -XX:+UseSerialGC -cp … dev.byline.bench.UploadBenchmark --data-dir DIR [--runs 10]
 * java -Xmx160m -XX:+UseSerialGC -cp … dev.byline.bench.UploadBenchmark --library-only   (the 100,000-image library alone)</pre>
 */
public final class UploadBenchmark {

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--library-only")) {
            bigLibrary(100_000);
            return;
        }
        int runs = 10;
        var rest = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        Config config = ConfigParser.parse(rest.toArray(String[]::new), System.getenv()).orElseThrow();
        byte[] photo = cameraJpeg(4000, 3000);
        System.out.printf("JVM: %s, max heap %d MB, %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), ManagementFactory.getRuntimeMXBean()
                        .getInputArguments().stream().filter(arg -> arg.startsWith("-X")).toList());
        System.out.printf("upload: a 4000×3000 (12 MP) JPEG of %.1f MB; data set: %s%n", photo.length / 1048576.0,
                config.dataDir());
        try (Database database = Database.open(config)) {
            Byline.Services services = Byline.wire(config, database, Clock.systemUTC());
            MediaLibrary library = services.library();
            Actor operator = Actor.commandLine();
            System.out.printf("the data set holds %d published articles%n", services.articles().countLatest());

            var times = new ArrayList<Double>();
            var peaks = new ArrayList<Long>();
            var sampledPeaks = new ArrayList<Long>();
            var stored = new ArrayList<Long>();
            for (int i = 0; i < runs + 2; i++) {
                // under another name each time: the same name and bytes would be found, not stored again
                byte[] bytes = photo;
                System.gc();
                long baseline = usedHeap();
                resetPeaks();
                var sampler = new Sampler();
                sampler.start();
                long start = System.nanoTime();
                MediaLibrary.Batch batch = library.upload(operator, List.of(new MediaLibrary.Incoming("camera-" + i
                        + ".jpg", bytes.length, () -> new ByteArrayInputStream(bytes))));
                double millis = (System.nanoTime() - start) / 1e6;
                long sampled = sampler.finish();
                long pools = peakOfPools();
                if (!batch.refused().isEmpty()) {
                    throw new IllegalStateException("refused: " + batch.refused());
                }
                LibraryItem item = batch.stored().getFirst();
                stored.add(item.media().id());
                if (i >= 2) { // the first two warm the JIT and ImageIO's readers up
                    times.add(millis);
                    peaks.add(pools - baseline);
                    sampledPeaks.add(sampled - baseline);
                }
                System.out.printf("  upload %2d: %7.1f ms; heap above the %d MB before it: %d MB at the sampled "
                                + "peak, %d MB by the pools' peaks; copies %s%n", i, millis, baseline >> 20,
                        (sampled - baseline) >> 20, (pools - baseline) >> 20, item.media().variants());
            }
            Collections.sort(times);
            System.out.printf("%nupload of a 12 MP JPEG over %d runs: p50 %.0f ms, p90 %.0f ms, max %.0f ms%n", runs,
                    percentile(times, 50), percentile(times, 90), times.getLast());
            System.out.printf("heap the upload took above what was live before it: sampled every ms, max %d MB; "
                    + "pools' peaks (an upper bound), max %d MB%n", Collections.max(sampledPeaks) >> 20,
                    Collections.max(peaks) >> 20);

            ZoneId zone = ZoneId.of("UTC");
            YearMonth month = YearMonth.now(zone);
            long busiest = busiestImage(database);
            time("library, first page (48 images)", () -> library.list(operator,
                    new MediaLibrary.Query("", "", null, 1, 48, zone)).items().size());
            time("library, search \"placeholder\"", () -> library.list(operator,
                    new MediaLibrary.Query("placeholder", "", null, 1, 48, zone)).items().size());
            time("library, search that matches nothing", () -> library.list(operator,
                    new MediaLibrary.Query("no such words", "", null, 1, 48, zone)).items().size());
            time("library, JPEG in this month", () -> library.list(operator,
                    new MediaLibrary.Query("", "jpeg", month, 1, 48, zone)).items().size());
            time("library, the months with uploads", () -> library.months(operator, zone).size());
            time("one image's page: what uses it (" + busiest + ", the most used)",
                    () -> (int) library.find(operator, busiest).uses().articleCount());

            for (long id : stored) {
                library.delete(operator, id);
            }
            System.out.printf("the %d uploaded images are deleted again%n", stored.size());
        }
        bigLibrary(100_000);
    }

    /**
     * The data sets have few images (every article shows one of two dozen), so the library's reads are also timed
     * on a library of {@code size} images: rows only (no files), in a fresh SQLite database, over three years.
     */
    private static void bigLibrary(int size) throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("byline-library");
        Config config = ConfigParser.parse(new String[] {"--data-dir", dir.toString()}, java.util.Map.of())
                .orElseThrow();
        try (Database database = Database.open(config)) {
            long start = System.nanoTime();
            long first = java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
            long step = (java.time.Instant.parse("2027-01-01T00:00:00Z").toEpochMilli() - first) / size;
            String[] words = {"harbour", "council", "storm", "market", "school", "election", "bridge", "festival"};
            for (int from = 0; from < size; from += 5_000) { // batches the 160 MB heap holds
                int to = Math.min(size, from + 5_000);
                int fromRow = from;
                database.jdbi().useTransaction(handle -> {
                    var batch = handle.prepareBatch("""
                            INSERT INTO media (path, mime_type, width, height, variants, alt, caption, credit,
                                               created_at, file_name)
                            VALUES (:path, :type, 4000, 3000, '200,400,800,1200', :alt, :caption,
                                    'Staff photographer', :at, :name)
                            """);
                    for (int i = fromRow; i < to; i++) {
                        batch.bind("path", "2026/01/synthetic-" + i + ".jpg").bind("type", i % 5 == 0 ? "image/png"
                                        : "image/jpeg").bind("alt", "A " + words[i % words.length] + " scene, number "
                                        + i).bind("caption", "Caption of picture " + i).bind("at", first + i * step)
                                .bind("name", "IMG_" + i + ".JPG").add();
                    }
                    batch.execute();
                });
            }
            System.out.printf("%na library of %d images (rows only) made in %d ms%n", size,
                    (System.nanoTime() - start) / 1_000_000);
            MediaLibrary library = Byline.wire(config, database, Clock.systemUTC()).library();
            Actor operator = Actor.commandLine();
            ZoneId zone = ZoneId.of("UTC");
            time("big library, first page (48 images)", () -> library.list(operator,
                    new MediaLibrary.Query("", "", null, 1, 48, zone)).items().size());
            time("big library, page 100", () -> library.list(operator,
                    new MediaLibrary.Query("", "", null, 100, 48, zone)).items().size());
            time("big library, search \"harbour\" (1 in 8 match)", () -> library.list(operator,
                    new MediaLibrary.Query("harbour", "", null, 1, 48, zone)).items().size());
            time("big library, search \"img_99999\" (1 match, every row read)", () -> library.list(operator,
                    new MediaLibrary.Query("img_99999", "", null, 1, 48, zone)).items().size());
            time("big library, PNG in March 2025", () -> library.list(operator,
                    new MediaLibrary.Query("", "png", YearMonth.of(2025, 3), 1, 48, zone)).items().size());
            time("big library, the months with uploads", () -> library.months(operator, zone).size());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** A photograph's worth of detail (gradients and grain), so the JPEG is the size a camera's is. */
    static byte[] cameraJpeg(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(30, 60, 110), width, height, new Color(230, 190, 120)));
        graphics.fillRect(0, 0, width, height);
        var random = new Random(12);
        for (int i = 0; i < 400; i++) {
            graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            graphics.fillOval(random.nextInt(width), random.nextInt(height), 40 + random.nextInt(600),
                    40 + random.nextInt(400));
        }
        graphics.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(25) - 12;
                int p = row[x];
                row[x] = clamp((p >> 16 & 0xff) + grain) << 16 | clamp((p >> 8 & 0xff) + grain) << 8
                        | clamp((p & 0xff) + grain);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static long busiestImage(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                SELECT media_id FROM article_media GROUP BY media_id ORDER BY COUNT(*) DESC LIMIT 1
                """).mapTo(Long.class).findOne().orElse(1L));
    }

    /** Runs {@code read} 200 times after 50 to warm up; prints p50 and p99. */
    private static void time(String what, Supplier<Integer> read) {
        for (int i = 0; i < 50; i++) {
            read.get();
        }
        var times = new ArrayList<Double>();
        int rows = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            rows = read.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        System.out.printf("%-58s p50 %6.2f ms, p99 %6.2f ms (%d rows)%n", what, percentile(times, 50),
                percentile(times, 99), rows);
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak: each may peak at another moment, so an upper bound of the true peak. */
    private static long peakOfPools() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** Reads the used heap every millisecond on a thread of its own, keeping the highest. */
    private static final class Sampler extends Thread {

        private final AtomicLong highest = new AtomicLong();
        private volatile boolean running = true;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                highest.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            return Math.max(highest.get(), usedHeap());
        }
    }
}
