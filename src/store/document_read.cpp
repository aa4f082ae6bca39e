// Reading one stored document back whole (round trips, the server's
// document view).
#include "store/store_impl.h"

namespace parley::store {

std::optional<StoredDocument> Store::get_document(std::string_view id) {
  std::lock_guard lock(impl_->mutex);
  sql::Connection& conn = impl_->conn;
  StoredDocument doc;
  {
    sql::Statement st(conn, "SELECT id, date, source_file, text, story_discarded FROM documents WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    doc.id = st.text(0);
    doc.date = static_cast<int32_t>(st.int64(1));
    doc.source_file = st.text(2);
    doc.text = st.text(3);
    doc.story_discarded = st.int64(4) != 0;
    st.reset();
  }
  {
    sql::Statement st(conn,
                      "SELECT idx, begin_byte, end_byte, text, discarded FROM sentences WHERE doc_id = ?1 ORDER BY idx");
    st.bind(1, id);
    while (st.step()) {
      doc.sentences.push_back({static_cast<uint32_t>(st.int64(0)), ByteSpan{st.int64(1), st.int64(2)}, st.text(3),
                               st.int64(4) != 0});
    }
  }
  {
    const std::string sql = std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.doc_id = ?1 ORDER BY e.id";
    sql::Statement st(conn, sql.c_str());
    st.bind(1, id);
    while (st.step()) doc.events.push_back(read_event_columns(st, 0));
  }
  {
    sql::Statement st(conn,
                      "SELECT sentence, speaker_text, speaker_code, quote_text, speaker_begin, speaker_end, "
                      "quote_begin, quote_end FROM quotes WHERE doc_id = ?1 ORDER BY id");
    st.bind(1, id);
    while (st.step()) {
      QuoteRecord q;
      q.doc_id = doc.id;
      q.sentence = static_cast<uint32_t>(st.int64(0));
      q.speaker_text = st.text(1);
      q.speaker_code = st.text(2);
      q.quote_text = st.text(3);
      q.speaker_span = span_at(st, 4);
      q.quote_span = span_at(st, 6);
      doc.quotes.push_back(std::move(q));
    }
  }
  {
    sql::Statement st(conn,
                      "SELECT sentence, setter_code, setter_text, target_code, target_text, due_date, about, "
                      "begin_byte, end_byte FROM deadlines WHERE doc_id = ?1 ORDER BY id");
    st.bind(1, id);
    while (st.step()) {
      DeadlineRecord d;
      d.doc_id = doc.id;
      d.sentence = static_cast<uint32_t>(st.int64(0));
      d.setter_code = st.text(1);
      d.setter_text = st.text(2);
      d.target_code = st.text(3);
      d.target_text = st.text(4);
      d.due_date = static_cast<int32_t>(st.int64(5));
      d.about = st.text(6);
      d.span = span_at(st, 7);
      doc.deadlines.push_back(std::move(d));
    }
  }
  return doc;
}

}  // namespace parley::store
