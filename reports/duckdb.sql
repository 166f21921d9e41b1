-- One view per VisitLens report over its Parquet files. Paths are relative to the report directory:
-- run DuckDB from inside it, or first SET file_search_path = '/path/to/reports';
-- A run writes this file into its report directory with the views of the reports it wrote.
CREATE OR REPLACE VIEW documents AS SELECT * FROM read_parquet('parquet/documents/*.parquet');
CREATE OR REPLACE VIEW visits AS SELECT * FROM read_parquet('parquet/visits/*.parquet');
CREATE OR REPLACE VIEW rejected_documents AS SELECT * FROM read_parquet('parquet/rejected_documents/*.parquet');
CREATE OR REPLACE VIEW term_frequencies AS SELECT * FROM read_parquet('parquet/term_frequencies/*.parquet');
CREATE OR REPLACE VIEW term_keyness AS SELECT * FROM read_parquet('parquet/term_keyness/*.parquet');
CREATE OR REPLACE VIEW keyword_contexts AS SELECT * FROM read_parquet('parquet/keyword_contexts/*.parquet');
CREATE OR REPLACE VIEW lexicon_gaps AS SELECT * FROM read_parquet('parquet/lexicon_gaps/*.parquet');
CREATE OR REPLACE VIEW sector_mentions AS SELECT * FROM read_parquet('parquet/sector_mentions/*.parquet');
CREATE OR REPLACE VIEW sector_summary AS SELECT * FROM read_parquet('parquet/sector_summary/*.parquet');
CREATE OR REPLACE VIEW topic_cooccurrence AS SELECT * FROM read_parquet('parquet/topic_cooccurrence/*.parquet');
CREATE OR REPLACE VIEW cooccurrence_change AS SELECT * FROM read_parquet('parquet/cooccurrence_change/*.parquet');
CREATE OR REPLACE VIEW emphasis_comparison AS SELECT * FROM read_parquet('parquet/emphasis_comparison/*.parquet');
CREATE OR REPLACE VIEW topic_model AS SELECT * FROM read_parquet('parquet/topic_model/*.parquet');
CREATE OR REPLACE VIEW topics AS SELECT * FROM read_parquet('parquet/topics/*.parquet');
CREATE OR REPLACE VIEW topic_shares AS SELECT * FROM read_parquet('parquet/topic_shares/*.parquet');
CREATE OR REPLACE VIEW topic_sectors AS SELECT * FROM read_parquet('parquet/topic_sectors/*.parquet');
CREATE OR REPLACE VIEW statements AS SELECT * FROM read_parquet('parquet/statements/*.parquet');
CREATE OR REPLACE VIEW speaker_emphasis AS SELECT * FROM read_parquet('parquet/speaker_emphasis/*.parquet');
CREATE OR REPLACE VIEW deliverables AS SELECT * FROM read_parquet('parquet/deliverables/*.parquet');
CREATE OR REPLACE VIEW annotated_corpus AS SELECT * FROM read_parquet('parquet/annotated_corpus/*.parquet');
