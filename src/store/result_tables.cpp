// Each query's rows as a ResultTable: which fields a person, a script or a
// spreadsheet sees, in what order.
#include <stdexcept>
#include <unordered_map>

#include "cameo/cameo.h"
#include "io/dates.h"
#include "io/flat_columns.h"
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

Cell flag_cell(bool b) { return b; }

using EventCell = Cell (*)(const EventRow&);

// The cell of each column of io/flat_columns.h, by name.  A column added
// there without a cell here fails events_table (and its tests) loudly
// rather than shifting the CSV.
const std::unordered_map<std::string, EventCell>& flat_event_cells() {
  static const std::unordered_map<std::string, EventCell> cells = {
      {"id", [](const EventRow& r) -> Cell { return r.doc_id; }},
      {"sentence", [](const EventRow& r) -> Cell { return int64_t{r.event.sentence}; }},
      {"date", [](const EventRow& r) { return date_cell(r.event.date); }},
      {"date_text", [](const EventRow& r) { return text_or_null(r.event.date_text); }},
      {"source", [](const EventRow& r) -> Cell { return r.event.source; }},
      {"target", [](const EventRow& r) -> Cell { return r.event.target; }},
      {"code", [](const EventRow& r) -> Cell { return r.event.code; }},
      {"root", [](const EventRow& r) { return text_or_null(r.event.root); }},
      {"quad_class", [](const EventRow& r) { return quad_cell(r.event.quad_class); }},
      {"goldstein", [](const EventRow& r) { return optional_number(r.event.goldstein); }},
      {"plover_type", [](const EventRow& r) { return text_or_null(r.event.plover_type); }},
      {"plover_mode", [](const EventRow& r) { return text_or_null(r.event.plover_mode); }},
      {"place_name", [](const EventRow& r) { return r.event.place ? text_or_null(r.event.place->name) : Cell{}; }},
      {"place_region", [](const EventRow& r) { return r.event.place ? text_or_null(r.event.place->region) : Cell{}; }},
      {"place_country",
       [](const EventRow& r) { return r.event.place ? text_or_null(r.event.place->country) : Cell{}; }},
      {"place_country_iso3",
       [](const EventRow& r) { return r.event.place ? text_or_null(r.event.place->country_iso3) : Cell{}; }},
      {"place_kind", [](const EventRow& r) { return r.event.place ? text_or_null(r.event.place->kind) : Cell{}; }},
      {"place_lat", [](const EventRow& r) { return r.event.place ? Cell{r.event.place->lat} : Cell{}; }},
      {"place_lon", [](const EventRow& r) { return r.event.place ? Cell{r.event.place->lon} : Cell{}; }},
      {"negated", [](const EventRow& r) { return flag_cell(r.event.negated); }},
      {"conditional", [](const EventRow& r) { return flag_cell(r.event.conditional); }},
      {"condition", [](const EventRow& r) { return text_or_null(r.event.condition); }},
      {"in_condition", [](const EventRow& r) { return flag_cell(r.event.in_condition); }},
      {"hypothetical", [](const EventRow& r) { return flag_cell(r.event.hypothetical); }},
      {"future", [](const EventRow& r) { return flag_cell(r.event.future); }},
      {"reported", [](const EventRow& r) { return flag_cell(r.event.reported); }},
      {"passive", [](const EventRow& r) { return flag_cell(r.event.passive); }},
      {"nominal", [](const EventRow& r) { return flag_cell(r.event.nominal); }},
      {"one_sided", [](const EventRow& r) { return flag_cell(r.event.one_sided); }},
      {"verb", [](const EventRow& r) -> Cell { return r.event.verb; }},
      {"source_text", [](const EventRow& r) { return text_or_null(r.event.source_text); }},
      {"target_text", [](const EventRow& r) { return text_or_null(r.event.target_text); }},
      {"verb_entry", [](const EventRow& r) -> Cell { return r.event.verb_entry; }},
      {"pattern", [](const EventRow& r) { return text_or_null(r.event.pattern); }},
  };
  return cells;
}

}  // namespace

