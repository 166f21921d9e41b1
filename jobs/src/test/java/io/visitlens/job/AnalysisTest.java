package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.CorpusReader;
import io.visitlens.io.ReportWriter;
import io.visitlens.report.Report;
import io.visitlens.report.Reports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Analysis} as a composite transform, in memory: articles built here (two invented visits, to Oslo in 2023
 * and to Lima in 2025, not the seeds), the annotated corpus kept in memory, and every report's rows checked without
 * anything written or read from disk.
 */
class AnalysisTest extends SparkTestBase {
  static final String VISITS = "visit_id,label,start_date,end_date,host_country,host_city,guest_country,"
      + "guest_leader,host_leader\n"
      + "oslo-2023,Ana Lund in Oslo,2023-03-14,2023-03-15,Norway,Oslo,Chile,Ana Lund,Erik Berg\n"
      + "lima-2025,Erik Berg in Lima,2025-06-02,2025-06-03,Peru,Lima,Norway,Erik Berg,Rosa Quispe\n";
  static final String LEXICON = "sector,phrase,kind,cap_code,notes\n"
      + "energy,energy,word,8,\n"
      + "energy,wind power,phrase,8,\n"
      + "fisheries,salmon,word,4,\n"
      + "fisheries,fish farming,phrase,4,\n";

  static List<Row> articles() {
    List<Row> rows = new ArrayList<>();
    rows.add(article("o1", "2023-03-14", "OSLO, March 14 -- Ana Lund met Erik Berg in Oslo. They discussed energy and"
        + " wind power. Mr. Berg said salmon exports would grow."));
    rows.add(article("o2", "2023-03-15", "Oslo, 15 March 2023. The talks in Oslo turned to energy again: wind power,"
        + " energy storage and the grid."));
    rows.add(article("l1", "2025-06-02", "LIMA, June 2 -- Erik Berg arrived in Lima. Fish farming and salmon led the"
        + " agenda; energy came up once."));
    rows.add(article("l2", "2025-06-03", "Lima, 3 June 2025. Fish farming, salmon feed and salmon prices were"
        + " discussed in Lima."));
    rows.add(article("x1", null, "A note on the weather, with no visit in it at all."));
    // The same doc_id again, from another file: the analysis rejects the second copy.
    rows.add(RowFactory.create("o1", "mem/b/o1.txt", null, null, null, null, null, "A second o1.", null, null, null,
        null));
    return rows;
  }

  static Row article(String id, String date, String text) {
    return RowFactory.create(id, "mem/a/" + id + ".txt", null, null, null, date, date == null ? null : "header", text,
        null, null, null, null);
  }

  static Analysis.Output output;
  static int checkpoints;

  @BeforeAll
  static void analyse() {
    startSpark();
    Analysis.Inputs inputs = new Analysis.Inputs(VisitCatalog.parse(VISITS, "visits.csv"),
        SectorLexicon.parse(LEXICON, "sectors.csv"), List.of("oslo-2023", "lima-2025"));
    Dataset<Row> read = spark.createDataFrame(articles(), CorpusReader.SCHEMA);
    Analysis.Checkpointer inMemory = Analysis.inMemory();
    output = Analysis.run(spark, inputs, JobOptions.defaults(), read, (name, rows, schema) -> {
      checkpoints++;
      assertEquals(Analysis.ANNOTATED_CORPUS, name, "the one checkpoint is the annotated corpus");
      return inMemory.checkpoint(name, rows, schema);
    });
  }

  @AfterAll
  static void release() {
    if (output != null) {
      output.close();
    }
  }

  @Test
  void plansEveryListedReportWithItsSchemaAndReadsNothingFromDisk() {
    assertEquals(Reports.ALL.stream().map(Report::name).toList(),
        output.plans().stream().map(ReportWriter.Plan::name).toList(), "one plan per report, in catalogue order");
    assertEquals(1, checkpoints, "the plan is cut once");
    for (Report report : Reports.ALL) {
      Dataset<Row> rows = output.rows(report.name());
      assertEquals(report.schema().fields().length, rows.schema().fields().length, report.name() + ": columns");
      for (StructField f : report.schema().fields()) {
        assertEquals(f.dataType(), rows.schema().apply(f.name()).dataType(), report.name() + "." + f.name());
      }
      assertTrue(rows.queryExecution().analyzed().collectLeaves().toList().forall(l -> !(l instanceof LogicalRelation)),
          report.name() + " reads a file: " + rows.queryExecution().analyzed().treeString());
    }
  }

