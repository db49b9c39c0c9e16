package io.motcua.app.signature;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Demo images of the Decree 30/2020 appearance: a blue handwritten-looking signature and
 * a red round seal, both on a transparent background. Production installs the real scans
 * (PNG) next to the keys. No text is drawn, so no system font is needed.
 */
final class SignatureImages {

	private static final Color SIGNATURE_BLUE = new Color(0, 51, 170);

	private static final Color SEAL_RED = new Color(210, 20, 30, 220);

	/** Drawn once per signer: the same stroke every time, and PNG encoding is slow. */
	private static final Map<String, byte[]> SIGNATURES = java.util.Collections
		.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
				return size() > 256;
			}

		});

	private static final byte[] SEAL = drawSeal();

	private SignatureImages() {
	}

	/** A signature stroke that differs per signer (seeded by the name). */
	static byte[] signature(String seed) {
		return SIGNATURES.computeIfAbsent(seed, SignatureImages::drawSignature);
	}

	/** A round red seal: two rings and a five-pointed star. */
	static byte[] seal() {
		return SEAL;
	}

	private static byte[] drawSignature(String seed) {
		BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(SIGNATURE_BLUE);
		g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		int h = Math.abs(seed.hashCode());
		g.draw(new CubicCurve2D.Float(20, 80, 60 + h % 40, 10, 110, 110 + h % 10, 150, 50));
		g.draw(new CubicCurve2D.Float(150, 50, 190, 10 + h % 30, 220, 100, 280, 40 + h % 20));
		g.draw(new CubicCurve2D.Float(40, 95, 120, 85, 200, 100, 270, 88));
		g.dispose();
		return png(image);
	}

	private static byte[] drawSeal() {
		BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(SEAL_RED);
		g.setStroke(new BasicStroke(8f));
		g.draw(new Ellipse2D.Float(8, 8, 224, 224));
		g.setStroke(new BasicStroke(3f));
		g.draw(new Ellipse2D.Float(40, 40, 160, 160));
		Path2D.Float star = new Path2D.Float();
		for (int i = 0; i < 10; i++) {
			double angle = Math.PI / 2 + i * Math.PI / 5;
			double radius = (i % 2 == 0) ? 50 : 20;
			float x = (float) (120 + radius * Math.cos(angle));
			float y = (float) (120 - radius * Math.sin(angle));
			if (i == 0) {
				star.moveTo(x, y);
			}
			else {
				star.lineTo(x, y);
			}
		}
		star.closePath();
		g.fill(star);
		g.dispose();
		return png(image);
	}

	private static byte[] png(BufferedImage image) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
