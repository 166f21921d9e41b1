package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.visitlens.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaPairRDD;
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
 * {@link TopicInference} gives each document the θ that MLlib's {@code LocalLDAModel.topicDistributions} gives it,
 * bit for bit: models fitted here on random documents of three themes (K = 2, 3 and 7, with α learnt as the topic
 * model learns it), documents short and long, sparse and dense, terms counted more than once, and a document with no
 * term.
 */
class TopicInferenceTest extends SparkTestBase {
  static final int VOCABULARY = 60;

  @BeforeAll
  static void start() {
    startSpark();
  }

  /** Documents drawn from three themes of 20 terms each, with a little of every other term. */
  static List<Vector> documents(int n, long seed) {
    Random random = new Random(seed);
    List<Vector> out = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      int theme = random.nextInt(3);
      double[] counts = new double[VOCABULARY];
      int length = 3 + random.nextInt(d % 5 == 0 ? 200 : 25);
      for (int w = 0; w < length; w++) {
        int term = random.nextDouble() < 0.8 ? theme * 20 + random.nextInt(20) : random.nextInt(VOCABULARY);
        counts[term]++;
      }
      out.add(d % 7 == 0 ? Vectors.dense(counts) : Vectors.dense(counts).toSparse());
    }
    return out;
  }

  static LocalLDAModel fit(List<Vector> documents, int k, long seed) {
    List<Tuple2<Long, Vector>> rows = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      rows.add(new Tuple2<>((long) i, documents.get(i)));
    }
    JavaPairRDD<Long, Vector> corpus = JavaPairRDD.fromJavaRDD(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2));
    return (LocalLDAModel) new LDA().setK(k).setMaxIterations(10).setSeed(seed).setDocConcentration(-1)
        .setTopicConcentration(-1).setOptimizer(new OnlineLDAOptimizer().setTau0(4).setKappa(0.51)
            .setMiniBatchFraction(0.5).setOptimizeDocConcentration(true))
        .run(corpus);
  }

  /** topicDistributions of documents that all have id 0, as the topic model asks for them. */
  static List<double[]> mllib(LocalLDAModel model, List<Vector> documents) {
    List<Tuple2<Long, Vector>> rows = documents.stream().map(v -> new Tuple2<>(0L, v)).toList();
    JavaPairRDD<Long, Vector> corpus = JavaPairRDD.fromJavaRDD(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2));
    return model.topicDistributions(corpus).values().map(Vector::toArray).collect();
  }

  @Test
  void thetaIsMllibsToTheBit() {
    List<Vector> documents = documents(240, 11);
    documents.add(Vectors.sparse(VOCABULARY, new int[0], new double[0]));
    documents.add(Vectors.sparse(VOCABULARY, new int[] {5}, new double[] {1}));
    documents.add(Vectors.sparse(VOCABULARY, new int[] {3, 59}, new double[] {40, 2}));
    for (int k : new int[] {2, 3, 7}) {
      LocalLDAModel model = fit(documents, k, 20261206L + k);
      for (long seed : new long[] {"org.apache.spark.ml.clustering.LocalLDAModel".hashCode(), 42L}) {
        model.setSeed(seed);
        List<double[]> expected = mllib(model, documents);
        TopicInference inference = TopicInference.of(model);
        assertEquals(k, inference.k());
        for (int d = 0; d < documents.size(); d++) {
          double[] actual = inference.theta(documents.get(d));
          double[] want = expected.get(d);
          assertEquals(k, actual.length, "K of document " + d);
          for (int j = 0; j < k; j++) {
            assertEquals(Double.doubleToLongBits(want[j]), Double.doubleToLongBits(actual[j]),
                "θ[" + j + "] of document " + d + " (" + documents.get(d) + "), K = " + k + ", seed " + seed
                    + ": MLlib " + want[j] + ", ours " + actual[j]);
          }
        }
      }
    }
  }

  @Test
  void aDocumentWithoutTermsHasZerosAndAnUnknownTermIsAnError() {
    LocalLDAModel model = fit(documents(100, 3), 3, 5);
    TopicInference inference = TopicInference.of(model);
    assertArrayEquals(new double[3], inference.theta(Vectors.sparse(VOCABULARY, new int[0], new double[0])));
    assertArrayEquals(new double[3], inference.theta(Vectors.zeros(VOCABULARY)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> inference.theta(Vectors.sparse(VOCABULARY + 5, new int[] {VOCABULARY + 2}, new double[] {1})));
    assertEquals("term id 62 outside the model's vocabulary of 60", e.getMessage());
  }
}
