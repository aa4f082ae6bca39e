// Opening the store and writing documents: replace-by-id in one transaction,
// with the cross-story clusters (date, source, target, code) updated in the
// same transaction: a document's mentions are subtracted when it is removed
// or replaced and added when it is inserted, so counts stay exact.
#include <algorithm>
#include <map>
#include <tuple>

#include "store/schema.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

using ClusterKey = std::tuple<int64_t, std::string, std::string, std::string>;

// Takes a document's events out of their clusters (a cluster left with no
// mention is removed), then deletes the document; the cascade removes its
// sentences, events, quotes, deadlines and cluster_documents rows.
// Incremental, so the cost is that of the document, not of the cluster.
bool remove_document(Store::Impl& db, std::string_view id) {
  sql::Statement& mine = db.cached(
      "SELECT c.cluster_id, cd.mentions FROM cluster_documents cd JOIN event_clusters c ON c.cluster_id = cd.cluster_id "
      "WHERE cd.id = ?1");
  mine.bind(1, id);
  std::vector<std::pair<int64_t, int64_t>> clusters;
  while (mine.step()) clusters.emplace_back(mine.int64(0), mine.int64(1));
  for (const auto& [cluster, mentions] : clusters) {
    sql::Statement& down = db.cached(
        "UPDATE event_clusters SET mentions = mentions - ?2, documents = documents - 1 WHERE cluster_id = ?1");
    down.bind(1, cluster).bind(2, mentions).run();
    sql::Statement& empty = db.cached("DELETE FROM event_clusters WHERE cluster_id = ?1 AND mentions <= 0");
    empty.bind(1, cluster).run();
  }
  sql::Statement& del = db.cached("DELETE FROM documents WHERE id = ?1");
  del.bind(1, id).run();
  return db.writer.conn.changes() > 0;
}

// An event without a date of its own happened, as far as anyone knows, on
// its document's date.
int32_t event_date(int32_t doc_date, const EventRecord& e) { return e.date ? e.date : doc_date; }

// A document's mentions of one cluster, with what comes with the cluster's
// code (root, quad class, weight) copied from its first event: a document
// written in parts (DocumentWriter) sums its parts before adding them.
struct ClusterTally {
  std::string root;
  int quad_class = 0;
  std::optional<double> goldstein;
  int64_t mentions = 0;
};
using ClusterTallies = std::map<ClusterKey, ClusterTally>;

void tally_clusters(int32_t doc_date, std::span<const EventRecord> events, ClusterTallies& tallies) {
  for (const EventRecord& e : events) {
    auto [it, fresh] = tallies.try_emplace(ClusterKey{event_date(doc_date, e), e.source, e.target, e.code});
    if (fresh) {
      it->second.root = e.root;
      it->second.quad_class = e.quad_class;
      it->second.goldstein = e.goldstein;
    }
    ++it->second.mentions;
  }
}

// Adds a freshly inserted document's cluster tallies to the clusters.
void add_to_clusters(Store::Impl& db, std::string_view doc_id, const ClusterTallies& tallies) {
  for (const auto& [key, tally] : tallies) {
    const auto& [date, source, target, code] = key;
    sql::Statement& up = db.cached(
        "INSERT INTO event_clusters(date, source, target, code, root, quad_class, goldstein, mentions, documents) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1) ON CONFLICT(date, source, target, code) DO UPDATE SET "
        "mentions = mentions + excluded.mentions, documents = documents + 1 RETURNING cluster_id");
    up.bind(1, date).bind(2, source).bind(3, target).bind(4, code);
    if (tally.root.empty()) up.bind_null(5); else up.bind(5, tally.root);
    if (tally.quad_class) up.bind(6, int64_t{tally.quad_class}); else up.bind_null(6);
    up.bind(7, tally.goldstein).bind(8, tally.mentions);
    if (!up.step()) db.writer.conn.fail("updating a cluster");
    const int64_t cluster = up.int64(0);
    up.reset();
    sql::Statement& link = db.cached("INSERT INTO cluster_documents(cluster_id, id, mentions) VALUES (?1, ?2, ?3)");
    link.bind(1, cluster).bind(2, doc_id).bind(3, tally.mentions).run();
  }
}

// Binds `text` at i, or NULL when it is empty (an absent optional value).
void bind_text_or_null(sql::Statement& st, int i, const std::string& text) {
  if (text.empty()) st.bind_null(i); else st.bind(i, text);
}

