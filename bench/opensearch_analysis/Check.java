import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

// Lucene's own classes, as OpenSearch builds them from analysis settings, run over texts.
// In (a directory, the only argument, written by bench/opensearch_analysis.py):
//   analyzers.txt  one analyzer a block: "analyzer NAME", then its steps, one a line, tab-separated
//                  ("char pattern_replace PATTERN REPLACEMENT", "char mapping FILE", "lowercase",
//                  "cjk_bigram FLAGS", "stop FILE", "keyword_marker PATTERN", "snowball LANGUAGE",
//                  "pattern_replace PATTERN REPLACEMENT", "uppercase_first"); the tokenizer is standard;
//   texts.txt      one text a line, its line breaks as U+E000.
// Out: terms.txt, for each text one line per analyzer (in analyzers.txt's order): its terms, space-separated.
public class Check {
  static Path dir;
  static Map<String, NormalizeCharMap> maps = new HashMap<>();  // by file: built once, not per text
  static Map<String, CharArraySet> stopSets = new HashMap<>();

  static List<String> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
  }

  static Reader charFilter(String[] step, Reader in) throws IOException {
    switch (step[1]) {
      case "pattern_replace": return new PatternReplaceCharFilter(Pattern.compile(step[2]), step[3], in);
      case "mapping":
        if (!maps.containsKey(step[2])) {
          NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
          for (String rule : lines(step[2])) {
            int arrow = rule.indexOf(" => ");
            map.add(rule.substring(0, arrow), rule.substring(arrow + 4));
          }
          maps.put(step[2], map.build());
        }
        return new MappingCharFilter(maps.get(step[2]), in);
      default: throw new IllegalArgumentException("unknown char filter " + step[1]);
    }
  }

  static TokenStream filter(String[] step, TokenStream in) throws IOException {
    switch (step[0]) {
      case "lowercase": return new LowerCaseFilter(in);
      case "cjk_bigram": return new CJKBigramFilter(in, Integer.parseInt(step[1]), false);
      case "stop":
        if (!stopSets.containsKey(step[1])) stopSets.put(step[1], new CharArraySet(lines(step[1]), false));
        return new StopFilter(in, stopSets.get(step[1]));
      case "keyword_marker": return new PatternKeywordMarkerFilter(in, Pattern.compile(step[1]));
      case "snowball": return new SnowballFilter(in, step[1]);
      case "pattern_replace": return new PatternReplaceFilter(in, Pattern.compile(step[1]), step[2], true);
      case "uppercase_first": return new FilteringTokenFilter(in) {
        final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        protected boolean accept() { return term.length() > 0 && Character.isUpperCase(term.charAt(0)); }
      };
      default: throw new IllegalArgumentException("unknown token filter " + step[0]);
    }
  }

  static String terms(List<String[]> steps, String text) throws IOException {
    Reader reader = new StringReader(text);
    for (String[] step : steps) if (step[0].equals("char")) reader = charFilter(step, reader);
    Tokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(reader);
    TokenStream stream = tokenizer;
    for (String[] step : steps) if (!step[0].equals("char")) stream = filter(step, stream);
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    StringBuilder out = new StringBuilder();
    stream.reset();
    while (stream.incrementToken()) {
      if (out.length() > 0) out.append(' ');
      out.append(term);
    }
    stream.end();
    stream.close();
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    dir = Paths.get(args[0]);
    List<List<String[]>> analyzers = new ArrayList<>();
    for (String line : lines("analyzers.txt")) {
      String[] step = line.split("\t", -1);
      if (step[0].equals("analyzer")) analyzers.add(new ArrayList<>());
      else analyzers.get(analyzers.size() - 1).add(step);
    }
    try (PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(dir.resolve("terms.txt").toFile()), StandardCharsets.UTF_8))) {
      for (String line : lines("texts.txt")) {
        String text = line.replace('\uE000', '\n');
        for (List<String[]> steps : analyzers) out.println(terms(steps, text));
      }
    }
  }
}
