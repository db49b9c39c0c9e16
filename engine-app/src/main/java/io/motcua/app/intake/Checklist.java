package io.motcua.app.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.dossier.DossierViews.PaperOriginal;
import io.motcua.app.intake.IntakeRequest.PaperOriginalRequest;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * The counter's checklist (Circular 03/2025: the clerk checks the dossier's components
 * before receiving it): every required document of the procedure is either attached as a
 * file or ticked as a paper original received, with its number of copies.
 */
final class Checklist {

	/** The reason code of a document neither attached nor ticked. */
	static final String MISSING = "missing-document";

	private Checklist() {
	}

	/**
	 * The paper originals of a request, checked against the procedure and the files
	 * attached.
	 * @param attached the document types attached as files
	 * @return the ticks to store, copies filled in from the procedure when omitted
	 * @throws ProblemException 422 naming each tick of no document type of the procedure,
	 * each one ticked twice, and each required document neither attached nor ticked
	 */
	static List<PaperOriginal> check(Procedure procedure, List<PaperOriginalRequest> ticks, Set<String> attached) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, RequiredDocument> types = procedure.requiredDocuments()
			.stream()
			.collect(Collectors.toMap(RequiredDocument::type, Function.identity()));
		List<FieldError> errors = new ArrayList<>();
		List<PaperOriginal> originals = new ArrayList<>();
		Set<String> ticked = new HashSet<>();
		for (int i = 0; i < ticks.size(); i++) {
			PaperOriginalRequest tick = ticks.get(i);
			String field = "paperOriginals[" + i + "].documentType";
			RequiredDocument type = types.get(tick.documentType());
			if (type == null) {
				errors.add(new FieldError(field,
						english ? tick.documentType() + " is not a document type of procedure " + procedure.code()
								+ "; expected one of " + String.join(", ", types.keySet())
								: tick.documentType() + " không phải loại giấy tờ của thủ tục " + procedure.code()
										+ "; cần một trong: " + String.join(", ", types.keySet()),
						"unknown-document-type", null));
			}
			else if (!ticked.add(tick.documentType())) {
				errors.add(new FieldError(field, english ? "ticked twice" : "đánh dấu hai lần"));
			}
			else {
				originals.add(new PaperOriginal(type.type(), (tick.copies() != null) ? tick.copies() : type.copies()));
			}
		}
		for (RequiredDocument required : procedure.requiredDocuments()) {
			if (required.required() && !ticked.contains(required.type()) && !attached.contains(required.type())) {
				errors.add(new FieldError(required.type(), missing(required, english ? Locale.ENGLISH : null), MISSING,
						null));
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid((english ? "The dossier is incomplete or its checklist is wrong: "
					: "Hồ sơ chưa đủ thành phần hoặc danh mục giấy tờ sai: ")
					+ errors.stream()
						.map((error) -> error.field() + ": " + error.message())
						.collect(Collectors.joining("; ")),
					errors);
		}
		return originals;
	}

	/** What the clerk reads of a required document neither attached nor ticked. */
	static String missing(RequiredDocument required, Locale english) {
		return (english != null)
				? "missing: " + required.name() + " (" + required.copies()
						+ " copy): attach it as a file or tick its paper original as received"
				: "thiếu: " + required.name() + " (" + required.copies()
						+ " bản): đính kèm tệp hoặc đánh dấu đã nhận bản giấy";
	}

}
