package io.visitlens.report;

import io.visitlens.stats.ArticleBootstrap;
import java.io.Serializable;
import java.util.Map;

/**
 * The article-level bootstrap of {@code emphasis_comparison} ({@link ArticleBootstrap}): what it gives the report.
 * {@link ComparedArticles} computes it, in the same pass as the other resampling.
 */
public final class EmphasisBootstrap {

  private EmphasisBootstrap() {}

  /**
   * What the bootstrap gives {@code emphasis_comparison}: each visit's articles, and each sector's intervals (empty
   * when the bootstrap is off or a visit has no article).
   */
  public record Result(long articlesA, long articlesB, Map<String, ArticleBootstrap.Interval> bySector,
      double confidence) implements Serializable {
    /** No bootstrap: the article counts alone. */
    public static Result articlesOnly(long articlesA, long articlesB) {
      return new Result(articlesA, articlesB, Map.of(), Double.NaN);
    }
  }
}
