package io.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Finds what changed between a signed revision and the final document (incremental save
 * and shadow attacks). Allowed: further signature fields and their widgets, the document
 * security store, form field values (unless DocMDP P=1), new annotations only under
 * DocMDP P=3. Everything else is compared by value, following references.
 */
final class RevisionComparison {

	private static final COSName DSS = COSName.getPDFName("DSS");

	private static final COSName SIG_FLAGS = COSName.getPDFName("SigFlags");

	private final int docMdp;

	private final List<String> differences = new ArrayList<>();

	private RevisionComparison(int docMdp) {
		this.docMdp = docMdp;
	}

	/**
	 * Lists the disallowed differences.
	 * @param docMdp DocMDP permission in force (0 when not certified)
	 */
	static List<String> differences(PDDocument signed, PDDocument current, int docMdp) throws IOException {
		RevisionComparison comparison = new RevisionComparison(docMdp);
		comparison.compareCatalog(signed.getDocumentCatalog().getCOSObject(),
				current.getDocumentCatalog().getCOSObject());
		comparison.comparePages(signed, current);
		comparison.compareFields(signed, current);
		return comparison.differences;
	}

	private void compareCatalog(COSDictionary signed, COSDictionary current) throws IOException {
		for (COSName key : union(signed, current)) {
			if (COSName.ACRO_FORM.equals(key) || DSS.equals(key) || COSName.PAGES.equals(key)) {
				continue;
			}
			if (!same(signed.getDictionaryObject(key), current.getDictionaryObject(key))) {
				this.differences.add("catalog entry /" + key.getName() + " changed after signing");
			}
		}
		COSDictionary signedForm = signed.getCOSDictionary(COSName.ACRO_FORM);
		COSDictionary currentForm = current.getCOSDictionary(COSName.ACRO_FORM);
		if (signedForm != null && currentForm == null) {
			this.differences.add("the form was removed after signing");
		}
		if (signedForm != null && currentForm != null) {
			for (COSName key : union(signedForm, currentForm)) {
				if (COSName.FIELDS.equals(key) || SIG_FLAGS.equals(key) || COSName.DR.equals(key)) {
					continue;
				}
				if (!same(signedForm.getDictionaryObject(key), currentForm.getDictionaryObject(key))) {
					this.differences.add("form entry /" + key.getName() + " changed after signing");
				}
			}
		}
	}

	private void comparePages(PDDocument signed, PDDocument current) throws IOException {
		if (signed.getNumberOfPages() != current.getNumberOfPages()) {
			this.differences.add("the number of pages changed from " + signed.getNumberOfPages() + " to "
					+ current.getNumberOfPages() + " after signing");
			return;
		}
		for (int i = 0; i < signed.getNumberOfPages(); i++) {
			PDPage before = signed.getPage(i);
			PDPage after = current.getPage(i);
			String page = "page " + (i + 1) + ": ";
			COSDictionary beforeDictionary = before.getCOSObject();
			COSDictionary afterDictionary = after.getCOSObject();
			for (COSName key : union(beforeDictionary, afterDictionary)) {
				if (COSName.ANNOTS.equals(key) || COSName.PARENT.equals(key)) {
					continue;
				}
				if (!same(beforeDictionary.getDictionaryObject(key), afterDictionary.getDictionaryObject(key))) {
					this.differences.add(page + "/" + key.getName() + " changed after signing");
				}
			}
			// inherited from the page tree
			if (!same(resources(before), resources(after))
					|| !same(before.getMediaBox().getCOSArray(), after.getMediaBox().getCOSArray())
					|| !same(before.getCropBox().getCOSArray(), after.getCropBox().getCOSArray())
					|| before.getRotation() != after.getRotation()) {
				this.differences.add(page + "inherited resources or boxes changed after signing");
			}
			compareAnnotations(page, beforeDictionary.getCOSArray(COSName.ANNOTS),
					afterDictionary.getCOSArray(COSName.ANNOTS));
		}
	}

	/** A page's resources, inherited or its own; null for a page without any. */
	private static COSDictionary resources(PDPage page) {
		return (page.getResources() != null) ? page.getResources().getCOSObject() : null;
	}

