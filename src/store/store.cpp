// Opening the store and writing documents: replace-by-id in one transaction,
// with the cross-story clusters of every touched (date, source, target, code)
// recounted from the raw events, so counts stay exact under re-ingest,
// replacement and deletion.
#include <set>
#include <tuple>

#include "store/schema.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

using ClusterKey = std::tuple<int64_t, std::string, std::string, std::string>;

void collect_keys(sql::Connection& conn, std::string_view doc_id, std::set<ClusterKey>& keys) {
  sql::Statement st(conn, "SELECT DISTINCT date, source, target, code FROM events WHERE doc_id = ?1");
  st.bind(1, doc_id);
  while (st.step()) keys.emplace(st.int64(0), st.text(1), st.text(2), st.text(3));
}

// Recounts one cluster from the events table; removes it when no event is left.
void refresh_cluster(sql::Connection& conn, const ClusterKey& key) {
  const auto& [date, source, target, code] = key;
  sql::Statement count(conn,
                       "SELECT count(*), count(DISTINCT doc_id), max(root), max(quad_class), max(goldstein) "
                       "FROM events WHERE date = ?1 AND source = ?2 AND target = ?3 AND code = ?4");
  count.bind(1, date).bind(2, source).bind(3, target).bind(4, code);
  count.step();
  const int64_t mentions = count.int64(0), documents = count.int64(1);
  const bool has_root = !count.is_null(2), has_quad = !count.is_null(3);
  const std::string root = count.text(2);
  const int64_t quad = count.int64(3);
  const std::optional<double> goldstein = count.optional_real(4);
  count.reset();
  if (mentions == 0) {
    sql::Statement del(conn, "DELETE FROM event_clusters WHERE date = ?1 AND source = ?2 AND target = ?3 AND code = ?4");
    del.bind(1, date).bind(2, source).bind(3, target).bind(4, code).run();
    return;
  }
  sql::Statement up(conn,
                    "INSERT INTO event_clusters(date, source, target, code, root, quad_class, goldstein, mentions, documents) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                    "ON CONFLICT(date, source, target, code) DO UPDATE SET root = excluded.root, "
                    "quad_class = excluded.quad_class, goldstein = excluded.goldstein, "
                    "mentions = excluded.mentions, documents = excluded.documents");
  up.bind(1, date).bind(2, source).bind(3, target).bind(4, code);
  if (has_root) up.bind(5, root); else up.bind_null(5);
  if (has_quad) up.bind(6, quad); else up.bind_null(6);
  up.bind(7, goldstein).bind(8, mentions).bind(9, documents).run();
}

bool remove_document(sql::Connection& conn, std::string_view id, std::set<ClusterKey>& touched) {
  collect_keys(conn, id, touched);
  // Cascades to sentences -> events, quotes, deadlines.
  sql::Statement del(conn, "DELETE FROM documents WHERE id = ?1");
  del.bind(1, id).run();
  return conn.changes() > 0;
}

