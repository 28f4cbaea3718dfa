package dev.byline.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the demo content's pictures locally, so a fresh install needs nothing from the network: landscape
 * "photographs" (sky, haze, hills, a skyline, film grain) and portrait avatars, each determined by a seed.
 */
final class PlaceholderImages {

    private PlaceholderImages() {
    }

    static byte[] landscape(long seed, int width, int height) {
        var random = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        random.nextInt();
        float hue = random.nextFloat();
        Color skyTop = Color.getHSBColor(hue, 0.45f, 0.55f);
        Color skyBottom = Color.getHSBColor(hue + 0.08f, 0.25f, 0.95f);
        g.setPaint(new GradientPaint(0, 0, skyTop, 0, height * 0.7f, skyBottom));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 244, 214, 200));
        int sun = height / 6;
        g.fill(new Ellipse2D.Float(width * (0.15f + random.nextFloat() * 0.7f), height * 0.15f, sun, sun));
        for (int layer = 0; layer < 3; layer++) {
            float depth = layer / 3f;
            g.setColor(Color.getHSBColor(hue + 0.3f + depth * 0.1f, 0.3f + depth * 0.2f, 0.7f - depth * 0.25f));
            g.fill(ridge(random, width, height, 0.45f + depth * 0.12f, height * (0.12f - depth * 0.03f)));
        }
        drawSkyline(g, random, width, height, hue);
        g.setColor(Color.getHSBColor(hue + 0.35f, 0.35f, 0.25f));
        g.fillRect(0, (int) (height * 0.86), width, height);
        g.dispose();
        addGrain(image, random);
        return encode(image, "jpg");
    }

    static byte[] avatar(long seed, int size) {
        var random = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        random.nextInt();
        float hue = random.nextFloat();
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.35f, 0.85f), size, size,
                Color.getHSBColor(hue + 0.1f, 0.5f, 0.6f)));
        g.fillRect(0, 0, size, size);
        Color skin = Color.getHSBColor(0.07f, 0.3f + random.nextFloat() * 0.35f, 0.45f + random.nextFloat() * 0.45f);
        Color clothes = Color.getHSBColor(random.nextFloat(), 0.4f, 0.35f);
        g.setColor(clothes);
        g.fill(new Ellipse2D.Float(size * 0.12f, size * 0.68f, size * 0.76f, size * 0.7f));
        g.setColor(skin);
        g.fill(new Ellipse2D.Float(size * 0.3f, size * 0.2f, size * 0.4f, size * 0.46f));
        g.setColor(Color.getHSBColor(0.08f, 0.5f, 0.15f + random.nextFloat() * 0.3f));
        g.setStroke(new BasicStroke(size * 0.06f));
        g.drawArc((int) (size * 0.3), (int) (size * 0.18), (int) (size * 0.4), (int) (size * 0.3), 10, 160);
        g.dispose();
        return encode(image, "jpg");
    }

    private static Path2D ridge(Random random, int width, int height, float level, float amplitude) {
        var path = new Path2D.Float();
        path.moveTo(0, height);
        float y = height * level;
        for (int x = 0; x <= width; x += width / 24) {
            y += (random.nextFloat() - 0.5f) * amplitude;
            y = Math.max(height * 0.3f, Math.min(height * 0.85f, y));
            path.lineTo(x, y);
        }
        path.lineTo(width, y); // the step may stop short of the right edge
        path.lineTo(width, height);
        path.closePath();
        return path;
    }

    private static void drawSkyline(Graphics2D g, Random random, int width, int height, float hue) {
        int base = (int) (height * 0.86);
        int x = 0;
        while (x < width) {
            int w = width / 30 + random.nextInt(width / 14);
            int h = height / 12 + random.nextInt(height / 4);
            g.setColor(Color.getHSBColor(hue + 0.5f, 0.12f, 0.22f + random.nextFloat() * 0.12f));
            g.fillRect(x, base - h, w, h);
            if (random.nextInt(5) == 0) {
                g.fill(new Ellipse2D.Float(x, base - h - w / 2f, w, w)); // a dome
            }
            g.setColor(new Color(255, 226, 150, 150));
            for (int wy = base - h + 8; wy < base - 8; wy += 14) {
                for (int wx = x + 5; wx < x + w - 8; wx += 11) {
                    if (random.nextInt(3) == 0) {
                        g.fillRect(wx, wy, 4, 6);
                    }
                }
            }
            x += w + random.nextInt(width / 40 + 1);
        }
    }

    private static void addGrain(BufferedImage image, Random random) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int noise = random.nextInt(13) - 6;
                int r = clamp(((rgb >> 16) & 0xff) + noise);
                int gr = clamp(((rgb >> 8) & 0xff) + noise);
                int b = clamp((rgb & 0xff) + noise);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
