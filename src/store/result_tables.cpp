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

ResultTable events_table(const std::vector<EventRow>& rows) {
  ResultTable t;
  t.columns = {"date", "id", "sentence", "source", "target", "code", "root", "quad_class", "goldstein",
               "passive", "negated", "nominal", "verb", "source_text", "target_text", "verb_entry",
               "pattern", "source_begin", "source_end", "verb_begin", "verb_end", "target_begin",
               "target_end", "text"};
  for (const EventRow& r : rows) {
    const EventRecord& e = r.event;
    t.rows.push_back({date_cell(r.date), r.doc_id, int64_t{e.sentence}, e.source, e.target, e.code,
                      text_or_null(e.root), quad_cell(e.quad_class), optional_number(e.goldstein), e.passive,
                      e.negated, e.nominal, e.verb, text_or_null(e.source_text), text_or_null(e.target_text),
                      e.verb_entry, text_or_null(e.pattern), span_begin(e.source_span), span_end(e.source_span),
                      span_begin(e.verb_span), span_end(e.verb_span), span_begin(e.target_span),
                      span_end(e.target_span), r.sentence_text});
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
  t.columns = {"date", "id", "sentence", "speaker_code", "speaker", "quote", "quote_begin", "quote_end"};
  for (const QuoteRow& r : rows) {
    const QuoteRecord& q = r.quote;
    t.rows.push_back({date_cell(r.date), q.doc_id, int64_t{q.sentence}, text_or_null(q.speaker_code),
                      q.speaker_text, q.quote_text, span_begin(q.quote_span), span_end(q.quote_span)});
  }
  return t;
}

ResultTable deadlines_table(const std::vector<DeadlineRow>& rows) {
  ResultTable t;
  t.columns = {"due", "setter", "setter_text", "target", "target_text", "about", "id", "sentence", "reported"};
  for (const DeadlineRow& r : rows) {
    const DeadlineRecord& d = r.deadline;
    t.rows.push_back({date_cell(d.due_date), text_or_null(d.setter_code), d.setter_text, text_or_null(d.target_code),
                      d.target_text, d.about, d.doc_id, int64_t{d.sentence}, date_cell(r.doc_date)});
  }
  return t;
}

}  // namespace parley::store
