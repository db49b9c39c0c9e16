package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * State of a prepared signature, carried by the caller between {@link PdfSigner#prepare}
 * and {@link PdfSigner#complete}: the PDF with an empty /Contents placeholder, where the
 * placeholder is, the signed attributes, the level and the timestamp authority.
 */
record Handle(byte[] preparedPdf, int[] byteRange, byte[] signedAttributes, SignatureLevel level, String tsaUrl) {

	private static final int MAGIC = 0x4D435331; // "MCS1"

	String encode() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeInt(MAGIC);
			out.writeUTF(this.level.name());
			out.writeUTF((this.tsaUrl != null) ? this.tsaUrl : "");
			for (int value : this.byteRange) {
				out.writeInt(value);
			}
			out.writeInt(this.signedAttributes.length);
			out.write(this.signedAttributes);
			out.writeInt(this.preparedPdf.length);
			out.write(this.preparedPdf);
		}
		catch (IOException ex) {
			throw new SigningException("Cannot encode the signing handle", ex);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	static Handle decode(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			throw new SigningException("No signing handle");
		}
		try (DataInputStream in = new DataInputStream(
				new InflaterInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded))))) {
			if (in.readInt() != MAGIC) {
				throw new SigningException("Not a signing handle");
			}
			SignatureLevel level = SignatureLevel.valueOf(in.readUTF());
			String tsaUrl = in.readUTF();
			int[] byteRange = new int[4];
			for (int i = 0; i < 4; i++) {
				byteRange[i] = in.readInt();
			}
			byte[] signedAttributes = in.readNBytes(in.readInt());
			byte[] pdf = in.readNBytes(in.readInt());
			return new Handle(pdf, byteRange, signedAttributes, level, tsaUrl.isEmpty() ? null : tsaUrl);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new SigningException("Corrupt signing handle", ex);
		}
	}

}
