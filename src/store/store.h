// parley/store: the event store, one SQLite file.
//
// Owns the on-disk schema (documents, sentences, events, event_clusters,
// quotes, deadlines, meta) and every read and write of it: replacing a
// document's records in one transaction, keeping the cross-story clusters
// (same date, source, target, code = one event with a mention count) in step,
// and the analyst's queries (events, dyad timelines, active actors, quotes,
// open deadlines), which return plain structs so the CLI and the HTTP server
// share them and only format.
//
// Threads: one Store may be shared by any number of threads.  Writes are
// serialised on one write connection; every read borrows a read-only
// connection from an internal pool (one per concurrent reader), so reads run
// in parallel with each other and with a write (WAL mode).
// Errors: open() and all methods throw StoreError with a message fit for the
// user ("FILE: ..."). Every statement is prepared and parameterised; query
// filters never become SQL text.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace parley::store {

// Version of the schema this build writes and reads.  A file with a larger
// version (a newer parley) or without parley's meta table is refused.
inline constexpr int kSchemaVersion = 10;  // docs/STORE.md; older files migrate in place

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Byte range [begin, end) in the document text; begin < 0 = absent.
struct ByteSpan {
  int64_t begin = -1, end = -1;
  bool present() const { return begin >= 0; }
  bool operator==(const ByteSpan&) const = default;
};

// ------------------------------------------------------------ records (write)

struct SentenceRecord {
  uint32_t index = 0;
  ByteSpan span;            // in the document text
  std::string text;         // the sentence's bytes (copied for text search)
  bool discarded = false;   // matched a discard phrase
  bool operator==(const SentenceRecord&) const = default;
};

// Where an event happened (places/places.h), as `parley code` writes it.
struct PlaceRecord {
  std::string name;             // "Moscow"
  std::string region;           // first-level region of a city; "" otherwise
  std::string country;          // ISO 3166-1 alpha-2
  std::string country_iso3;     // "" when iso-codes has none
  double lat = 0, lon = 0;
  std::string kind;             // "city", "country", "region"
  std::string evidence;         // "named", "landmark", "inherited"
  ByteSpan span;                // the words that named it; absent when inherited
  bool operator==(const PlaceRecord&) const = default;
};

// One coded event: every field of a `parley code` JSON event.
struct EventRecord {
  uint32_t sentence = 0;
  int32_t date = 0;             // the event's own date, YYYYMMDD; 0 = the document's
  std::string date_text;        // the words it came from; "" = the document's date
  std::string source, target;   // actor codes; "---" = missing side
  std::string code;             // CAMEO code
  std::string root;             // "04"; "" for a code outside the CAMEO table
  int quad_class = 0;           // 1..4; 0 for a code outside the table
  std::optional<double> goldstein;
  std::string plover_type, plover_mode;  // "" when unknown / PLOVER defines no mode
  std::optional<PlaceRecord> place;
  // Modality flags (modality/modality.h) and the coder's own.
  bool negated = false, conditional = false, in_condition = false, hypothetical = false, future = false,
       reported = false, passive = false, nominal = false, one_sided = false;
  std::string condition;        // the condition's words when conditional
  ByteSpan condition_span;
  std::string verb;             // the verb's text in the sentence
  std::string verb_entry;       // dictionary file:line of the verb form, relative to the dictionary folder
  std::string pattern;          // dictionary file:line of the pattern; "" = verb default
  ByteSpan source_span, verb_span, target_span;
  std::string source_text, target_text;
  bool operator==(const EventRecord&) const = default;
};

// A quotation (filled by the quotes component; wired in by the lead).
struct QuoteRecord {
  std::string doc_id;           // ignored inside StoredDocument (its id is used)
  uint32_t sentence = 0;
  uint32_t last_sentence = 0;   // the sentence the quotation ends in
  std::string speaker_text;     // as written: "Kirill Dmitriev"
  std::string speaker_code;     // actor code, "" if unresolved
  std::string quote_text;
  std::string attribution;      // "trailing", "leading", "continued", "none"
  bool closed = true;           // false: the closing quotation mark is missing
  ByteSpan speaker_span, quote_span, speech_verb_span;
  bool operator==(const QuoteRecord&) const = default;
};

