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
    "e.sentence, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein, e.passive, e.negated, "
    "e.nominal, e.verb, e.verb_entry, e.pattern, e.source_begin, e.source_end, e.verb_begin, e.verb_end, "
    "e.target_begin, e.target_end, e.source_text, e.target_text";

const char* const kQuoteColumns =
    "q.doc_id, q.sentence, q.speaker_text, q.speaker_code, q.quote_text, q.speaker_begin, q.speaker_end, "
    "q.quote_begin, q.quote_end";

const char* const kDeadlineColumns =
    "l.doc_id, l.sentence, l.setter_code, l.setter_text, l.target_code, l.target_text, l.due_date, l.about, "
    "l.begin_byte, l.end_byte";

EventRecord read_event_columns(const sql::Statement& st, int first) {
  ColumnCursor col(st, first);
  return {.sentence = col.uint32(), .source = col.text(), .target = col.text(), .code = col.text(),
          .root = col.text(), .quad_class = col.int32(), .goldstein = col.optional_real(), .passive = col.flag(),
          .negated = col.flag(), .nominal = col.flag(), .verb = col.text(), .verb_entry = col.text(),
          .pattern = col.text(), .source_span = col.span(), .verb_span = col.span(), .target_span = col.span(),
          .source_text = col.text(), .target_text = col.text()};
}

QuoteRecord read_quote_columns(const sql::Statement& st, int first) {
  ColumnCursor col(st, first);
  return {.doc_id = col.text(), .sentence = col.uint32(), .speaker_text = col.text(), .speaker_code = col.text(),
          .quote_text = col.text(), .speaker_span = col.span(), .quote_span = col.span()};
}

DeadlineRecord read_deadline_columns(const sql::Statement& st, int first) {
  ColumnCursor col(st, first);
  return {.doc_id = col.text(), .sentence = col.uint32(), .setter_code = col.text(), .setter_text = col.text(),
          .target_code = col.text(), .target_text = col.text(), .due_date = col.int32(), .about = col.text(),
          .span = col.span()};
}

}  // namespace parley::store
