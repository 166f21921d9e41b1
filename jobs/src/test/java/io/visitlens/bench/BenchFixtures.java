package io.visitlens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small generator inputs written into a test's directory, so the tests do not depend on the seeds: three seed
 * articles, a catalogue of three visits and a lexicon of a few phrases.
 */
final class BenchFixtures {
  private BenchFixtures() {}

  record Inputs(Path seedsCorpus, Path visits, Path lexicon) {}

  static Inputs write(Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("seeds/corpus"));
    Files.writeString(corpus.resolve("a.txt"), """
         date 2024-11-19 Kassym-Jomart Tokayev and Aleksandar Vučić held talks in Belgrade on trade and energy.

        The presidents discussed direct flights between Astana and Belgrade and new joint projects in agriculture.

        Serbia is a reliable partner of Kazakhstan in the Balkans, said the Kazakh leader.
        """, StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("b.txt"), """
        ASTANA — Aleksandar Vučić arrived in Astana for an official visit on Feb. 27.

        The sides agreed to expand trade turnover and cooperation in green energy and critical minerals.

        Tokayev thanked his Serbian counterpart for the warm welcome.
        """, StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("c.txt"), """
         date 2025-06-11 Kassym-Jomart Tokayev and Shavkat Mirziyoyev met in Tashkent to discuss water and energy.

        Uzbekistan and Kazakhstan plan new transport corridors and more trade.
        """, StandardCharsets.UTF_8);
    Path visits = dir.resolve("seeds/visits.csv");
    Files.writeString(visits, """
        visit_id,label,start_date,end_date,host_country,host_city,guest_country,guest_leader,host_leader
        belgrade-2024,Tokayev's visit to Belgrade,2024-11-18,2024-11-19,Serbia,Belgrade,Kazakhstan,Kassym-Jomart Tokayev,Aleksandar Vučić
        tashkent-2025,Tokayev's visit to Tashkent,2025-06-10,2025-06-11,Uzbekistan,Tashkent,Kazakhstan,Kassym-Jomart Tokayev,Shavkat Mirziyoyev
        astana-2026,Vučić's visit to Astana,2026-02-26,2026-02-27,Kazakhstan,Astana,Serbia,Aleksandar Vučić,Kassym-Jomart Tokayev
        """, StandardCharsets.UTF_8);
    Path lexicon = dir.resolve("seeds/sectors.csv");
    Files.writeString(lexicon, """
        sector,phrase,kind,cap_code,notes
        trade,trade,word,18,
        trade,trade turnover,phrase,18,
        energy,green energy,phrase,8,
        energy,hydropower,word,8,
        agriculture,agriculture,word,4,
        transport,direct flight,phrase,10,
        mining,critical minerals,phrase,,
        digital,IT,acronym,,
        """, StandardCharsets.UTF_8);
    return new Inputs(corpus, visits, lexicon);
  }
}