// A deadline or ultimatum (filled by the deadlines component).
struct DeadlineRecord {
  std::string doc_id;           // ignored inside StoredDocument (its id is used)
  uint32_t sentence = 0;
  std::string setter_code, setter_text;  // who set it
  std::string target_code, target_text;  // who must act
  bool target_inferred = false; // the target was not named next to the deadline
  int32_t due_date = 0;         // YYYYMMDD
  std::string date_text;        // the words of the date
  std::string about;            // what must happen, as written
  ByteSpan span;                // the deadline statement in the document text
  ByteSpan setter_span, date_span;
  bool operator==(const DeadlineRecord&) const = default;
};

// The row ids of a stored document's records, each parallel to its list
// in StoredDocument (get_document).
struct StoredRowIds {
  std::vector<int64_t> events, quotes, deadlines;
};

// Everything stored for one input record.
struct StoredDocument {
  std::string id;
  int32_t date = 0;             // YYYYMMDD, 0 = unknown
  std::string source_file;      // where it came from: a relative path or a file name, never an absolute path
  std::string text;
  bool story_discarded = false;
  std::vector<SentenceRecord> sentences;
  std::vector<EventRecord> events;
  std::vector<QuoteRecord> quotes;
  std::vector<DeadlineRecord> deadlines;
  bool operator==(const StoredDocument&) const = default;
};

struct StoreCounts {
  int64_t documents = 0, sentences = 0, events = 0, clusters = 0, quotes = 0, deadlines = 0;
  bool operator==(const StoreCounts&) const = default;
};

// ------------------------------------------------------------ queries (read)

// Flags an event filter can exclude (EventFilter::exclude, OR-ed).
enum EventFlag : unsigned {
  kNegated = 1u << 0,
  kConditional = 1u << 1,      // conditional, or itself the condition
  kHypothetical = 1u << 2,
  kFuture = 1u << 3,
  kOneSided = 1u << 4,
  kReported = 1u << 5,
};

// What an event listing is ordered by; ties go by event id in the same
// direction, so pages never overlap.
enum class EventSort { kDate, kSource, kTarget, kCode, kRoot, kQuadClass, kGoldstein, kCountry, kDocument };

// The sort keys of a listing (the API's sort=): each is the name of the
// record field it orders by, as `parley code`, the API and the CSV columns
// name it (docs/STORE.md, one vocabulary).  The first name of each sort is
// its own; a later one for the same sort is an older alias, still accepted.
template <class Sort>
struct SortKey {
  std::string_view name;
  Sort sort;
};
inline constexpr SortKey<EventSort> kEventSortKeys[] = {
    {"date", EventSort::kDate},           {"source", EventSort::kSource},
    {"target", EventSort::kTarget},       {"code", EventSort::kCode},
    {"root", EventSort::kRoot},           {"quad_class", EventSort::kQuadClass},
    {"goldstein", EventSort::kGoldstein}, {"place_country", EventSort::kCountry},
    {"id", EventSort::kDocument},         {"country", EventSort::kCountry},
    {"doc", EventSort::kDocument}};
// The own name of `sort` (the first of kEventSortKeys).
std::string_view event_sort_name(EventSort sort);

// A position in an event listing: the sort key and the id of the last row
// of a page.  EventFilter::after = it gives the rows after that one, in the
// same order: keyset paging, as fast a thousand pages deep as on the first
// (an offset reads and drops every row before the page).
struct EventCursor {
  std::variant<std::monostate, int64_t, double, std::string> key;  // monostate: NULL (sorted first)
  int64_t id = 0;
  bool operator==(const EventCursor&) const = default;
};

