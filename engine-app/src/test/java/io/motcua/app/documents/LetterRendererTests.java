package io.motcua.app.documents;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.motcua.app.documents.LetterRenderer.Field;
import io.motcua.app.documents.LetterRenderer.Letter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters are PDFs whose Vietnamese text extracts exactly as written.
 */
class LetterRendererTests {

	@Test
	void rendersVietnameseWithDiacriticsThatExtractAsWritten() throws IOException {
		Letter letter = new Letter("UBND phường Trấn Biên", "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
				List.of(new Field("Mã hồ sơ", "TRANBIEN-260302-0001"),
						new Field("Người nộp hồ sơ", "Nguyễn Văn Ấn, Đặng Thị Hương Giang"),
						new Field("Thời gian hẹn trả kết quả", "17:00 ngày 16/03/2026")),
				"Thành phần hồ sơ đã nhận:", List.of("Giấy đề nghị đăng ký hộ kinh doanh: đơn 😀.pdf"),
				List.of("Khi đến nhận kết quả, ông/bà mang theo Giấy tiếp nhận này. ".repeat(8)),
				"http://localhost:8080/lookup?code=TRANBIEN-260302-0001&secret=abc");
		byte[] pdf = new LetterRenderer().render(letter);
		// Kept for a look with pdftoppm (target/letters/receipt-sample.pdf).
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "letters", "receipt-sample.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
				.contains("TRANBIEN-260302-0001")
				.contains("Nguyễn Văn Ấn, Đặng Thị Hương Giang")
				.contains("17:00 ngày 16/03/2026")
				.contains("Cộng hòa xã hội chủ nghĩa Việt Nam".toUpperCase(java.util.Locale.forLanguageTag("vi")))
				.contains("Giấy đề nghị đăng ký hộ kinh doanh: đơn");
			assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
		}
	}

}
