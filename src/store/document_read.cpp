// Reading one stored document back whole (round trips, the server's
// document view).
#include "store/store_impl.h"

namespace parley::store {
namespace {

// Appends to `out` the rows `SELECT <columns> FROM <from_where>` yields for
// the document `id` (bound as ?1), each read by `read` from column 0.
template <class Record>
void read_records(sql::Connection& conn, std::string_view id, const char* columns, const char* from_where,
                  Record (*read)(const sql::Statement&, int), std::vector<Record>& out) {
  const std::string sql = std::string("SELECT ") + columns + " FROM " + from_where;
  sql::Statement st(conn, sql.c_str());
  st.bind(1, id);
  while (st.step()) out.push_back(read(st, 0));
}

}  // namespace

std::optional<StoredDocument> Store::get_document(std::string_view id) {
  ReadLease db(*impl_);
  sql::Connection& conn = db.conn();
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
  read_records(conn, id, kEventColumns, "events e WHERE e.doc_id = ?1 ORDER BY e.id", read_event_columns, doc.events);
  read_records(conn, id, kQuoteColumns, "quotes q WHERE q.doc_id = ?1 ORDER BY q.id", read_quote_columns, doc.quotes);
  read_records(conn, id, kDeadlineColumns, "deadlines l WHERE l.doc_id = ?1 ORDER BY l.id", read_deadline_columns,
               doc.deadlines);
  return doc;
}

}  // namespace parley::store
