package io.motcua.signing;

import java.time.Instant;
import java.time.ZoneId;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppearanceTemplateTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	private final byte[] signature = TestDocuments.blueSignaturePng();

	private final byte[] seal = TestDocuments.redSealPng();

	@Test
	void buildsASignatureBlockOnceForEqualContent() throws Exception {
		byte[] first = AppearanceTemplate.create(block("Nguyễn Văn An", this.signature.clone(), this.seal.clone()),
				PDRectangle.A4, null, NOW, ZONE);
		// Equal images in new arrays, a later signing time: the same block
		byte[] second = AppearanceTemplate.create(block("Nguyễn Văn An", this.signature.clone(), this.seal.clone()),
				PDRectangle.A4, null, NOW.plusSeconds(3600), ZONE);

		assertThat(second).isSameAs(first);
	}

	@Test
	void buildsAnotherBlockWhenAnythingShownDiffers() throws Exception {
		byte[] base = AppearanceTemplate.create(block("Nguyễn Văn An", this.signature, this.seal), PDRectangle.A4, null,
				NOW, ZONE);

		assertThat(AppearanceTemplate.create(block("Trần Thị Bình", this.signature, this.seal), PDRectangle.A4, null,
				NOW, ZONE))
			.isNotEqualTo(base);
		assertThat(AppearanceTemplate.create(block("Nguyễn Văn An", this.signature, null), PDRectangle.A4, null, NOW,
				ZONE))
			.isNotEqualTo(base);
		assertThat(AppearanceTemplate.create(block("Nguyễn Văn An", this.seal, this.seal), PDRectangle.A4, null, NOW,
				ZONE))
			.isNotEqualTo(base);
		assertThat(AppearanceTemplate.create(block("Nguyễn Văn An", this.signature, this.seal), PDRectangle.LETTER,
				null, NOW, ZONE))
			.isNotEqualTo(base);
	}

	@Test
	void buildsEveryStampAnewAsItShowsTheSigningTime() throws Exception {
		SignatureAppearance stamp = SignatureAppearance.stamp("123/QĐ-UBND");

		byte[] first = AppearanceTemplate.create(stamp, PDRectangle.A4, "UBND xã Tân Phú", NOW, ZONE);
		byte[] later = AppearanceTemplate.create(stamp, PDRectangle.A4, "UBND xã Tân Phú", NOW.plusSeconds(60), ZONE);

		assertThat(later).isNotSameAs(first).isNotEqualTo(first);
	}

	private static SignatureAppearance block(String signerName, byte[] signerImage, byte[] sealImage) {
		SignatureAppearance block = SignatureAppearance.signature(1, 320, 120, 220, 150, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
				signerName, signerImage);
		return (sealImage != null) ? block.withSeal(sealImage, 100) : block;
	}

}