void insert_quote(Store::Impl& db, std::string_view doc_id, const QuoteRecord& q) {
  sql::Statement& st = db.cached(
      "INSERT INTO quotes(id, sentence, speaker, speaker_code, text, speaker_begin, speaker_end, "
      "text_begin, text_end, last_sentence, attribution, closed, speech_verb_begin, speech_verb_end) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  st.bind(1, doc_id).bind(2, int64_t{q.sentence}).bind(3, q.speaker_text).bind(4, q.speaker_code).bind(5, q.quote_text);
  bind_span(st, 6, q.speaker_span);
  bind_span(st, 8, q.quote_span);
  st.bind(10, int64_t{std::max(q.last_sentence, q.sentence)})
      .bind(11, q.attribution.empty() ? std::string_view("none") : std::string_view(q.attribution))
      .bind(12, int64_t{q.closed});
  bind_span(st, 13, q.speech_verb_span);
  st.run();
}

void insert_deadline(Store::Impl& db, std::string_view doc_id, const DeadlineRecord& d) {
  sql::Statement& st = db.cached(
      "INSERT INTO deadlines(id, sentence, setter_code, setter, target_code, target, date, about, "
      "\"begin\", \"end\", target_inferred, date_text, setter_begin, setter_end, date_begin, date_end) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  st.bind(1, doc_id).bind(2, int64_t{d.sentence}).bind(3, d.setter_code).bind(4, d.setter_text);
  st.bind(5, d.target_code).bind(6, d.target_text).bind(7, int64_t{d.due_date}).bind(8, d.about);
  bind_span(st, 9, d.span);
  st.bind(11, int64_t{d.target_inferred});
  bind_text_or_null(st, 12, d.date_text);
  bind_span(st, 13, d.setter_span);
  bind_span(st, 15, d.date_span);
  st.run();
}

// The place columns ?first .. ?first+9, all NULL without a place.
void bind_place(sql::Statement& st, int first, const std::optional<PlaceRecord>& place) {
  if (!place) {
    for (int i = 0; i < 10; ++i) st.bind_null(first + i);
    return;
  }
  const PlaceRecord& p = *place;
  st.bind(first, p.name);
  bind_text_or_null(st, first + 1, p.region);
  st.bind(first + 2, p.country);
  bind_text_or_null(st, first + 3, p.country_iso3);
  st.bind(first + 4, p.lat).bind(first + 5, p.lon).bind(first + 6, p.kind).bind(first + 7, p.evidence);
  bind_span(st, first + 8, p.span);
}

void insert_document_row(Store::Impl& db, const StoredDocument& doc) {
  sql::Statement& d = db.cached("INSERT INTO documents(id, date, source_file, text, story_discarded) VALUES (?1, ?2, ?3, ?4, ?5)");
  d.bind(1, doc.id).bind(2, int64_t{doc.date}).bind(3, doc.source_file).bind(4, doc.text)
      .bind(5, int64_t{doc.story_discarded}).run();
}

// Inserts the sentences, events, quotes and deadlines of `part` (a whole
// document, or one part of one) under document `doc_id`, dated doc_date.
void insert_records(Store::Impl& db, std::string_view doc_id, int32_t doc_date, const StoredDocument& part) {
  sql::Statement& s = db.cached(
                   "INSERT INTO sentences(id, sentence, \"begin\", \"end\", text, discarded) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const SentenceRecord& r : part.sentences) {
    s.bind(1, doc_id).bind(2, int64_t{r.index}).bind(3, r.span.begin).bind(4, r.span.end).bind(5, r.text)
        .bind(6, int64_t{r.discarded}).run();
  }
  sql::Statement& e = db.cached(
      "INSERT INTO events(id, sentence, date, source, target, code, root, quad_class, goldstein, "
      "passive, negated, nominal, verb, verb_entry, pattern, source_begin, source_end, verb_begin, "
      "verb_end, target_begin, target_end, source_text, target_text, date_text, plover_type, plover_mode, "
      "place_name, place_region, place_country, place_country_iso3, place_lat, place_lon, place_kind, "
      "place_evidence, place_begin, place_end, conditional, in_condition, hypothetical, future, reported, "
      "one_sided, condition, condition_begin, condition_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, "
      "?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45)");
  for (const EventRecord& r : part.events) {
    e.bind(1, doc_id).bind(2, int64_t{r.sentence}).bind(3, int64_t{event_date(doc_date, r)}).bind(4, r.source).bind(5, r.target)
        .bind(6, r.code);
    bind_text_or_null(e, 7, r.root);
    if (r.quad_class) e.bind(8, int64_t{r.quad_class}); else e.bind_null(8);
    e.bind(9, r.goldstein).bind(10, int64_t{r.passive}).bind(11, int64_t{r.negated}).bind(12, int64_t{r.nominal});
    e.bind(13, r.verb).bind(14, r.verb_entry);
    bind_text_or_null(e, 15, r.pattern);
    bind_span(e, 16, r.source_span);
    bind_span(e, 18, r.verb_span);
    bind_span(e, 20, r.target_span);
    if (r.source_span.present()) e.bind(22, r.source_text); else e.bind_null(22);
    if (r.target_span.present()) e.bind(23, r.target_text); else e.bind_null(23);
    bind_text_or_null(e, 24, r.date_text);
    bind_text_or_null(e, 25, r.plover_type);
    bind_text_or_null(e, 26, r.plover_mode);
    bind_place(e, 27, r.place);
    e.bind(37, int64_t{r.conditional}).bind(38, int64_t{r.in_condition}).bind(39, int64_t{r.hypothetical})
        .bind(40, int64_t{r.future}).bind(41, int64_t{r.reported}).bind(42, int64_t{r.one_sided});
    bind_text_or_null(e, 43, r.condition);
    bind_span(e, 44, r.condition_span);
    e.run();
  }
  for (const QuoteRecord& q : part.quotes) insert_quote(db, doc_id, q);
  for (const DeadlineRecord& dl : part.deadlines) insert_deadline(db, doc_id, dl);
}

void insert_document(Store::Impl& db, const StoredDocument& doc) {
  insert_document_row(db, doc);
  insert_records(db, doc.id, doc.date, doc);
  ClusterTallies tallies;
  tally_clusters(doc.date, doc.events, tallies);
  add_to_clusters(db, doc.id, tallies);
}

void require_document(Store::Impl& db, const std::string& id) {
  sql::Statement& st = db.cached("SELECT 1 FROM documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) throw StoreError(db.writer.conn.path() + ": document '" + id + "' is not stored");
  st.reset();
}

}  // namespace

ReadLease::ReadLease(Store::Impl& db) : db_(db) {
  {
    std::lock_guard lock(db_.pool_mutex);
    if (!db_.idle_readers.empty()) {
      reader_ = std::move(db_.idle_readers.back());
      db_.idle_readers.pop_back();
      return;
    }
  }
  reader_ = std::make_unique<PreparedConnection>(db_.writer.conn.path(), true);
  reader_->conn.exec("PRAGMA busy_timeout = 10000");
  // Each reader has its own page cache; the OS file cache is shared.  A
  // server keeps one reader per concurrent request (up to its handler
  // threads), so 32 MiB each settled at ~320 MB; 8 MiB holds the indexes a
  // listing walks, and the rest comes from the OS cache (docs/DESIGN.md,
  // "Memory").
  reader_->conn.exec("PRAGMA cache_size = -8192");
}

ReadLease::~ReadLease() {
  std::lock_guard lock(db_.pool_mutex);
  db_.idle_readers.push_back(std::move(reader_));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(const std::string& path, Mode mode) {
  const bool read_only = mode == Mode::kReadOnly;
  auto impl = std::make_unique<Impl>(path, read_only);
  if (read_only && needs_migration(impl->writer.conn)) {
    // Reading an older file: migrate it in place once, then read.
    impl.reset();
    { Impl migrator(path, false); prepare_schema(migrator.writer.conn, false); }
    impl = std::make_unique<Impl>(path, read_only);
  }
  prepare_schema(impl->writer.conn, read_only);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

const std::string& Store::path() const { return impl_->writer.conn.path(); }

void Store::put_document(const StoredDocument& doc) { put_documents(std::span<const StoredDocument>(&doc, 1)); }

void Store::put_documents(std::span<const StoredDocument> docs) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->writer.conn);
  for (const StoredDocument& doc : docs) {
    remove_document(*impl_, doc.id);
    insert_document(*impl_, doc);
  }
  tx.commit();
}

struct DocumentWriter::State {
  State(Store::Impl& store, const std::string& doc_id, int32_t doc_date)
      : lock(store.mutex), tx(store.writer.conn), db(store), id(doc_id), date(doc_date) {}

  std::unique_lock<std::mutex> lock;  // taken before the transaction begins
  sql::Transaction tx;
  Store::Impl& db;
  std::string id;
  int32_t date;
  std::string text;
  bool story_discarded = false;
  ClusterTallies clusters;
  bool committed = false;
};

std::unique_ptr<DocumentWriter> Store::write_document(const std::string& id, int32_t date, const std::string& source_file) {
  auto state = std::make_unique<DocumentWriter::State>(*impl_, id, date);
  remove_document(*impl_, id);
  // The row comes first (the parts' records refer to it); its text, known
  // only at the end, is written by commit().
  StoredDocument row;
  row.id = id;
  row.date = date;
  row.source_file = source_file;
  insert_document_row(*impl_, row);
  return std::unique_ptr<DocumentWriter>(new DocumentWriter(std::move(state)));
}

DocumentWriter::DocumentWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
DocumentWriter::~DocumentWriter() = default;  // an uncommitted transaction rolls back

void DocumentWriter::append(const StoredDocument& part) {
  State& w = *state_;
  if (w.committed) throw StoreError(w.db.writer.conn.path() + ": document '" + w.id + "' appended to after commit");
  w.text += part.text;
  if (part.story_discarded && !w.story_discarded) {
    // A whole-story discard keeps the story's sentences and nothing else, as
    // put_document() does (Worker::code_in_pieces finds it before the first
    // piece, so nothing is normally there to take back).
    w.story_discarded = true;
    for (const char* sql : {"DELETE FROM events WHERE id = ?1", "DELETE FROM quotes WHERE id = ?1",
                            "DELETE FROM deadlines WHERE id = ?1"})
      w.db.cached(sql).bind(1, w.id).run();
    w.clusters.clear();
  }
  if (w.story_discarded) {
    StoredDocument sentences_only;
    sentences_only.sentences = part.sentences;
    insert_records(w.db, w.id, w.date, sentences_only);
    return;
  }
  insert_records(w.db, w.id, w.date, part);
  tally_clusters(w.date, part.events, w.clusters);
}

void DocumentWriter::commit() {
  State& w = *state_;
  if (w.committed) throw StoreError(w.db.writer.conn.path() + ": document '" + w.id + "' committed twice");
  sql::Statement& st = w.db.cached("UPDATE documents SET text = ?2, story_discarded = ?3 WHERE id = ?1");
  st.bind(1, w.id).bind(2, w.text).bind(3, int64_t{w.story_discarded}).run();
  add_to_clusters(w.db, w.id, w.clusters);
  w.tx.commit();
  w.committed = true;
}

bool Store::delete_document(std::string_view id) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->writer.conn);
  const bool removed = remove_document(*impl_, id);
  tx.commit();
  return removed;
}

