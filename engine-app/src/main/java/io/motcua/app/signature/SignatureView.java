package io.motcua.app.signature;

import java.time.Instant;

/**
 * A signature on a dossier's result.
 *
 * @param dossierCode the dossier
 * @param documentId the signed document it produced
 * @param role APPROVER or SEAL
 * @param signerSubject subject of the signing certificate
 * @param certificateSerial serial number of that certificate (hex)
 * @param level PAdES level
 * @param signedAt when
 * @param signedBy who (user name, or {@code system} for the seal job)
 * @param voidedAt when it was set aside because the result did not verify and the dossier
 * went back to signing; null while it stands
 */
public record SignatureView(String dossierCode, Long documentId, String role, String signerSubject,
		String certificateSerial, String level, Instant signedAt, String signedBy, Instant voidedAt) {
}
