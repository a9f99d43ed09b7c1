package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The pagination block of every list envelope. */
@Serdeable
public record Pagination(
        @JsonProperty("page") int page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("current_page_size") int currentPageSize,
        @JsonProperty("total_pages") int totalPages,
        @JsonProperty("total_results") long totalResults) {

    public static Pagination of(int page, int pageSize, int currentPageSize, long totalResults) {
        int totalPages = (int) Math.max(1, (totalResults + pageSize - 1) / pageSize);
        return new Pagination(page, pageSize, currentPageSize, totalPages, totalResults);
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
