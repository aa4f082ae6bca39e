// Reading one stored document back whole (round trips, the server's
// document view).
#include "store/store_impl.h"

namespace parley::store {
namespace {

// Appends to `out` the rows `SELECT <row id>, <columns> FROM <from_where>`
// yields for the document `id` (bound as ?1), each read by `read` from
// column 1, and their row ids to `ids` when it is given.
template <class Record>
void read_records(sql::Connection& conn, std::string_view id, const char* row_id, const char* columns,
                  const char* from_where, Record (*read)(const sql::Statement&, int), std::vector<Record>& out,
                  std::vector<int64_t>* ids) {
  const std::string sql = std::string("SELECT ") + row_id + ", " + columns + " FROM " + from_where;
  sql::Statement st(conn, sql.c_str());
  st.bind(1, id);
  while (st.step()) {
    if (ids) ids->push_back(st.int64(0));
    out.push_back(read(st, 1));
  }
}

}  // namespace

std::optional<StoredDocument> Store::get_document(std::string_view id, StoredRowIds* row_ids) {
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
                      "SELECT sentence, \"begin\", \"end\", text, discarded FROM sentences WHERE id = ?1 ORDER BY sentence");
    st.bind(1, id);
    while (st.step()) {
      doc.sentences.push_back({static_cast<uint32_t>(st.int64(0)), ByteSpan{st.int64(1), st.int64(2)}, st.text(3),
                               st.int64(4) != 0});
    }
  }
  if (row_ids) *row_ids = StoredRowIds{};
  read_records(conn, id, "e.event_id", kEventColumns, "events e WHERE e.id = ?1 ORDER BY e.event_id", read_event_columns,
               doc.events, row_ids ? &row_ids->events : nullptr);
  read_records(conn, id, "q.quote_id", kQuoteColumns, "quotes q WHERE q.id = ?1 ORDER BY q.quote_id", read_quote_columns,
               doc.quotes, row_ids ? &row_ids->quotes : nullptr);
  read_records(conn, id, "l.deadline_id", kDeadlineColumns, "deadlines l WHERE l.id = ?1 ORDER BY l.deadline_id",
               read_deadline_columns, doc.deadlines, row_ids ? &row_ids->deadlines : nullptr);
  return doc;
}

}  // namespace parley::store