// Actor arguments are code prefixes, upper-cased ("rus" matches RUSGOV).
// Dates are YYYYMMDD; 0 = unbounded.  limit 0 = no limit.
struct EventFilter {
  std::string actor;            // source or target starts with this
  std::string source, target;   // this side starts with this
  std::string dyad_a, dyad_b;   // both set: a dyad
  bool directed = false;        // dyad only as a -> b (else either direction)
  std::string code;             // exact CAMEO code
  std::string root;             // two-digit root
  int quad_class = 0;           // 1..4; 0 = any
  std::string plover_type;      // exact PLOVER type ("ASSAULT")
  std::string country;          // ISO alpha-2 of the event's place
  unsigned exclude = 0;         // EventFlag bits: drop events with any of them
  int32_t from = 0, to = 0;     // the event's date, inclusive
  std::string text;             // substring of the sentence text (case-insensitive ASCII)
  std::string doc_id;           // exact
  EventSort sort = EventSort::kDate;
  bool descending = false;
  int64_t limit = 0, offset = 0;
  std::optional<EventCursor> after;  // only rows after this one (offset then skips from there)
  // How Store::events() finds the page (docs/STORE.md): kAuto tries a walk
  // along the sort index within a budget, then the filters' indexes.  The
  // others force one plan (tests check that both give the same rows).
  enum class Plan { kAuto, kWalk, kFilter } plan = Plan::kAuto;
};

struct EventRow {
  int64_t event_id = 0;
  std::string doc_id;
  EventRecord event;
  std::string sentence_text;
};

// The cursor of `row` in a listing sorted by `sort`, and its text form: an
// opaque URL-safe token that names the sort and direction it was made for.
// parse_event_cursor() gives nullopt for a token that is malformed or was
// made for another sort or direction.
EventCursor cursor_of(const EventRow& row, EventSort sort);
std::string format_event_cursor(const EventCursor& cursor, EventSort sort, bool descending);
std::optional<EventCursor> parse_event_cursor(std::string_view token, EventSort sort, bool descending);

// How many events match; `exact` false: at least `count` (the cap or the
// counting work was reached).
struct EventCount {
  int64_t count = 0;
  bool exact = true;
};

// A deduplicated event: all raw events with the same date, source, target
// and code, across documents (GDELT's NumMentions / NumArticles).
struct ClusterRow {
  int64_t cluster_id = 0;
  int32_t date = 0;
  std::string source, target, code, root;
  int quad_class = 0;
  std::optional<double> goldstein;
  int64_t mentions = 0;         // raw events
  int64_t document_count = 0;   // distinct documents
  std::vector<std::string> documents;  // their ids, sorted
};

enum class Granularity { kDay, kWeek, kMonth };  // weeks start on Monday

struct TimelineQuery {
  std::string a, b;             // dyad (code prefixes); required
  bool directed = false;
  int32_t from = 0, to = 0;
  Granularity by = Granularity::kDay;
};

struct TimelinePoint {
  int32_t period = 0;           // first day of the day/week, YYYYMMDD
  int64_t events = 0;
  int64_t quad[5] = {0, 0, 0, 0, 0};  // [1..4] = per quad class, [0] = no class
  double goldstein = 0;         // summed over events with a weight, to one decimal
};

enum class ActorRole { kSource, kTarget, kEither };

struct ActorQuery {
  ActorRole role = ActorRole::kEither;
  int32_t from = 0, to = 0;
  std::string prefix;           // only actors starting with this
  EventFilter events;           // counts only the events it matches (its limit, sort are ignored)
  int64_t limit = 20;
};

// Event counts per period and group (GDELT's timeline by root or quad class).
enum class CountGroup { kTotal, kRoot, kQuadClass, kPlover };

struct CountQuery {
  EventFilter events;           // which events (limit, offset, sort ignored)
  Granularity by = Granularity::kDay;
  CountGroup group = CountGroup::kTotal;
};