void insert_quote(sql::Connection& conn, std::string_view doc_id, const QuoteRecord& q) {
  sql::Statement st(conn,
                    "INSERT INTO quotes(doc_id, sentence, speaker_text, speaker_code, quote_text, "
                    "speaker_begin, speaker_end, quote_begin, quote_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.bind(1, doc_id).bind(2, int64_t{q.sentence}).bind(3, q.speaker_text).bind(4, q.speaker_code).bind(5, q.quote_text);
  bind_span(st, 6, q.speaker_span);
  bind_span(st, 8, q.quote_span);
  st.run();
}

void insert_deadline(sql::Connection& conn, std::string_view doc_id, const DeadlineRecord& d) {
  sql::Statement st(conn,
                    "INSERT INTO deadlines(doc_id, sentence, setter_code, setter_text, target_code, target_text, "
                    "due_date, about, begin_byte, end_byte) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, doc_id).bind(2, int64_t{d.sentence}).bind(3, d.setter_code).bind(4, d.setter_text);
  st.bind(5, d.target_code).bind(6, d.target_text).bind(7, int64_t{d.due_date}).bind(8, d.about);
  bind_span(st, 9, d.span);
  st.run();
}

void insert_document(sql::Connection& conn, const StoredDocument& doc, std::set<ClusterKey>& touched) {
  sql::Statement d(conn, "INSERT INTO documents(id, date, source_file, text, story_discarded) VALUES (?1, ?2, ?3, ?4, ?5)");
  d.bind(1, doc.id).bind(2, int64_t{doc.date}).bind(3, doc.source_file).bind(4, doc.text)
      .bind(5, int64_t{doc.story_discarded}).run();
  sql::Statement s(conn,
                   "INSERT INTO sentences(doc_id, idx, begin_byte, end_byte, text, discarded) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const SentenceRecord& r : doc.sentences) {
    s.bind(1, doc.id).bind(2, int64_t{r.index}).bind(3, r.span.begin).bind(4, r.span.end).bind(5, r.text)
        .bind(6, int64_t{r.discarded}).run();
  }
  sql::Statement e(conn,
                   "INSERT INTO events(doc_id, sentence, date, source, target, code, root, quad_class, goldstein, "
                   "passive, negated, nominal, verb, verb_entry, pattern, source_begin, source_end, verb_begin, "
                   "verb_end, target_begin, target_end, source_text, target_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                   "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)");
  for (const EventRecord& r : doc.events) {
    e.bind(1, doc.id).bind(2, int64_t{r.sentence}).bind(3, int64_t{doc.date}).bind(4, r.source).bind(5, r.target)
        .bind(6, r.code);
    if (r.root.empty()) e.bind_null(7); else e.bind(7, r.root);
    if (r.quad_class) e.bind(8, int64_t{r.quad_class}); else e.bind_null(8);
    e.bind(9, r.goldstein).bind(10, int64_t{r.passive}).bind(11, int64_t{r.negated}).bind(12, int64_t{r.nominal});
    e.bind(13, r.verb).bind(14, r.verb_entry);
    if (r.pattern.empty()) e.bind_null(15); else e.bind(15, r.pattern);
    bind_span(e, 16, r.source_span);
    bind_span(e, 18, r.verb_span);
    bind_span(e, 20, r.target_span);
    if (r.source_span.present()) e.bind(22, r.source_text); else e.bind_null(22);
    if (r.target_span.present()) e.bind(23, r.target_text); else e.bind_null(23);
    e.run();
    touched.emplace(int64_t{doc.date}, r.source, r.target, r.code);
  }
  for (const QuoteRecord& q : doc.quotes) insert_quote(conn, doc.id, q);
  for (const DeadlineRecord& dl : doc.deadlines) insert_deadline(conn, doc.id, dl);
}

void require_document(sql::Connection& conn, const std::string& id) {
  sql::Statement st(conn, "SELECT 1 FROM documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) throw StoreError(conn.path() + ": document '" + id + "' is not stored");
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(const std::string& path, Mode mode) {
  const bool read_only = mode == Mode::kReadOnly;
  auto impl = std::make_unique<Impl>(path, read_only);
  prepare_schema(impl->conn, read_only);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

const std::string& Store::path() const { return impl_->conn.path(); }

void Store::put_document(const StoredDocument& doc) { put_documents(std::span<const StoredDocument>(&doc, 1)); }

void Store::put_documents(std::span<const StoredDocument> docs) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->conn);
  std::set<ClusterKey> touched;
  for (const StoredDocument& doc : docs) {
    remove_document(impl_->conn, doc.id, touched);
    insert_document(impl_->conn, doc, touched);
  }
  for (const ClusterKey& key : touched) refresh_cluster(impl_->conn, key);
  tx.commit();
}

bool Store::delete_document(std::string_view id) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->conn);
  std::set<ClusterKey> touched;
  const bool removed = remove_document(impl_->conn, id, touched);
  for (const ClusterKey& key : touched) refresh_cluster(impl_->conn, key);
  tx.commit();
  return removed;
}

void Store::add_quotes(std::span<const QuoteRecord> quotes) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->conn);
  for (const QuoteRecord& q : quotes) {
    require_document(impl_->conn, q.doc_id);
    insert_quote(impl_->conn, q.doc_id, q);
  }
  tx.commit();
}

void Store::add_deadlines(std::span<const DeadlineRecord> deadlines) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->conn);
  for (const DeadlineRecord& d : deadlines) {
    require_document(impl_->conn, d.doc_id);
    insert_deadline(impl_->conn, d.doc_id, d);
  }
  tx.commit();
}

StoreCounts Store::counts() {
  std::lock_guard lock(impl_->mutex);
  sql::Statement st(impl_->conn,
                    "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                    "(SELECT count(*) FROM events), (SELECT count(*) FROM event_clusters), "
                    "(SELECT count(*) FROM quotes), (SELECT count(*) FROM deadlines)");
  st.step();
  StoreCounts c{st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5)};
  st.reset();
  return c;
}

std::string Store::integrity_check() {
  std::lock_guard lock(impl_->mutex);
  std::string out;
  {
    sql::Statement st(impl_->conn, "PRAGMA integrity_check");
    while (st.step()) out += (out.empty() ? "" : "\n") + st.text(0);
  }
  sql::Statement fk(impl_->conn, "PRAGMA foreign_key_check");
  if (fk.step()) out += "\nforeign key violation in table " + fk.text(0);
  return out;
}

}  // namespace parley::store
