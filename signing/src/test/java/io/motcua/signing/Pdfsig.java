package io.motcua.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Poppler's {@code pdfsig}, run as a process: the independent opinion the verifier is
 * compared with. Installed on the build machines (Debian's poppler-utils).
 */
final class Pdfsig {

	private static final Path COMMAND = Path.of("/usr/bin/pdfsig");

	private Pdfsig() {
	}

	static boolean installed() {
		return Files.isExecutable(COMMAND);
	}

	/**
	 * What pdfsig says about each signature of the PDF, without online revocation checks.
	 */
	static List<Signature> check(byte[] pdf) {
		Path file = null;
		try {
			file = Files.createTempFile("pdfsig", ".pdf");
			Files.write(file, pdf);
			Process process = new ProcessBuilder(COMMAND.toString(), "-no-ocsp", file.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("pdfsig did not finish");
			}
			return parse(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file left behind
				}
			}
		}
	}

	private static List<Signature> parse(String output) {
		List<Signature> signatures = new ArrayList<>();
		String[] blocks = output.split("Signature #\\d+:");
		for (int i = 1; i < blocks.length; i++) {
			String block = blocks[i];
			signatures.add(new Signature(block.contains("- Total document signed"),
					value(block, "Signature Validation"), value(block, "Certificate Validation"), block));
		}
		return signatures;
	}

	private static String value(String block, String key) {
		for (String line : block.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("- " + key + ": ")) {
				return trimmed.substring(key.length() + 4);
			}
		}
		return null;
	}

	/**
	 * One signature as pdfsig sees it.
	 *
	 * @param totalDocumentSigned "Total document signed": the byte range ends at the end
	 * of the file
	 * @param signatureValidation for example "Signature is Valid."
	 * @param certificateValidation for example "Certificate has Expired"; null when
	 * pdfsig did not get that far
	 * @param output pdfsig's lines for this signature
	 */
	record Signature(boolean totalDocumentSigned, String signatureValidation, String certificateValidation,
			String output) {
	}

}
