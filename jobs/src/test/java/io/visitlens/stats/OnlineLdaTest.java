package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.LDA;
import org.apache.spark.mllib.clustering.LocalLDAModel;
import org.apache.spark.mllib.clustering.OnlineLDAOptimizer;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * {@link OnlineLda} fits the model MLlib's {@code LDA.run} with the online optimizer fits: λ (the topics matrix) and
 * α the same to the bit for documents in one or two partitions, over K, seeds, mini-batch shares (with empty
 * mini-batches among them), τ₀ and κ, α learnt or not, and documents sparse and dense, long and short, and empty.
 */
class OnlineLdaTest extends SparkTestBase {
  @BeforeAll
  static void start() {
    startSpark();
  }

  /** The documents TopicInferenceTest fits on, with a few awkward ones: no term, one term, one term counted 40 times. */
  static List<Vector> corpus(int n, long seed) {
    List<Vector> documents = TopicInferenceTest.documents(n, seed);
    int v = TopicInferenceTest.VOCABULARY;
    documents.add(3, Vectors.sparse(v, new int[0], new double[0]));
    documents.add(Vectors.sparse(v, new int[] {5}, new double[] {1}));
    documents.add(Vectors.sparse(v, new int[] {3, 59}, new double[] {40, 2}));
    documents.add(Vectors.zeros(v));
    return documents;
  }

  static JavaRDD<Vector> rdd(List<Vector> documents, int partitions) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(documents, partitions);
  }

  static LocalLDAModel mllib(JavaRDD<Vector> documents, OnlineLda.Settings s) {
    JavaPairRDD<Long, Vector> corpus = documents.mapToPair(d -> new Tuple2<>(0L, d));
    return (LocalLDAModel) new LDA().setK(s.k()).setMaxIterations(s.iterations()).setSeed(s.seed())
        .setDocConcentration(-1).setTopicConcentration(-1)
        .setOptimizer(new OnlineLDAOptimizer().setTau0(s.tau0()).setKappa(s.kappa())
            .setMiniBatchFraction(s.miniBatchFraction()).setOptimizeDocConcentration(s.optimizeAlpha()))
        .run(corpus);
  }

  static LocalLDAModel ours(JavaRDD<Vector> documents, OnlineLda.Settings s) {
    return OnlineLda.fit(documents, documents.count(), TopicInferenceTest.VOCABULARY, s);
  }

  static void assertBitIdentical(LocalLDAModel want, LocalLDAModel got, String context) {
    double[] a = want.docConcentration().toArray();
    double[] b = got.docConcentration().toArray();
    assertEquals(a.length, b.length, "K, " + context);
    for (int j = 0; j < a.length; j++) {
      assertEquals(Double.doubleToLongBits(a[j]), Double.doubleToLongBits(b[j]),
          "α[" + j + "], " + context + ": MLlib " + a[j] + ", ours " + b[j]);
    }
    assertEquals(want.topicConcentration(), got.topicConcentration(), "η, " + context);
    assertEquals(want.gammaShape(), got.gammaShape(), "γ shape, " + context);
    double[] x = want.topicsMatrix().toArray();
    double[] y = got.topicsMatrix().toArray();
    assertEquals(want.topicsMatrix().numRows(), got.topicsMatrix().numRows(), "V, " + context);
    assertEquals(x.length, y.length, "λ's size, " + context);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Double.doubleToLongBits(x[i]), Double.doubleToLongBits(y[i]),
          "λ value " + i + " (term " + i % want.vocabSize() + ", topic " + i / want.vocabSize() + "), " + context
              + ": MLlib " + x[i] + ", ours " + y[i]);
    }
  }

  @Test
  void theModelIsMllibsToTheBit() {
    List<Vector> documents = corpus(180, 7);
    for (int partitions : new int[] {1, 2}) {
      JavaRDD<Vector> rdd = rdd(documents, partitions).cache();
      for (OnlineLda.Settings s : List.of(
          new OnlineLda.Settings(2, 10, 20261206L, 1024, 0.51, 0.3, true),
          new OnlineLda.Settings(3, 15, 7L, 4, 0.51, 1.0, true),
          new OnlineLda.Settings(7, 8, -3L, 64, 0.7, 0.12, true),
          new OnlineLda.Settings(5, 6, 99L, 16, 0.9, 0.5, false))) {
        String context = partitions + " partition(s), " + s;
        assertBitIdentical(mllib(rdd, s), ours(rdd, s), context);
      }
      rdd.unpersist();
    }
  }

  @Test
  void emptyMiniBatchesAreSkippedAsMllibSkipsThem() {
    // 12 documents and a share of 0.02: most mini-batches sample nothing (probability e^-0.24 each), some one or two.
    List<Vector> documents = corpus(8, 3);
    JavaRDD<Vector> rdd = rdd(documents, 2).cache();
    OnlineLda.Settings s = new OnlineLda.Settings(3, 25, 11L, 8, 0.6, 0.02, true);
    LocalLDAModel want = mllib(rdd, s);
    assertBitIdentical(want, ours(rdd, s), "mostly empty mini-batches");
    // and the fit did move λ away from its initial draws: 25 iterations of which some were not empty
    LocalLDAModel none = ours(rdd, new OnlineLda.Settings(3, 0, 11L, 8, 0.6, 0.02, true));
    assertTrue(differ(want.topicsMatrix().toArray(), none.topicsMatrix().toArray()),
        "some mini-batches were not empty, so λ changed");
    rdd.unpersist();
  }

  @Test
  void withMorePartitionsTheFitIsRepeatableAndAgreesWithMllibToRounding() {
    List<Vector> documents = corpus(300, 19);
    JavaRDD<Vector> rdd = rdd(documents, 5).cache();
    OnlineLda.Settings s = new OnlineLda.Settings(4, 10, 5L, 32, 0.51, 0.4, true);
    LocalLDAModel first = ours(rdd, s);
    assertBitIdentical(first, ours(rdd, s), "the same fit twice, 5 partitions");
    double[] want = mllib(rdd, s).topicsMatrix().toArray();
    double[] got = first.topicsMatrix().toArray();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-9 * Math.abs(want[i]), "λ value " + i + ", 5 partitions");
    }
    rdd.unpersist();
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new OnlineLda.Settings(1, 10, 1, 1024, 0.51, 0.5, true));
    assertThrows(IllegalArgumentException.class, () -> new OnlineLda.Settings(3, 10, 1, 1024, 0.4, 0.5, true));
    assertThrows(IllegalArgumentException.class, () -> new OnlineLda.Settings(3, 10, 1, 1024, 0.51, 0, true));
    assertThrows(IllegalArgumentException.class, () -> new OnlineLda.Settings(3, 10, 1, 0, 0.51, 0.5, true));
  }

  @Test
  void peekingDoesNotDraw() {
    Random r = new Random(42);
    r.nextLong();
    long peeked = OnlineLda.peekNextLong(r);
    assertEquals(peeked, OnlineLda.peekNextLong(r), "a second peek sees the same long");
    assertEquals(peeked, r.nextLong(), "the next draw is the long peeked");
  }

  private static boolean differ(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return true;
      }
    }
    return false;
  }
}