  @Test
  void attributesCountsAndRejectsWhatItShould() {
    Analysis.Facts f = output.facts();
    assertEquals(6, f.articles(), "articles read");
    assertEquals(5, f.documents(), "the duplicate doc_id is rejected");
    assertEquals(4, f.assigned(), "the weather note has no visit");
    assertRows("documents (doc_id, visit_id)", List.of(
            List.of("l1", "lima-2025"), List.of("l2", "lima-2025"), List.of("o1", "oslo-2023"),
            List.of("o2", "oslo-2023"), java.util.Arrays.asList("x1", null)),
        rowValues(output.rows("documents").select("doc_id", "visit_id")));
    assertRows("rejected_documents", List.of(List.of("o1", "mem/b/o1.txt", io.visitlens.io.InputStatus.DUPLICATE_DOC_ID)),
        rowValues(output.rows("rejected_documents").select("doc_id", "source_path", "reason_class")));
    assertRows("visits (visit_id, n_documents)", List.of(List.of("oslo-2023", 2), List.of("lima-2025", 2)),
        rowValues(output.rows("visits").orderBy("start_date").select("visit_id", "n_documents")));
    assertEquals(Map.of("unassigned", 1L), f.classes().documents(), "document classes");
  }

  @Test
  void countsSectorsAsTheTextHasThem() {
    // Oslo: energy ×3 in o1 (energy, wind power) + o2 (energy, wind power, energy) = 5; salmon ×1.
    // Lima: fish farming ×2, salmon ×3 (salmon, salmon feed's salmon, salmon prices' salmon) = 5; energy ×1.
    assertRows("sector_summary (visit, language, sector, mentions, documents)", List.of(
            List.of("lima-2025", "all", "fisheries", 5L, 2L), List.of("lima-2025", "all", "energy", 1L, 1L),
            List.of("lima-2025", "en", "fisheries", 5L, 2L), List.of("lima-2025", "en", "energy", 1L, 1L),
            List.of("oslo-2023", "all", "energy", 5L, 2L), List.of("oslo-2023", "all", "fisheries", 1L, 1L),
            List.of("oslo-2023", "en", "energy", 5L, 2L), List.of("oslo-2023", "en", "fisheries", 1L, 1L)),
        rowValues(output.rows("sector_summary").orderBy("visit_id", "language", "rank", "sector")
            .select("visit_id", "language", "sector", "mentions", "documents")));
    List<Row> emphasis = output.rows("emphasis_comparison").orderBy("sector").collectAsList();
    assertEquals(List.of("energy", "fisheries"), emphasis.stream().map(r -> r.getString(0)).toList());
    assertTrue(emphasis.get(0).<Double>getAs("delta_pp") < 0 && emphasis.get(1).<Double>getAs("delta_pp") > 0,
        "energy falls and fisheries rises from Oslo to Lima: " + emphasis);
  }

  @Test
  void comparesTermsBetweenTheVisits() {
    List<Row> salmon = output.rows("term_keyness").where("term = 'salmon' AND ngram = 1").collectAsList();
    assertEquals(1, salmon.size(), "salmon is compared once");
    assertEquals(1L, salmon.get(0).<Long>getAs("count_a"), "salmon in Oslo");
    assertEquals(3L, salmon.get(0).<Long>getAs("count_b"), "salmon in Lima");
    assertTrue(salmon.get(0).<Double>getAs("z_score") > 0, "salmon leans to Lima, the second visit");
    assertRows("term_frequencies, 'fish farming' in Lima (count, doc_freq)", List.of(List.of(2L, 2L)),
        rowValues(output.rows("term_frequencies")
            .where("scope = 'visit' AND scope_id = 'lima-2025' AND ngram = 2 AND term = 'fish farming'")
            .select("count", "doc_freq")));
  }
}