	private void compareAnnotations(String page, COSArray before, COSArray after) throws IOException {
		Map<String, COSDictionary> beforeByKey = annotations(before);
		Map<String, COSDictionary> afterByKey = annotations(after);
		for (Map.Entry<String, COSDictionary> entry : beforeByKey.entrySet()) {
			COSDictionary annotation = entry.getValue();
			COSDictionary later = afterByKey.get(entry.getKey());
			if (later == null) {
				this.differences.add(page + "an annotation was removed after signing");
				continue;
			}
			Set<COSName> mayChange = new LinkedHashSet<>();
			if (isWidget(annotation)) {
				boolean signatureField = COSName.SIG.equals(fieldType(annotation));
				if (signatureField && annotation.getDictionaryObject(COSName.V) == null) {
					// an empty signature field being signed
					mayChange.addAll(List.of(COSName.V, COSName.AP));
				}
				else if (!signatureField && this.docMdp != 1) {
					// form filling
					mayChange.addAll(List.of(COSName.V, COSName.AP, COSName.AS));
				}
			}
			if (!sameDictionary(annotation, later, mayChange)) {
				this.differences.add(page + "annotation " + subtype(annotation) + " changed after signing");
			}
		}
		for (Map.Entry<String, COSDictionary> entry : afterByKey.entrySet()) {
			if (beforeByKey.containsKey(entry.getKey())) {
				continue;
			}
			COSDictionary annotation = entry.getValue();
			boolean signatureWidget = isWidget(annotation) && COSName.SIG.equals(fieldType(annotation));
			if (!signatureWidget && this.docMdp != 3) {
				this.differences.add(page + "annotation " + subtype(annotation) + " added after signing");
			}
		}
	}

	private void compareFields(PDDocument signed, PDDocument current) throws IOException {
		Map<String, PDField> before = fields(signed.getDocumentCatalog().getAcroForm(null));
		Map<String, PDField> after = fields(current.getDocumentCatalog().getAcroForm(null));
		for (Map.Entry<String, PDField> entry : before.entrySet()) {
			PDField later = after.get(entry.getKey());
			if (later == null) {
				this.differences.add("field '" + entry.getKey() + "' was removed after signing");
				continue;
			}
			COSBase beforeValue = entry.getValue().getCOSObject().getDictionaryObject(COSName.V);
			COSBase afterValue = later.getCOSObject().getDictionaryObject(COSName.V);
			boolean signatureField = entry.getValue() instanceof PDSignatureField;
			if (signatureField && beforeValue != null && !same(beforeValue, afterValue)) {
				this.differences.add("signature field '" + entry.getKey() + "' was changed after signing");
			}
			if (!signatureField && this.docMdp == 1 && !same(beforeValue, afterValue)) {
				this.differences.add("field '" + entry.getKey() + "' was filled in a document that allows no changes");
			}
		}
		for (Map.Entry<String, PDField> entry : after.entrySet()) {
			if (before.containsKey(entry.getKey())) {
				continue;
			}
			if (!(entry.getValue() instanceof PDSignatureField)) {
				this.differences.add("field '" + entry.getKey() + "' was added after signing");
			}
			else if (this.docMdp == 1 && entry.getValue().getCOSObject().getDictionaryObject(COSName.V) != null) {
				this.differences
					.add("signature '" + entry.getKey() + "' was added to a document that allows no changes");
			}
		}
	}

	private static Map<String, PDField> fields(PDAcroForm form) {
		Map<String, PDField> fields = new LinkedHashMap<>();
		if (form != null) {
			for (PDField field : form.getFieldTree()) {
				fields.put(field.getFullyQualifiedName(), field);
			}
		}
		return fields;
	}

