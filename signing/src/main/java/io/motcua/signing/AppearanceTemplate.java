package io.motcua.signing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Builds the visual signature template PDFBox expects in
 * {@link org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions#setVisualSignature}:
 * a one-page document with a signature widget and its appearance stream (as in PDFBox's
 * CreateVisibleSignature2 example).
 */
final class AppearanceTemplate {

	static final String FONT = "fonts/DejaVuSans.ttf";

	private static final EmbeddedFont EMBEDDED_FONT = EmbeddedFont.fromClassPath("io/motcua/signing/" + FONT);

	private static final Color STAMP_BLUE = new Color(0x1f, 0x3f, 0xa0);

	private static final float MARGIN = 18;

	private static final int CACHED_BLOCKS = 32;

	/**
	 * Signature blocks already built, most recently used last. A block holds no time, so
	 * an approver's block is the same on every decision; building it decodes and
	 * re-compresses both images and subsets the font, a third of a signature's time.
	 */
	private static final Map<BlockKey, byte[]> BLOCKS = new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<BlockKey, byte[]> eldest) {
			return size() > CACHED_BLOCKS;
		}

	};

	private AppearanceTemplate() {
	}

	/** The rectangle of the widget on the page. */
	static PDRectangle rectangle(SignatureAppearance appearance, PDRectangle mediaBox) {
		if (appearance.kind() == SignatureAppearance.Kind.STAMP) {
			return new PDRectangle(mediaBox.getUpperRightX() - MARGIN - appearance.width(),
					mediaBox.getUpperRightY() - MARGIN - appearance.height(), appearance.width(), appearance.height());
		}
		return new PDRectangle(appearance.x(), appearance.y(), appearance.width(), appearance.height());
	}

	/**
	 * The template of an appearance on a page of this size; a signature block comes from
	 * the cache when the same block was built before. The returned bytes are shared: read
	 * them, do not change them.
	 */
	static byte[] create(SignatureAppearance appearance, PDRectangle mediaBox, String signerName, Instant signingTime,
			ZoneId zone) throws IOException {
		if (appearance.kind() != SignatureAppearance.Kind.SIGNATURE) {
			return build(appearance, mediaBox, signerName, signingTime, zone);
		}
		BlockKey key = BlockKey.of(appearance, mediaBox);
		synchronized (BLOCKS) {
			byte[] cached = BLOCKS.get(key);
			if (cached != null) {
				return cached;
			}
		}
		// Built outside the lock: two threads may build the same block once each
		byte[] built = build(appearance, mediaBox, signerName, signingTime, zone);
		synchronized (BLOCKS) {
			BLOCKS.put(key, built);
		}
		return built;
	}

	private static byte[] build(SignatureAppearance appearance, PDRectangle mediaBox, String signerName,
			Instant signingTime, ZoneId zone) throws IOException {
		PDRectangle rectangle = rectangle(appearance, mediaBox);
		try (PDDocument template = new PDDocument()) {
			PDPage page = new PDPage(mediaBox);
			template.addPage(page);
			PDAcroForm acroForm = new PDAcroForm(template);
			template.getDocumentCatalog().setAcroForm(acroForm);
			PDSignatureField field = new PDSignatureField(acroForm);
			PDAnnotationWidget widget = field.getWidgets().get(0);
			acroForm.setSignaturesExist(true);
			acroForm.setAppendOnly(true);
			acroForm.getCOSObject().setDirect(true);
			acroForm.getFields().add(field);
			widget.setRectangle(rectangle);
			widget.setPrinted(true);
			widget.setLocked(true);

			PDFormXObject form = new PDFormXObject(new PDStream(template));
			form.setResources(new PDResources());
			form.setFormType(1);
			form.setBBox(new PDRectangle(rectangle.getWidth(), rectangle.getHeight()));
			PDAppearanceDictionary appearanceDictionary = new PDAppearanceDictionary();
			appearanceDictionary.getCOSObject().setDirect(true);
			PDAppearanceStream appearanceStream = new PDAppearanceStream(form.getCOSObject());
			appearanceDictionary.setNormalAppearance(appearanceStream);
			widget.setAppearance(appearanceDictionary);

			PDFont font = EMBEDDED_FONT.embedIn(template);
			try (PDPageContentStream content = new PDPageContentStream(template, appearanceStream)) {
				if (appearance.kind() == SignatureAppearance.Kind.STAMP) {
					drawStamp(content, font, appearance, rectangle, signerName, signingTime, zone);
				}
				else {
					drawSignatureBlock(template, content, font, appearance, rectangle);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			template.save(out);
			return out.toByteArray();
		}
	}

	private static void drawStamp(PDPageContentStream content, PDFont font, SignatureAppearance appearance,
			PDRectangle rectangle, String signerName, Instant signingTime, ZoneId zone) throws IOException {
		float width = rectangle.getWidth();
		float height = rectangle.getHeight();
		content.setStrokingColor(STAMP_BLUE);
		content.setNonStrokingColor(STAMP_BLUE);
		content.setLineWidth(1);
		content.addRect(0.5f, 0.5f, width - 1, height - 1);
		content.stroke();
		List<String> lines = new ArrayList<>();
		if (signerName != null && !signerName.isBlank()) {
			lines.add(signerName);
		}
		lines.add("Số: " + appearance.documentNumber());
		lines.add("Thời gian ký: " + DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(signingTime.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()));
		float fontSize = Math.min(8, (height - 6) / (lines.size() * 1.2f));
		float y = height - 3 - fontSize;
		for (String line : lines) {
			float size = fitting(font, line, fontSize, width - 8);
			text(content, font, size, 4, y, line);
			y -= fontSize * 1.2f;
		}
	}

	private static void drawSignatureBlock(PDDocument template, PDPageContentStream content, PDFont font,
			SignatureAppearance appearance, PDRectangle rectangle) throws IOException {
		float width = rectangle.getWidth();
		float height = rectangle.getHeight();
		float fontSize = 10;
		float lineHeight = fontSize * 1.25f;
		List<String> titleLines = (appearance.title() != null) ? List.of(appearance.title().split("\n")) : List.of();
		float top = height - 2;
		content.setNonStrokingColor(Color.BLACK);
		for (String line : titleLines) {
			top -= lineHeight;
			centered(content, font, fitting(font, line, fontSize, width), width, top + 3, line);
		}
		float bottom = 2;
		if (appearance.signerName() != null && !appearance.signerName().isBlank()) {
			centered(content, font, fitting(font, appearance.signerName(), fontSize, width), width, bottom + 3,
					appearance.signerName());
			bottom += lineHeight;
		}
		float imageAreaHeight = top - bottom - 4;
		if (appearance.signerImage() == null || imageAreaHeight <= 0) {
			return;
		}
		PDImageXObject signature = PDImageXObject.createFromByteArray(template, appearance.signerImage(),
				"signature.png");
		float maxImageWidth = width;
		if (appearance.sealImage() != null) {
			// keep the seal, centred on the left third of the image, inside the box
			maxImageWidth = Math.max(width / 3, Math.min(width, 1.5f * (width - appearance.sealSize())));
		}
		float scale = Math.min(maxImageWidth / signature.getWidth(), imageAreaHeight / signature.getHeight());
		float imageWidth = signature.getWidth() * scale;
		float imageHeight = signature.getHeight() * scale;
		float imageX = (width - imageWidth) / 2;
		float imageY = bottom + 2 + (imageAreaHeight - imageHeight) / 2;
		content.drawImage(signature, imageX, imageY, imageWidth, imageHeight);
		if (appearance.sealImage() != null) {
			// the seal overlaps the left third of the signature, as stamped on paper
			PDImageXObject seal = PDImageXObject.createFromByteArray(template, appearance.sealImage(), "seal.png");
			float sealScale = appearance.sealSize() / Math.max(seal.getWidth(), seal.getHeight());
			float sealWidth = seal.getWidth() * sealScale;
			float sealHeight = seal.getHeight() * sealScale;
			float centreX = imageX + imageWidth / 6;
			float centreY = imageY + imageHeight / 2;
			content.drawImage(seal, centreX - sealWidth / 2, centreY - sealHeight / 2, sealWidth, sealHeight);
		}
	}

	/**
	 * What a signature block's template depends on; the images by their digest.
	 */
	private record BlockKey(int page, float x, float y, float width, float height, String title, String signerName,
			String signerImage, String sealImage, float sealSize, float mediaX, float mediaY, float mediaWidth,
			float mediaHeight) {

		static BlockKey of(SignatureAppearance appearance, PDRectangle mediaBox) {
			return new BlockKey(appearance.page(), appearance.x(), appearance.y(), appearance.width(),
					appearance.height(), appearance.title(), appearance.signerName(), digest(appearance.signerImage()),
					digest(appearance.sealImage()), appearance.sealSize(), mediaBox.getLowerLeftX(),
					mediaBox.getLowerLeftY(), mediaBox.getWidth(), mediaBox.getHeight());
		}

		private static String digest(byte[] image) {
			return (image != null) ? HexFormat.of().formatHex(Cms.sha256(image)) : null;
		}

	}

	private static float fitting(PDFont font, String text, float fontSize, float maxWidth) throws IOException {
		float width = font.getStringWidth(text) / 1000 * fontSize;
		return (width <= maxWidth) ? fontSize : fontSize * maxWidth / width;
	}

	private static void centered(PDPageContentStream content, PDFont font, float size, float boxWidth, float y,
			String text) throws IOException {
		float textWidth = font.getStringWidth(text) / 1000 * size;
		text(content, font, size, Math.max(0, (boxWidth - textWidth) / 2), y, text);
	}

	private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

}
