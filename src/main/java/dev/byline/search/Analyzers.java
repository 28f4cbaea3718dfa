package dev.byline.search;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The analyser for the site's language (a BCP 47 tag from the settings): Lucene's own for the languages it knows,
 * with their stemming and stop words (Persian for Persian and Dari, Arabic, Russian, ...), the standard one (Unicode
 * word breaks, lower case, no stemming) otherwise. The plain and spelling fields are analysed the standard way in
 * every language: prefixes and "did you mean" work on the words as written, not on stems.
 */
final class Analyzers {

    private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = Map.ofEntries(
            Map.entry("en", EnglishAnalyzer::new),
            Map.entry("fa", PersianAnalyzer::new),
            Map.entry("prs", PersianAnalyzer::new), // Dari
            Map.entry("ar", ArabicAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("da", DanishAnalyzer::new),
            Map.entry("no", NorwegianAnalyzer::new),
            Map.entry("nb", NorwegianAnalyzer::new),
            Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new),
            Map.entry("el", GreekAnalyzer::new),
            Map.entry("bg", BulgarianAnalyzer::new),
            Map.entry("cs", CzechAnalyzer::new),
            Map.entry("ca", CatalanAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new),
            Map.entry("ckb", SoraniAnalyzer::new),
            Map.entry("id", IndonesianAnalyzer::new),
            Map.entry("th", ThaiAnalyzer::new),
            Map.entry("zh", CJKAnalyzer::new),
            Map.entry("ja", CJKAnalyzer::new),
            Map.entry("ko", CJKAnalyzer::new));

    private Analyzers() {
    }

    /** The language part of the tag ({@code fa-AF} → {@code fa}) the analyser is chosen by. */
    static String language(String tag) {
        String language = Locale.forLanguageTag(tag == null ? "" : tag).getLanguage();
        return BY_LANGUAGE.containsKey(language) ? language : "standard";
    }

    /** The analyser of the site's text fields for {@code tag}. */
    static Analyzer forLanguage(String tag) {
        return BY_LANGUAGE.getOrDefault(Locale.forLanguageTag(tag == null ? "" : tag).getLanguage(),
                StandardAnalyzer::new).get();
    }

    /** Every field: the language's analyser for the text, the standard one (no stop words) for plain and spelling. */
    static Analyzer forIndex(String tag) {
        Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        Analyzer language = forLanguage(tag);
        return new PerFieldAnalyzerWrapper(language, Map.of(Fields.PLAIN, plain, Fields.SPELL, plain, Fields.ALL,
                gapped(language)));
    }

    /** The same analysis with a gap between a field's values: a phrase never runs from the title into the dek. */
    private static Analyzer gapped(Analyzer analyzer) {
        return new org.apache.lucene.analysis.DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }
}