ResultTable events_table(const std::vector<EventRow>& rows) {
  // The columns of `parley code --format csv` (io/flat_columns.h, one list
  // for both), then the rest of the JSON record flattened as every list is
  // (docs/STORE.md): the place's evidence and offsets, the offsets of the
  // condition and of the words coded, and the API's event_id, code_name and
  // sentence_text.  So the JSON of /v1/events and this table name the same
  // fields (cli_server_api_test, JsonAndCsvOfEveryListNameTheSameFields).
  std::vector<EventCell> cells;
  ResultTable t;
  for (const FlatColumn& c : flat_columns()) {
    const auto it = flat_event_cells().find(c.name);
    if (it == flat_event_cells().end())
      throw std::logic_error("events_table: no cell for flat column '" + c.name + "'");
    t.columns.push_back(c.name);
    cells.push_back(it->second);
  }
  for (const char* extra : {"place_evidence", "place_begin", "place_end", "condition_begin", "condition_end",
                            "source_begin", "source_end", "verb_begin", "verb_end", "target_begin", "target_end",
                            "event_id", "code_name", "sentence_text"})
    t.columns.push_back(extra);
  for (const EventRow& r : rows) {
    auto& row = t.rows.emplace_back();
    for (EventCell cell : cells) row.push_back(cell(r));
    const EventRecord& e = r.event;
    row.push_back(e.place ? text_or_null(e.place->evidence) : Cell{});
    const ByteSpan no_place;
    for (const ByteSpan* s : {e.place ? &e.place->span : &no_place, &e.condition_span, &e.source_span, &e.verb_span,
                              &e.target_span}) {
      row.push_back(span_begin(*s));
      row.push_back(span_end(*s));
    }
    row.push_back(r.event_id);
    const CameoCode* cameo = cameo_lookup(e.code);
    row.push_back(cameo ? Cell{std::string(cameo->name)} : Cell{});
    row.push_back(r.sentence_text);
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
               "unclassified", "goldstein", "goldstein_mean"};
  for (const TimelinePoint& p : rows) {
    const int64_t weighted = p.events - p.quad[0];  // events with a weight
    const Cell mean = weighted > 0 ? Cell{p.goldstein / static_cast<double>(weighted)} : Cell{};
    t.rows.push_back({date_cell(p.period), p.events, p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.quad[0],
                      p.goldstein, mean});
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
               "text_begin", "text_end", "speaker_begin", "speaker_end", "speech_verb_begin", "speech_verb_end",
               "quote_id"};
  for (const QuoteRow& r : rows) {
    const QuoteRecord& q = r.quote;
    t.rows.push_back({date_cell(r.date), q.doc_id, int64_t{q.sentence}, int64_t{q.last_sentence},
                      text_or_null(q.speaker_text), text_or_null(q.speaker_code), q.quote_text, q.attribution,
                      q.closed, span_begin(q.quote_span), span_end(q.quote_span), span_begin(q.speaker_span),
                      span_end(q.speaker_span), span_begin(q.speech_verb_span), span_end(q.speech_verb_span),
                      r.quote_id});
  }
  return t;
}

ResultTable deadlines_table(const std::vector<DeadlineRow>& rows) {
  ResultTable t;
  t.columns = {"date", "date_text", "setter", "setter_code", "target", "target_code", "target_inferred", "about",
               "id", "sentence", "begin", "end", "setter_begin", "setter_end", "date_begin", "date_end", "doc_date",
               "deadline_id"};
  for (const DeadlineRow& r : rows) {
    const DeadlineRecord& d = r.deadline;
    t.rows.push_back({date_cell(d.due_date), text_or_null(d.date_text), text_or_null(d.setter_text),
                      text_or_null(d.setter_code), text_or_null(d.target_text), text_or_null(d.target_code),
                      d.target_inferred, text_or_null(d.about), d.doc_id, int64_t{d.sentence}, span_begin(d.span),
                      span_end(d.span), span_begin(d.setter_span), span_end(d.setter_span), span_begin(d.date_span),
                      span_end(d.date_span), date_cell(r.doc_date), r.deadline_id});
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

ResultTable places_table(const std::vector<PlaceActivity>& rows) {
  ResultTable t;
  t.columns = {"place_name", "place_country", "place_country_iso3", "place_kind", "place_lat", "place_lon", "events",
               "goldstein"};
  for (const PlaceActivity& p : rows) {
    t.rows.push_back({p.name, p.country, text_or_null(p.country_iso3), p.kind, p.lat, p.lon, p.events, p.goldstein});
  }
  return t;
}

ResultTable countries_table(const std::vector<CountryActivity>& rows) {
  ResultTable t;
  t.columns = {"place_country", "place_country_iso3", "events", "goldstein"};
  for (const CountryActivity& c : rows) t.rows.push_back({c.country, text_or_null(c.country_iso3), c.events, c.goldstein});
  return t;
}

}  // namespace parley::store