struct CountPoint {
  int32_t period = 0;           // first day of the day/week/month, YYYYMMDD
  std::string group;            // "04", "3", "ASSAULT"; "" for kTotal or no value
  int64_t events = 0;
  double goldstein = 0;         // summed, to one decimal
};

struct DyadActivity {
  std::string source, target;
  int64_t events = 0;
  double goldstein = 0;         // summed, to one decimal
};

// Where events happen (GDELT's ActionGeo): events per place with its
// coordinates, and per country of the place (ISO alpha-2), for the map.
struct PlaceActivity {
  std::string name, country, country_iso3, kind;
  double lat = 0, lon = 0;
  int64_t events = 0;
  double goldstein = 0;         // summed, to one decimal
};

struct CountryActivity {
  std::string country, country_iso3;
  int64_t events = 0;
  double goldstein = 0;         // summed, to one decimal
};

// The stored documents (GET /v1/documents).
enum class DocumentSort { kDate, kId, kEvents };
inline constexpr SortKey<DocumentSort> kDocumentSortKeys[] = {
    {"date", DocumentSort::kDate}, {"id", DocumentSort::kId}, {"events", DocumentSort::kEvents}};

struct DocumentFilter {
  int32_t from = 0, to = 0;
  std::string id_contains;
  DocumentSort sort = DocumentSort::kDate;
  bool descending = false;
  int64_t limit = 0, offset = 0;
};

struct DocumentSummary {
  std::string id;
  int32_t date = 0;
  std::string source_file;
  bool story_discarded = false;
  int64_t sentences = 0, events = 0, quotes = 0, deadlines = 0;
};

struct ActorActivity {
  std::string actor;
  int64_t as_source = 0, as_target = 0, total = 0;  // total = as counted by the role
};

// kSpeaker: the speaker's name as written (the field `speaker`);
// kSpeakerCode: the actor code (`speaker_code`).
enum class QuoteSort { kDate, kSpeaker, kSpeakerCode, kDocument };
inline constexpr SortKey<QuoteSort> kQuoteSortKeys[] = {{"date", QuoteSort::kDate},
                                                        {"speaker", QuoteSort::kSpeaker},
                                                        {"speaker_code", QuoteSort::kSpeakerCode},
                                                        {"id", QuoteSort::kDocument},
                                                        {"doc", QuoteSort::kDocument}};

struct QuoteFilter {
  std::string speaker;          // speaker code prefix, or substring of the speaker text
  std::string doc_id;
  int32_t from = 0, to = 0;     // document dates
  QuoteSort sort = QuoteSort::kDate;
  bool descending = false;
  int64_t limit = 0, offset = 0;
};

struct QuoteRow {
  int64_t quote_id = 0;
  int32_t date = 0;             // the document's
  QuoteRecord quote;
};

// kDue: the deadline's own date (the field `date`); kReported: the date of
// the document that reported it (`doc_date`).
enum class DeadlineSort { kDue, kReported };
inline constexpr SortKey<DeadlineSort> kDeadlineSortKeys[] = {{"date", DeadlineSort::kDue},
                                                              {"doc_date", DeadlineSort::kReported},
                                                              {"due", DeadlineSort::kDue},
                                                              {"reported", DeadlineSort::kReported}};

struct DeadlineFilter {
  int32_t as_of = 0;            // only those due on or after it (YYYYMMDD); 0 = every deadline
  std::string actor;            // setter or target code prefix
  DeadlineSort sort = DeadlineSort::kDue;
  bool descending = false;
  int64_t limit = 0, offset = 0;
};

struct DeadlineRow {
  int64_t deadline_id = 0;
  int32_t doc_date = 0;
  DeadlineRecord deadline;
};

// ------------------------------------------------------------ the store

class DocumentWriter;

