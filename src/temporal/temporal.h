// parley/temporal: when an event happened.
//
// Owns date expressions in a parsed sentence, resolved against an anchor
// date (the document date, or a dateline's month/day with the document's
// year; see anchor_date()).  Shapes: "yesterday", "today", "tonight",
// "tomorrow"; "(on|last|next|this) Saturday"; "last/next/this week|month|
// year", "earlier/later this week|month|year"; "Aug. 8", "August 8",
// "August 8, 2025", "8 August (2025)", "August 2025", "in August";
// "in 2024"; "2025-08-08"; "three days ago", "a week ago"; and "two days
// before/after <date>" (possibly over a few words: "two days before a
// critical August 8").  Mentions never overlap: the composite wins.
//
// Decisions: a bare weekday is the latest such day on or before the anchor,
// unless the nearest verb group is future ("will", "'ll", "shall", "is due
// to" ...), then the first on or after it; "last Saturday" is strictly
// before, "next Saturday" strictly after.  A month and day without a year
// take the year that puts them nearest the anchor (so "December 30" in a
// January 2 story is last year's).  Weeks, months and years are given by
// their first day (weeks start on Monday) with the precision saying so.
// A day that does not exist ("February 30") is not a date.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "doc/doc.h"

namespace parley {

enum class DatePrecision : uint8_t { kDay, kWeek, kMonth, kYear };

std::string_view date_precision_name(DatePrecision p);  // "day", "week", "month", "year"

struct DateMention {
  uint32_t token_begin = 0, token_end = 0;  // tokens [begin, end) of the expression
  int32_t date = 0;                         // YYYYMMDD, the first day of the period; 0: needs an anchor
  DatePrecision precision = DatePrecision::kDay;
  std::string_view text;                    // the words, a view into Doc::text
};

// The anchor for relative dates: the document date, or, given a dateline's
// month*100+day (Dateline::date_hint), that day in the year nearest the
// document date.  0 when the document date is unknown or invalid.
int32_t anchor_date(int32_t document_yyyymmdd, int32_t dateline_month_day = 0);

// The date expressions of one sentence, in text order.  An anchor of 0 (or an
// invalid one) still resolves absolute dates ("August 8, 2025", "2025-08-08");
// those that need it ("on Saturday", "August 8") are found with date 0 and
// their words, so an undated story's event keeps its date text.
std::vector<DateMention> find_dates(const Doc& doc, uint32_t sentence, int32_t anchor_yyyymmdd);
// Same, appending to `out` (no allocation once `out` has capacity).
void find_dates(const Doc& doc, uint32_t sentence, int32_t anchor_yyyymmdd, std::vector<DateMention>& out);

struct EventDate {
  int32_t date = 0;                    // YYYYMMDD; the anchor when no mention applies
  DatePrecision precision = DatePrecision::kDay;
  std::string_view date_text;          // the words it came from; empty for the anchor
  bool from_anchor = true;
};

// The date of an event whose verb is token `verb_token`: the mention (of the
// verb's sentence) nearest the verb, ties to the one after it; else the anchor.
EventDate date_for_event(std::span<const DateMention> sentence_mentions, uint32_t verb_token, int32_t anchor_yyyymmdd);

}  // namespace parley
