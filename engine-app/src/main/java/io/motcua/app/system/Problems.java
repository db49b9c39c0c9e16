package io.motcua.app.system;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details of a known kind; used by the API error handler and by
 * the security entry points, which answer before any controller runs.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(ProblemKind kind, String detail) {
		return of(kind, detail, List.of());
	}

	public static ProblemDetail of(ProblemKind kind, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
		problem.setType(kind.type());
		problem.setTitle(kind.title());
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}