void Store::add_quotes(std::span<const QuoteRecord> quotes) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->writer.conn);
  for (const QuoteRecord& q : quotes) {
    require_document(*impl_, q.doc_id);
    insert_quote(*impl_, q.doc_id, q);
  }
  tx.commit();
}

void Store::add_deadlines(std::span<const DeadlineRecord> deadlines) {
  std::lock_guard lock(impl_->mutex);
  sql::Transaction tx(impl_->writer.conn);
  for (const DeadlineRecord& d : deadlines) {
    require_document(*impl_, d.doc_id);
    insert_deadline(*impl_, d.doc_id, d);
  }
  tx.commit();
}

StoreCounts Store::counts() {
  ReadLease db(*impl_);
  sql::Statement st(db.conn(),
                    "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                    "(SELECT count(*) FROM events), (SELECT count(*) FROM event_clusters), "
                    "(SELECT count(*) FROM quotes), (SELECT count(*) FROM deadlines)");
  st.step();
  StoreCounts c{st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5)};
  st.reset();
  return c;
}

std::string Store::integrity_check() {
  ReadLease db(*impl_);
  std::string out;
  {
    sql::Statement st(db.conn(), "PRAGMA integrity_check");
    while (st.step()) {
      if (!out.empty()) out += '\n';
      out += st.text(0);
    }
  }
  sql::Statement fk(db.conn(), "PRAGMA foreign_key_check");
  if (fk.step()) out += "\nforeign key violation in table " + fk.text(0);
  return out;
}

}  // namespace parley::store
