// Each query's rows as a ResultTable: which fields a person, a script or a
// spreadsheet sees, in what order.
#include "io/dates.h"
#include "store/result_table.h"

namespace parley::store {
namespace {

Cell date_cell(int32_t d) {
  if (!d) return std::monostate{};
  return io::format_date(d);
}

Cell text_or_null(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}

Cell optional_number(const std::optional<double>& v) {
  if (!v) return std::monostate{};
  return *v;
}

Cell quad_cell(int q) {
  if (!q) return std::monostate{};
  return int64_t{q};
}

Cell span_begin(const ByteSpan& s) { return s.present() ? Cell{s.begin} : Cell{}; }
Cell span_end(const ByteSpan& s) { return s.present() ? Cell{s.end} : Cell{}; }

}  // namespace

Cell flag_cell(bool b) { return b; }

ResultTable events_table(const std::vector<EventRow>& rows) {
  // The flat form of the event record: nested fields as prefix_name
  // (place_lat, plover_type), offsets as *_begin/*_end (docs/STORE.md).
  ResultTable t;
  t.columns = {"date", "date_text", "id", "sentence", "source", "target", "code", "root", "quad_class", "goldstein",
               "plover_type", "plover_mode", "place_name", "place_country", "place_lat", "place_lon", "negated",
               "conditional", "condition", "in_condition", "hypothetical", "future", "reported", "passive",
               "nominal", "one_sided", "verb", "source_text", "target_text", "verb_entry", "pattern",
               "source_begin", "source_end", "verb_begin", "verb_end", "target_begin", "target_end", "event_id",
               "text"};
  for (const EventRow& r : rows) {
    const EventRecord& e = r.event;
    const bool placed = e.place.has_value();
    t.rows.push_back({date_cell(e.date), text_or_null(e.date_text), r.doc_id, int64_t{e.sentence}, e.source,
                      e.target, e.code, text_or_null(e.root), quad_cell(e.quad_class), optional_number(e.goldstein),
                      text_or_null(e.plover_type), text_or_null(e.plover_mode),
                      placed ? Cell{e.place->name} : Cell{}, placed ? Cell{e.place->country} : Cell{},
                      placed ? Cell{e.place->lat} : Cell{}, placed ? Cell{e.place->lon} : Cell{},
                      flag_cell(e.negated), flag_cell(e.conditional), text_or_null(e.condition),
                      flag_cell(e.in_condition), flag_cell(e.hypothetical), flag_cell(e.future),
                      flag_cell(e.reported), flag_cell(e.passive), flag_cell(e.nominal), flag_cell(e.one_sided),
                      e.verb, text_or_null(e.source_text), text_or_null(e.target_text), e.verb_entry,
                      text_or_null(e.pattern), span_begin(e.source_span), span_end(e.source_span),
                      span_begin(e.verb_span), span_end(e.verb_span), span_begin(e.target_span),
                      span_end(e.target_span), r.event_id, r.sentence_text});
  }
  return t;
}

ResultTable clusters_table(const std::vector<ClusterRow>& rows) {
  ResultTable t;
  t.columns = {"date", "source", "target", "code", "root", "quad_class", "goldstein", "mentions", "documents",
               "ids"};
  for (const ClusterRow& c : rows) {
    std::string ids;
    for (const auto& id : c.documents) ids += (ids.empty() ? "" : " ") + id;
    t.rows.push_back({date_cell(c.date), c.source, c.target, c.code, text_or_null(c.root), quad_cell(c.quad_class),
                      optional_number(c.goldstein), c.mentions, c.document_count, ids});
  }
  return t;
}

ResultTable timeline_table(const std::vector<TimelinePoint>& rows) {
  ResultTable t;
  t.columns = {"period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
               "unclassified", "goldstein"};
  for (const TimelinePoint& p : rows) {
    t.rows.push_back({date_cell(p.period), p.events, p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.quad[0],
                      p.goldstein});
  }
  return t;
}

ResultTable actors_table(const std::vector<ActorActivity>& rows) {
  ResultTable t;
  t.columns = {"actor", "events", "as_source", "as_target"};
  for (const ActorActivity& a : rows) t.rows.push_back({a.actor, a.total, a.as_source, a.as_target});
  return t;
}

ResultTable quotes_table(const std::vector<QuoteRow>& rows) {
  ResultTable t;
  t.columns = {"date", "id", "sentence", "last_sentence", "speaker", "speaker_code", "text", "attribution", "closed",
               "text_begin", "text_end", "quote_id"};
  for (const QuoteRow& r : rows) {
    const QuoteRecord& q = r.quote;
    t.rows.push_back({date_cell(r.date), q.doc_id, int64_t{q.sentence}, int64_t{q.last_sentence},
                      text_or_null(q.speaker_text), text_or_null(q.speaker_code), q.quote_text, q.attribution,
                      q.closed, span_begin(q.quote_span), span_end(q.quote_span), r.quote_id});
  }
  return t;
}

ResultTable deadlines_table(const std::vector<DeadlineRow>& rows) {
  ResultTable t;
  t.columns = {"date", "date_text", "setter", "setter_code", "target", "target_code", "target_inferred", "about",
               "id", "sentence", "doc_date", "deadline_id"};
  for (const DeadlineRow& r : rows) {
    const DeadlineRecord& d = r.deadline;
    t.rows.push_back({date_cell(d.due_date), text_or_null(d.date_text), text_or_null(d.setter_text),
                      text_or_null(d.setter_code), text_or_null(d.target_text), text_or_null(d.target_code),
                      d.target_inferred, text_or_null(d.about), d.doc_id, int64_t{d.sentence}, date_cell(r.doc_date),
                      r.deadline_id});
  }
  return t;
}

ResultTable documents_table(const std::vector<DocumentSummary>& rows) {
  ResultTable t;
  t.columns = {"id", "date", "source_file", "story_discarded", "sentences", "events", "quotes", "deadlines"};
  for (const DocumentSummary& d : rows) {
    t.rows.push_back({d.id, date_cell(d.date), d.source_file, d.story_discarded, d.sentences, d.events, d.quotes,
                      d.deadlines});
  }
  return t;
}

ResultTable dyads_table(const std::vector<DyadActivity>& rows) {
  ResultTable t;
  t.columns = {"source", "target", "events", "goldstein"};
  for (const DyadActivity& d : rows) t.rows.push_back({d.source, d.target, d.events, d.goldstein});
  return t;
}

ResultTable counts_table(const std::vector<CountPoint>& rows) {
  ResultTable t;
  t.columns = {"period", "group", "events", "goldstein"};
  for (const CountPoint& p : rows) t.rows.push_back({date_cell(p.period), text_or_null(p.group), p.events, p.goldstein});
  return t;
}

}  // namespace parley::store
