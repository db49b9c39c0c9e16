package io.motcua.app.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list, in a stable JSON shape.
 *
 * @param <T> item type
 * @param items the items of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param totalItems items in all pages; at least that many when {@code totalCapped}
 * @param totalPages number of pages (of {@code totalItems})
 * @param totalCapped whether counting stopped at {@code totalItems}: a long list shows
 * "10,000+" rather than paying to count every item
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages, boolean totalCapped) {

	public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
		return of(page, mapper, false);
	}

	/** A page whose total may be a floor ({@code capped}). */
	public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper, boolean capped) {
		return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages(), capped);
	}

}
