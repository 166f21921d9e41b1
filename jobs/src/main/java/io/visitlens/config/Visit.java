package io.visitlens.config;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of the visit catalogue ({@code seeds/visits.csv}): a state visit with its window and parties.
 * The host city and the guest's side are what text attribution looks for in an undated article.
 */
public record Visit(
    String visitId,
    String label,
    LocalDate startDate,
    LocalDate endDate,
    String hostCountry,
    String hostCity,
    String guestCountry,
    String guestLeader,
    String hostLeader) implements Serializable {

  /** True when {@code date} lies in [start - toleranceDays, end + toleranceDays]. */
  public boolean windowContains(LocalDate date, int toleranceDays) {
    return !date.isBefore(startDate.minusDays(toleranceDays)) && !date.isAfter(endDate.plusDays(toleranceDays));
  }
}
