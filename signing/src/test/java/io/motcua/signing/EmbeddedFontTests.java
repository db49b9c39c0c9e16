package io.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedFontTests {

	private static final EmbeddedFont FONT = EmbeddedFont.fromClassPath("io/motcua/signing/fonts/DejaVuSans.ttf");

	@Test
	void oneParsedFontServesDocumentAfterDocumentWithTheirOwnSubsets() throws IOException {
		// Each document's subset holds its own glyphs, although the parsed font is shared
		assertThat(textOf(write("Giấy chứng nhận đăng ký hộ kinh doanh"))).contains("Giấy chứng nhận đăng ký");
		assertThat(textOf(write("Quyết định số 123/QĐ-UBND"))).contains("Quyết định số 123/QĐ-UBND");
	}

	@Test
	void threadsWritingAtOnceEachGetWholeDocuments() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> texts = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String line = "Hồ sơ TRANBIEN-20261201-" + String.format("%04d", i) + " — Phường Trấn Biên";
				texts.add(threads.submit(() -> textOf(write(line))));
			}
			for (int i = 0; i < texts.size(); i++) {
				assertThat(texts.get(i).get()).contains("TRANBIEN-20261201-" + String.format("%04d", i));
			}
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void missingFontIsNamed() {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedFont.fromClassPath("fonts/Missing.ttf"))
			.withMessageContaining("fonts/Missing.ttf");
	}

	private static byte[] write(String text) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDFont font = FONT.embedIn(document);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(font, 12);
				content.newLineAtOffset(50, 700);
				content.showText(text);
				content.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