class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Creates the file (kReadWrite) or opens it; sets WAL, foreign keys and a
  // busy timeout.  Throws StoreError for a file that is not SQLite, is not a
  // parley store, or has a newer schema.
  static std::unique_ptr<Store> open(const std::string& path, Mode mode = Mode::kReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;

  // Replaces every record of doc.id (delete + insert) and updates the
  // clusters it touches, in one transaction.
  void put_document(const StoredDocument& doc);
  // The same for several documents in one transaction (later ones win).
  void put_documents(std::span<const StoredDocument> docs);
  // Starts writing one document in parts, for a record too long to hold
  // whole (ingest of a record coded in pieces): see DocumentWriter.
  std::unique_ptr<DocumentWriter> write_document(const std::string& id, int32_t date, const std::string& source_file);
  // Removes a document and its records; false if there was none.
  bool delete_document(std::string_view id);
  // The document whole, its records in row order.  With `row_ids`, also
  // their row ids, parallel to doc.events / quotes / deadlines: the ids
  // events(), quotes() and open_deadlines() give (event_id, ...).
  std::optional<StoredDocument> get_document(std::string_view id, StoredRowIds* row_ids = nullptr);

  // Adds records to an already stored document (for the quote and deadline
  // components); throws StoreError if the document is not stored.
  void add_quotes(std::span<const QuoteRecord> quotes);
  void add_deadlines(std::span<const DeadlineRecord> deadlines);

  StoreCounts counts();
  std::string integrity_check();  // "ok" when sound

  // Filters: every EventFilter field; ordered by filter.sort.
  std::vector<EventRow> events(const EventFilter& filter);
  // How many events filter matches (limit/offset ignored), counting at most
  // `cap` rows and at most a fixed amount of work (about 20 ms on a 1M-event
  // store; the same answer on every run); beyond either, a lower bound.
  EventCount count_events(const EventFilter& filter, int64_t cap);
  // Filters: as events(), over the clusters' date, source, target, code.
  std::vector<ClusterRow> clusters(const EventFilter& filter);
  std::vector<TimelinePoint> timeline(const TimelineQuery& query);
  std::vector<ActorActivity> top_actors(const ActorQuery& query);
  // Most active directed dyads (neither side "---"), by event count.
  std::vector<DyadActivity> top_dyads(const EventFilter& filter, int64_t limit);
  // The places of the matching events that have coordinates, most events
  // first (then by name), at most `limit` (0 = all).
  std::vector<PlaceActivity> top_places(const EventFilter& filter, int64_t limit);
  // Every country the matching events' places are in, most events first.
  std::vector<CountryActivity> place_countries(const EventFilter& filter);
  // Dated events per period and group, in period then group order.
  std::vector<CountPoint> event_counts(const CountQuery& query);
  std::vector<DocumentSummary> documents(const DocumentFilter& filter);
  std::vector<QuoteRow> quotes(const QuoteFilter& filter);
  // Deadlines due on or after filter.as_of (all when 0).
  std::vector<DeadlineRow> open_deadlines(const DeadlineFilter& filter);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One document written part by part, so that memory holds a part, not the
// document's every record: put_document() for a document that arrives in
// pieces.  The old records of the id go and the new ones are written in one
// transaction, from Store::write_document() to commit(); meanwhile other
// writes to the store wait (readers see the old version).  Destroyed without
// commit() (an error, a record given up), nothing of it is written.
class DocumentWriter {
 public:
  ~DocumentWriter();
  DocumentWriter(const DocumentWriter&) = delete;
  DocumentWriter& operator=(const DocumentWriter&) = delete;

  // Adds the next part: its text follows the earlier parts' text, and its
  // sentences, events, quotes and deadlines carry the document's indices and
  // byte offsets already.  part.id, date and source_file are not read.
  void append(const StoredDocument& part);
  // Writes the text and the clusters, and commits.  Call once.
  void commit();

  struct State;

 private:
  friend class Store;
  explicit DocumentWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace parley::store