	private static Map<String, COSDictionary> annotations(COSArray annotations) {
		Map<String, COSDictionary> byKey = new LinkedHashMap<>();
		if (annotations == null) {
			return byKey;
		}
		for (int i = 0; i < annotations.size(); i++) {
			COSBase entry = annotations.get(i);
			COSBase resolved = (entry instanceof COSObject object) ? object.getObject() : entry;
			if (resolved instanceof COSDictionary dictionary) {
				String key = (entry instanceof COSObject object && object.getKey() != null) ? object.getKey().toString()
						: "direct#" + i;
				byKey.put(key, dictionary);
			}
		}
		return byKey;
	}

	private static boolean isWidget(COSDictionary annotation) {
		return COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE));
	}

	private static COSName fieldType(COSDictionary annotation) {
		COSDictionary node = annotation;
		for (int depth = 0; node != null && depth < 32; depth++) {
			COSName type = node.getCOSName(COSName.FT);
			if (type != null) {
				return type;
			}
			node = node.getCOSDictionary(COSName.PARENT);
		}
		return null;
	}

	private static String subtype(COSDictionary annotation) {
		COSName subtype = annotation.getCOSName(COSName.SUBTYPE);
		return (subtype != null) ? "/" + subtype.getName() : "(no subtype)";
	}

	private static Set<COSName> union(COSDictionary a, COSDictionary b) {
		Set<COSName> keys = new LinkedHashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}

	private boolean sameDictionary(COSDictionary a, COSDictionary b, Set<COSName> ignored) throws IOException {
		Map<COSBase, COSBase> visited = new IdentityHashMap<>();
		for (COSName key : union(a, b)) {
			if (ignored.contains(key) || COSName.P.equals(key) || COSName.PARENT.equals(key)) {
				continue;
			}
			if (!same(a.getDictionaryObject(key), b.getDictionaryObject(key), visited, 0)) {
				return false;
			}
		}
		return true;
	}

	static boolean same(COSBase a, COSBase b) throws IOException {
		return same(a, b, new IdentityHashMap<>(), 0);
	}

	private static boolean same(COSBase a, COSBase b, Map<COSBase, COSBase> visited, int depth) throws IOException {
		a = resolve(a);
		b = resolve(b);
		if (a == null || b == null) {
			return a == b;
		}
		if (depth > 256 || a.getClass() != b.getClass()) {
			return false;
		}
		if (visited.get(a) == b) {
			return true;
		}
		visited.put(a, b);
		if (a instanceof COSStream streamA) {
			COSStream streamB = (COSStream) b;
			if (!sameEntries(streamA, streamB, visited, depth)) {
				return false;
			}
			try (InputStream inA = streamA.createRawInputStream(); InputStream inB = streamB.createRawInputStream()) {
				return Arrays.equals(inA.readAllBytes(), inB.readAllBytes());
			}
		}
		if (a instanceof COSDictionary dictionaryA) {
			return sameEntries(dictionaryA, (COSDictionary) b, visited, depth);
		}
		if (a instanceof COSArray arrayA) {
			COSArray arrayB = (COSArray) b;
			if (arrayA.size() != arrayB.size()) {
				return false;
			}
			for (int i = 0; i < arrayA.size(); i++) {
				if (!same(arrayA.get(i), arrayB.get(i), visited, depth + 1)) {
					return false;
				}
			}
			return true;
		}
		if (a instanceof COSString stringA) {
			return Arrays.equals(stringA.getBytes(), ((COSString) b).getBytes());
		}
		return a.equals(b);
	}

	private static boolean sameEntries(COSDictionary a, COSDictionary b, Map<COSBase, COSBase> visited, int depth)
			throws IOException {
		// /Parent leads up the tree (compared where it starts); /P of an annotation is
		// its page
		boolean annotation = a.containsKey(COSName.SUBTYPE) && a.containsKey(COSName.RECT);
		for (COSName key : union(a, b)) {
			if (COSName.PARENT.equals(key) || (annotation && COSName.P.equals(key))) {
				continue;
			}
			if (!same(a.getItem(key), b.getItem(key), visited, depth + 1)) {
				return false;
			}
		}
		return true;
	}

	private static COSBase resolve(COSBase base) {
		COSBase resolved = (base instanceof COSObject object) ? object.getObject() : base;
		return (resolved instanceof COSNull) ? null : resolved;
	}

}
