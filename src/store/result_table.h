// Query results as a table of typed cells, and the three ways `parley query`
// writes one: aligned columns for people, JSON Lines (one object per row,
// typed values) and CSV (RFC 4180).  The *_table() functions turn each
// query's structs into a table, so every output format shows the same fields.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <variant>
#include <vector>

#include "store/store.h"

namespace parley::store {

using Cell = std::variant<std::monostate, int64_t, double, bool, std::string>;

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

enum class OutputFormat { kTable, kJsonLines, kCsv };

// Aligned columns with a header; a long cell (sentence text) is cut at
// `max_width` bytes on a UTF-8 boundary with "…".  Newlines become spaces.
std::string format_aligned(const ResultTable& t, size_t max_width = 80);
std::string format_jsonl(const ResultTable& t);
// Header line then rows; fields with , " CR or LF are quoted, " doubled;
// lines end in CRLF as RFC 4180 says.
std::string format_csv(const ResultTable& t);
std::string format_table(const ResultTable& t, OutputFormat f);

// The named columns of t, in the order given (unknown names are skipped):
// the short view of a wide table for aligned output.
ResultTable select_columns(const ResultTable& t, const std::vector<std::string>& names);

ResultTable events_table(const std::vector<EventRow>& rows);
ResultTable clusters_table(const std::vector<ClusterRow>& rows);
ResultTable timeline_table(const std::vector<TimelinePoint>& rows);
ResultTable actors_table(const std::vector<ActorActivity>& rows);
ResultTable quotes_table(const std::vector<QuoteRow>& rows);
ResultTable deadlines_table(const std::vector<DeadlineRow>& rows);
ResultTable documents_table(const std::vector<DocumentSummary>& rows);
ResultTable dyads_table(const std::vector<DyadActivity>& rows);
ResultTable counts_table(const std::vector<CountPoint>& rows);
ResultTable places_table(const std::vector<PlaceActivity>& rows);
ResultTable countries_table(const std::vector<CountryActivity>& rows);

}  // namespace parley::store
