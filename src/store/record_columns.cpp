// The column lists of the stored records and their readers: one place that
// says which column a field comes from, so that the document view
// (document_read.cpp) and the analyst's queries (queries.cpp) read the same
// row the same way.
#include "store/store_impl.h"

namespace parley::store {
namespace {

// Hands out one result row's columns in order, from `first` on.  A reader
// names the fields in the order of its column list and so keeps no column
// numbers of its own (a span takes two columns, begin and end).
class ColumnCursor {
 public:
  ColumnCursor(const sql::Statement& st, int first) : st_(st), next_(first) {}
  std::string text() { return st_.text(next_++); }
  uint32_t uint32() { return static_cast<uint32_t>(st_.int64(next_++)); }
  int32_t int32() { return static_cast<int32_t>(st_.int64(next_++)); }
  bool flag() { return st_.int64(next_++) != 0; }
  std::optional<double> optional_real() { return st_.optional_real(next_++); }
  double real() { return st_.real(next_++); }
  bool is_null() const { return st_.is_null(next_); }
  void skip(int columns) { next_ += columns; }
  ByteSpan span() {
    const ByteSpan s = span_at(st_, next_);
    next_ += 2;
    return s;
  }

 private:
  const sql::Statement& st_;
  int next_;
};

}  // namespace

// Each list names the record's fields in their declaration order, so that
// its reader below can list them in the same order: a braced initializer
// reads the columns left to right.

const char* const kEventColumns =
    "e.sentence, e.date, e.date_text, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein, "
    "e.plover_type, e.plover_mode, "
    "e.place_name, e.place_region, e.place_country, e.place_country_iso3, e.place_lat, e.place_lon, "
    "e.place_kind, e.place_evidence, e.place_begin, e.place_end, "
    "e.negated, e.conditional, e.in_condition, e.hypothetical, e.future, e.reported, e.passive, e.nominal, "
    "e.one_sided, e.condition, e.condition_begin, e.condition_end, "
    "e.verb, e.verb_entry, e.pattern, e.source_begin, e.source_end, e.verb_begin, e.verb_end, "
    "e.target_begin, e.target_end, e.source_text, e.target_text";

const char* const kQuoteColumns =
    "q.id, q.sentence, coalesce(q.last_sentence, q.sentence), q.speaker, q.speaker_code, q.text, "
    "q.attribution, q.closed, q.speaker_begin, q.speaker_end, q.text_begin, q.text_end, q.speech_verb_begin, "
    "q.speech_verb_end";

const char* const kDeadlineColumns =
    "l.id, l.sentence, l.setter_code, l.setter, l.target_code, l.target, l.target_inferred, "
    "l.date, l.date_text, l.about, l.\"begin\", l.\"end\", l.setter_begin, l.setter_end, l.date_begin, "
    "l.date_end";

namespace {

// The place columns: all NULL when the event has no place (a NULL name).
std::optional<PlaceRecord> read_place(ColumnCursor& col) {
  if (col.is_null()) {
    col.skip(10);
    return std::nullopt;
  }
  return PlaceRecord{.name = col.text(), .region = col.text(), .country = col.text(), .country_iso3 = col.text(),
                     .lat = col.real(), .lon = col.real(), .kind = col.text(), .evidence = col.text(),
                     .span = col.span()};
}

}  // namespace

EventRecord read_event_columns(const sql::Statement& st, int first) {
  ColumnCursor col(st, first);
  return {.sentence = col.uint32(), .date = col.int32(), .date_text = col.text(), .source = col.text(),
          .target = col.text(), .code = col.text(), .root = col.text(), .quad_class = col.int32(),
          .goldstein = col.optional_real(), .plover_type = col.text(), .plover_mode = col.text(),
          .place = read_place(col), .negated = col.flag(), .conditional = col.flag(), .in_condition = col.flag(),
          .hypothetical = col.flag(), .future = col.flag(), .reported = col.flag(), .passive = col.flag(),
          .nominal = col.flag(), .one_sided = col.flag(), .condition = col.text(), .condition_span = col.span(),
          .verb = col.text(), .verb_entry = col.text(), .pattern = col.text(), .source_span = col.span(),
          .verb_span = col.span(), .target_span = col.span(), .source_text = col.text(), .target_text = col.text()};
}

QuoteRecord read_quote_columns(const sql::Statement& st, int first) {
  ColumnCursor col(st, first);
  return {.doc_id = col.text(), .sentence = col.uint32(), .last_sentence = col.uint32(), .speaker_text = col.text(),
          .speaker_code = col.text(), .quote_text = col.text(), .attribution = col.text(), .closed = col.flag(),
          .speaker_span = col.span(), .quote_span = col.span(), .speech_verb_span = col.span()};
}

DeadlineRecord read_deadline_columns(const sql::Statement& st, int first) {
  ColumnCursor col(st, first);
  return {.doc_id = col.text(), .sentence = col.uint32(), .setter_code = col.text(), .setter_text = col.text(),
          .target_code = col.text(), .target_text = col.text(), .target_inferred = col.flag(),
          .due_date = col.int32(), .date_text = col.text(), .about = col.text(), .span = col.span(),
          .setter_span = col.span(), .date_span = col.span()};
}

}  // namespace parley::store
