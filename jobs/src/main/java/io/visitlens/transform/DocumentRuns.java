package io.visitlens.transform;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * A task's pass over annotated sentences whose documents are each together in the partition, as
 * {@link Annotations#annotate} gives them: the subclass sees each sentence, then the end of its document, then the
 * end of the partition, and queues its output (rows, or records for an RDD) in {@link #ready}. The input rows start with {@code doc_id} and
 * {@code visit_id}. A document met again after another one fails the task with its id, since whatever the pass
 * computes per document would then be wrong.
 */
public abstract class DocumentRuns<T> implements Iterator<T> {
  /** Output rows (or records) not yet returned. */
  protected final ArrayDeque<T> ready = new ArrayDeque<>();
  private final Iterator<Row> sentences;
  private final Set<String> finished = new HashSet<>();
  private String doc;
  private String visit;

  protected DocumentRuns(Iterator<Row> sentences) {
    this.sentences = sentences;
  }

  /** A sentence of the current document. */
  protected abstract void sentence(Row s);

  /** The end of a document's sentences ({@code visit} null for a document without one). */
  protected abstract void endDocument(String visit);

  /** The id of the document whose sentences are being read, or whose end {@link #endDocument} reports. */
  protected final String document() {
    return doc;
  }

  /** The end of the partition, after the last {@link #endDocument}. */
  protected void endPartition() {}

  @Override
  public final boolean hasNext() {
    while (ready.isEmpty() && sentences.hasNext()) {
      Row s = sentences.next();
      String docId = s.getString(0);
      if (!docId.equals(doc)) {
        if (doc != null) {
          endDocument(visit);
        }
        if (!finished.add(docId)) {
          throw new IllegalStateException("the sentences of document " + docId + " are not together in their "
              + "partition (" + getClass().getSimpleName() + " counts each document in one run)");
        }
        doc = docId;
        visit = s.isNullAt(1) ? null : s.getString(1);
      }
      sentence(s);
    }
    if (ready.isEmpty() && doc != null) {
      endDocument(visit);
      doc = null;
      endPartition();
    }
    return !ready.isEmpty();
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }
}
