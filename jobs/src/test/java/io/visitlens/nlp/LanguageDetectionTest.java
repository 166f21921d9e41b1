package io.visitlens.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageDetectionTest {

  private static final LanguageDetection DETECTION = LanguageDetection.create();

  /** News-like texts of one to three sentences: expected language, text. */
  static Stream<Arguments> sentences() {
    return Stream.of(
        Arguments.of("en", "The President of Serbia arrived in Astana on Tuesday for a two-day state visit."),
        Arguments.of("en", "Both leaders said trade between the two countries had doubled since 2019. The delegation"
            + " will also visit an industrial park outside the capital."),
        Arguments.of("en", "Ministers signed a memorandum on direct flights between Belgrade and Astana."),
        Arguments.of("de", "Der serbische Präsident ist am Dienstag zu einem Staatsbesuch in Astana eingetroffen."),
        Arguments.of("de", "Beide Seiten wollen den Handel in den kommenden Jahren deutlich ausbauen. Die Delegation"
            + " besucht außerdem einen Industriepark außerhalb der Hauptstadt."),
        Arguments.of("de", "Die Minister unterzeichneten eine Absichtserklärung über direkte Flugverbindungen."),
        Arguments.of("ru", "Президент Сербии прибыл в Астану с двухдневным государственным визитом."),
        Arguments.of("ru", "Стороны заявили, что товарооборот между странами вырос вдвое. Делегация также посетит"
            + " индустриальный парк в пригороде столицы."),
        Arguments.of("ru", "Министры подписали меморандум о прямом авиасообщении между Белградом и Астаной."),
        // None of ы э ъ ё щ й: the library's answer stands.
        Arguments.of("ru", "Президент Сербии посетил Астану, где встретился с казахстанским лидером."),
        Arguments.of("sr-Latn", "Predsednik Vučić je u Beogradu dočekao predsednika Kazahstana Tokajeva."),
        Arguments.of("sr-Latn", "Predsednik Vucic je u Beogradu docekao predsednika Kazahstana Tokajeva."),
        Arguments.of("sr-Latn", "Obe strane su izjavile da se robna razmena između dve zemlje udvostručila."
            + " Delegacija će posetiti i industrijski park nadomak glavnog grada."),
        Arguments.of("sr-Latn", "Obe strane su izjavile da se robna razmena izmedju dve zemlje udvostrucila."
            + " Delegacija ce posetiti i industrijski park nadomak glavnog grada."),
        Arguments.of("sr-Latn", "Ministri su potpisali memorandum o direktnim letovima između Beograda i Astane."),
        Arguments.of("sr-Latn", "Ministri su potpisali memorandum o direktnim letovima izmedju Beograda i Astane."),
        Arguments.of("sr-Cyrl", "Председник Вучић је у Београду дочекао председника Казахстана Токајева."),
        Arguments.of("sr-Cyrl", "Обе стране су изјавиле да се робна размена између две земље удвостручила."),
        // The library hesitates between Serbian and Macedonian (0.71); ћ and ј settle it.
        Arguments.of("sr-Cyrl", "Делегација ће посетити и индустријски парк надомак главног града."),
        Arguments.of("sr-Cyrl", "Министри су потписали меморандум о директним летовима између Београда и Астане."),
        Arguments.of("kk", "Сербия Президенті Астанаға мемлекеттік сапармен келді."),
        Arguments.of("kk", "Министрлер Белград пен Астана арасындағы тікелей әуе қатынасы туралы меморандумға қол"
            + " қойды."),
        Arguments.of("hr", "Predsjednik Srbije doputovao je u Zagreb u dvodnevni službeni posjet."),
        Arguments.of("hr", "Obje strane izjavile su da se robna razmjena izmedju dviju zemalja udvostrucila."),
        Arguments.of("fr", "Le président serbe est arrivé mardi à Astana pour une visite d'État de deux jours."),
        // English with Serbian and Kazakh names.
        Arguments.of("en", "Aleksandar Vučić and Kassym-Jomart Tokayev met in Belgrade on Monday; Vučić said Serbia"
            + " and Kazakhstan would expand cooperation in energy and agriculture."),
        Arguments.of("en", "Serbian President Aleksandar Vučić, Prime Minister Miloš Vučević and Foreign Minister"
            + " Marko Đurić welcomed the Kazakh delegation at Nikola Tesla Airport."));
  }

  /** One paragraph per language: expected language, text. */
  static Stream<Arguments> paragraphs() {
    return Stream.of(
        Arguments.of("en", "Serbian President Aleksandar Vučić arrived in Astana on Tuesday for a two-day state"
            + " visit, his first to Kazakhstan in more than a decade. He was welcomed at the airport by Prime Minister"
            + " Olzhas Bektenov and later held talks with President Kassym-Jomart Tokayev at the Akorda residence."
            + " The two sides are expected to sign agreements on energy, agriculture and transport, including a"
            + " long-discussed direct air link between the two capitals. Officials in Belgrade said trade between the"
            + " two countries had grown steadily and could reach half a billion dollars within three years."),
        Arguments.of("de", "Der serbische Präsident Aleksandar Vučić ist am Dienstag zu einem zweitägigen"
            + " Staatsbesuch in Kasachstan eingetroffen. Am Flughafen von Astana wurde er von Ministerpräsident"
            + " Olschas Bektenow empfangen, anschließend fanden Gespräche mit Präsident Kassym-Schomart Tokajew statt."
            + " Beide Regierungen wollen Abkommen über Energie, Landwirtschaft und Verkehr unterzeichnen, darunter"
            + " eine seit Langem geplante direkte Flugverbindung zwischen den Hauptstädten. Nach Angaben aus Belgrad"
            + " ist der Handel zwischen beiden Ländern in den vergangenen Jahren stetig gewachsen."),
        Arguments.of("ru", "Президент Сербии Александр Вучич во вторник прибыл в Астану с двухдневным"
            + " государственным визитом, первым за более чем десять лет. В аэропорту его встретил премьер-министр"
            + " Олжас Бектенов, после чего в резиденции Акорда состоялись переговоры с президентом Касым-Жомартом"
            + " Токаевым. Ожидается, что стороны подпишут соглашения в области энергетики, сельского хозяйства и"
            + " транспорта, в том числе о запуске прямого авиарейса между столицами. В Белграде отметили, что"
            + " товарооборот между двумя странами стабильно растёт."),
        Arguments.of("sr-Latn", "Predsednik Srbije Aleksandar Vučić doputovao je danas u dvodnevnu državnu posetu"
            + " Kazahstanu, gde će se u Astani sastati sa predsednikom Kasim-Žomartom Tokajevim. Kako je saopšteno iz"
            + " Predsedništva, tokom posete biće potpisano više sporazuma o saradnji u oblasti energetike,"
            + " poljoprivrede i saobraćaja, uključujući uspostavljanje direktne avionske linije između Beograda i"
            + " Astane. Vučić je izjavio da Srbija vidi Kazahstan kao važnog partnera u Centralnoj Aziji i da očekuje"
            + " rast robne razmene u narednim godinama."),
        Arguments.of("sr-Latn", "Predsednik Srbije Aleksandar Vucic doputovao je danas u dvodnevnu drzavnu posetu"
            + " Kazahstanu, gde ce se u Astani sastati sa predsednikom Kasim-Zomartom Tokajevim. Kako je saopsteno iz"
            + " Predsednistva, tokom posete bice potpisano vise sporazuma o saradnji u oblasti energetike,"
            + " poljoprivrede i saobracaja, ukljucujuci uspostavljanje direktne avionske linije izmedju Beograda i"
            + " Astane. Vucic je izjavio da Srbija vidi Kazahstan kao vaznog partnera u Centralnoj Aziji i da ocekuje"
            + " rast robne razmene u narednim godinama."),
        Arguments.of("sr-Cyrl", "Председник Србије Александар Вучић допутовао је данас у дводневну државну посету"
            + " Казахстану, где ће се у Астани састати са председником Касим-Жомартом Токајевим. Како је саопштено из"
            + " Председништва, током посете биће потписано више споразума о сарадњи у области енергетике,"
            + " пољопривреде и саобраћаја, укључујући успостављање директне авионске линије између Београда и"
            + " Астане. Вучић је изјавио да Србија види Казахстан као важног партнера у Централној Азији и да очекује"
            + " раст робне размене у наредним годинама."),
        Arguments.of("kk", "Сербия Президенті Александр Вучич сейсенбі күні Қазақстанға екі күндік мемлекеттік"
            + " сапармен келді. Әуежайда оны Премьер-министр Олжас Бектенов қарсы алды, кейін Ақордада Президент"
            + " Қасым-Жомарт Тоқаевпен келіссөздер өтті. Тараптар энергетика, ауыл шаруашылығы және көлік"
            + " салаларындағы келісімдерге, соның ішінде екі астана арасындағы тікелей әуе рейсін ашу туралы құжатқа"
            + " қол қояды деп күтілуде."),
        Arguments.of("hr", "Predsjednik Kazahstana Kasim-Žomart Tokajev doputovao je u utorak u dvodnevni službeni"
            + " posjet Hrvatskoj. Tijekom posjeta sastat će se s predsjednikom Vlade i predsjednikom Republike, a"
            + " potpisat će se i sporazumi o suradnji u području energetike, poljoprivrede i prometa. Kako je"
            + " priopćeno iz Vlade, obje strane žele uspostaviti izravnu zračnu liniju između Zagreba i Astane te"
            + " povećati robnu razmjenu u idućim godinama."));
  }

  /** Texts that must come out {@code und}: no letters, fewer than three words, too short or no clear answer. */
  static Stream<String> undetermined() {
    return Stream.of(
        "",
        "   \n\t ",
        "2024-05-12, 14:30 — 7.5% (+0.3)!!! №42",
        "State visit",
        "Državna poseta",
        "Vučić Tokajev",
        // At most 50 characters.
        "Vučić meets Tokayev in Astana",
        "Serbian President Vučić visits Astana, Kazakhstan",
        // Names only: the library's best guess, Turkish, has 4 of its 7 trials.
        "Tokayev Vučić Astana Belgrade Akorda Nur-Sultan Kassym-Jomart Aleksandar");
  }

  @ParameterizedTest
  @MethodSource("sentences")
  void detectsTheLanguageOfSentences(String expected, String text) {
    assertEquals(expected, DETECTION.detect(text), () -> "language of \"" + text + "\"");
  }

  @ParameterizedTest
  @MethodSource("paragraphs")
  void detectsTheLanguageOfParagraphs(String expected, String text) {
    assertEquals(expected, DETECTION.detect(text), () -> "language of \"" + text + "\"");
  }

  @ParameterizedTest
  @MethodSource("undetermined")
  void isUndeterminedWhenUnsure(String text) {
    assertEquals(LanguageDetection.UNDETERMINED, DETECTION.detect(text), () -> "language of \"" + text + "\"");
  }

  @Test
  void isUndeterminedForNull() {
    assertEquals(LanguageDetection.UNDETERMINED, DETECTION.detect(null));
  }

  @Test
  void readsOnlyTheBeginningOfALongText() {
    String english = paragraph("en");
    String german = paragraph("de");
    StringBuilder text = new StringBuilder();
    while (text.length() < LanguageDetection.MAX_CHARS) {
      text.append(english).append("\n\n");
    }
    for (int i = 0; i < 100; i++) {
      text.append(german).append("\n\n");
    }
    assertEquals("en", DETECTION.detect(text), "English for the first " + LanguageDetection.MAX_CHARS + " characters, then 60,000 of German");
  }

  @Test
  void foldsSerbianLatinWithoutDiacritics() {
    assertEquals("predsednik vucic medjunarodni", LanguageDetection.fold("Predsednik Vučić međunarodni"));
    assertEquals(LanguageDetection.fold("Predsednik Vucic medjunarodni"),
        LanguageDetection.fold("PREDSEDNIK VUČIĆ MEĐUNARODNI"));
  }

  @Test
  void tellsCroatianFromSerbianLatinByWordForms() {
    assertEquals("sr-Latn", LanguageDetection.southSlavicLatin("Predsednik je tokom posete razgovarao o saradnji."));
    assertEquals("hr", LanguageDetection.southSlavicLatin("Predsjednik je tijekom posjeta razgovarao o suradnji."));
    assertEquals("sr-Latn", LanguageDetection.southSlavicLatin("Srbija i Kazahstan potpisali sporazum."),
        "no word form of either: the tie goes to Serbian");
  }

  @Test
  void survivesSerializationAsInASparkClosure() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(DETECTION);
    }
    LanguageDetection copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (LanguageDetection) in.readObject();
    }
    assertEquals("sr-Cyrl", copy.detect(paragraph("sr-Cyrl")));
  }

  @Test
  void givesTheSameAnswersFromManyThreads() throws Exception {
    List<Arguments> cases = Stream.concat(sentences(), paragraphs()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (Arguments c : cases) {
          answers.add(pool.submit(() -> DETECTION.detect((String) c.get()[1])));
        }
      }
      for (int i = 0; i < answers.size(); i++) {
        Object[] c = cases.get(i % cases.size()).get();
        assertEquals(c[0], answers.get(i).get(), "language of \"" + c[1] + "\" on a pool thread");
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Prints single-thread throughput over about 5 MB of paragraphs, one detection per paragraph, after an untimed
   * pass that warms the JIT up, in wall time and in the thread's CPU time (which other work on the machine inflates
   * less); asserts the answers, not the time.
   */
  @Test
  void measuresThroughput() {
    List<Arguments> cases = paragraphs().toList();
    List<Object[]> documents = new ArrayList<>();
    long bytes = 0;
    while (bytes < 5_000_000) {
      for (Arguments c : cases) {
        documents.add(c.get());
        bytes += ((String) c.get()[1]).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    for (Object[] d : documents) {
      DETECTION.detect((String) d[1]);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (Object[] d : documents) {
      assertEquals(d[0], DETECTION.detect((String) d[1]));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf("LanguageDetection: %d paragraphs, %.1f MB of UTF-8: %.2f MB/s (%.2f s) on one thread,"
        + " %.2f MB per CPU-second%n", documents.size(), bytes / 1e6, bytes / 1e6 / seconds, seconds,
        bytes / 1e6 / cpuSeconds);
  }

  private static String paragraph(String language) {
    return paragraphs().filter(a -> a.get()[0].equals(language)).map(a -> (String) a.get()[1]).findFirst().orElseThrow();
  }

  /** Texts where the library's URL, e-mail and minority-script filters do and do not change what it reads. */
  static Stream<String> filteredTexts() {
    return Stream.of(
        "Plain English news prose, with digits 2024 and punctuation — “quotes” and dashes.",
        "See https://example.org/visit?id=7&x=1 for the programme, or write to press@example.org today.",
        "http without a colon and an at sign @ alone; mail-like a@b but short",
        "Predsednik Vučić je doputovao u Astanu. Đorđe, Ćirić, Šabac, Žabalj.",
        "Президент Сербии прибыл в Астану с визитом, Ђорђе и Ћирић тоже.",
        "Президент Сербии (Serbia) прибыл в Астану с двухдневным государственным визитом в среду.",
        "Mostly Latin text with one Greek word λόγος and one Cyrillic word Москва inside it here.",
        "Combining marks after Latin: e\u0301 a\u0300 and after Cyrillic: и\u0306 in the text.",
        "\u0301 starts with a combining mark, then µ micro and ª ordinal, then text.",
        "Emoji \uD83D\uDE00 and CJK 中文 with Latin letters around them in a sentence.",
        "");
  }

  @ParameterizedTest
  @MethodSource("filteredTexts")
  void skippingTheFiltersThatCannotChangeATextReadsTheSameText(String text) {
    assertEquals(LanguageDetection.cleaned(text, true), LanguageDetection.cleaned(text, false),
        "what the library reads of: " + text);
  }

  @Test
  void theFilterChecksSayWhenAFilterCouldChangeTheText() {
    assertEquals(true, LanguageDetection.mayHoldLinks("see https://example.org"));
    assertEquals(true, LanguageDetection.mayHoldLinks("write to a@b.org"));
    assertEquals(false, LanguageDetection.mayHoldLinks("no link here: www dot example"));
    assertEquals(true, LanguageDetection.oneScript("Latin only, with digits 12 and — dashes, é and ü."));
    assertEquals(true, LanguageDetection.oneScript("Только кириллица, 12 и — тире."));
    assertEquals(false, LanguageDetection.oneScript("Latin and кириллица"));
    assertEquals(false, LanguageDetection.oneScript("Latin and λόγος"));
  }
}
